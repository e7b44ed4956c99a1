// @vitest-environment jsdom
/**
 * The content script's parts fail on their own: the real entrypoint runs in jsdom with the fake
 * browser's storage and messages, and one part is broken at a time. The background's side (the
 * card's script, entries, the user's entries checked) is played here by the same code the
 * background runs.
 */

import lookTerms from 'virtual:look-terms';
import { afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCard } from '../../components/card/Card';
import contentScript from '../../entrypoints/content/index';
import engineScript from '../../entrypoints/engine';
import { LookIndex } from '../../glossary/look-index';
import { builtInEntries, checkStoredEntries, customLookTerms } from '../../lib/entry-answers';
import { parseBackgroundRequest } from '../../lib/messages';
import { CARD_FACTORY_GLOBAL, type CardFactory } from '../../page/card-loader';
import { ENGINE_GLOBAL, FIRST_LOOK_MEASURE, watchForCandidates } from '../../page/first-look';
import { guarded, startPart } from '../../page/parts';
import { entry, names } from './helpers';

const broken = vi.hoisted(() => ({ card: false }));
/** The background requests the content script sent, by type. */
let asked: string[] = [];

/** What the background answers, without a browser: card-ui.js's work is to leave the factory. */
async function background(message: unknown): Promise<unknown> {
  const request = parseBackgroundRequest(message);
  if (request) asked.push(request.type);
  switch (request?.type) {
    case 'load-card': {
      const factory: CardFactory = (deps, trigger) => {
        if (broken.card) throw new Error('the page broke the card');
        return createCard(deps, trigger);
      };
      (globalThis as Record<string, unknown>)[CARD_FACTORY_GLOBAL] = factory;
      return true;
    }
    case 'load-engine':
      engineScript.main();
      return true;
    case 'custom-look-terms':
      return customLookTerms(request.value);
    case 'get-entries':
      return builtInEntries(request.ids);
    case 'check-custom-entries':
      return checkStoredEntries(request.value);
    default:
      return undefined;
  }
}

const PAGE = 'UNODC and GRETA, the Council of Europe’s group of experts, wrote to the IOM about migration.';
const IDS = ['unodc', 'greta', 'coe', 'iom'];
const COUNTS = IDS.map((id) => [id, 1]);
let error: MockInstance<typeof console.error>;
let warn: MockInstance<typeof console.warn>;
let ctx: ContentScriptContext;

beforeAll(() => {
  // What jsdom lacks and the page engine uses.
  if (!globalThis.CSS?.escape) vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/["\\]/g, '\\$&') });
  Element.prototype.scrollIntoView ??= () => undefined;
  // Highlights in shadow roots adopt a sheet; jsdom has neither (the browser tests check the style).
  if (!('adoptedStyleSheets' in ShadowRoot.prototype))
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', { value: [], writable: true });
  CSSStyleSheet.prototype.replaceSync ??= () => undefined;
});
beforeEach(() => {
  asked = [];
  delete (globalThis as Record<string, unknown>)[CARD_FACTORY_GLOBAL];
  delete (globalThis as Record<string, unknown>)[ENGINE_GLOBAL];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(background as typeof fakeBrowser.runtime.sendMessage);
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const p = document.createElement('p');
  p.textContent = PAGE;
  document.body.replaceChildren(p);
});
afterEach(() => {
  ctx?.abort();
  broken.card = false;
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

async function start(): Promise<void> {
  ctx = new ContentScriptContext('content');
  await contentScript.main(ctx);
}
const highlighted = () => [...document.querySelectorAll('palermo-mark')].map((m) => m.getAttribute('data-glossary-id'));
const waitForHighlights = () => vi.waitFor(() => expect(highlighted()).toEqual(IDS));
/**
 * What the content script answers to a message, as the popup or the background would send it: its
 * one listener answers through sendResponse (the browser's own API, without the polyfill).
 */
const ask = (message: unknown) =>
  new Promise<unknown>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, {}, resolve);
  });
const failures = () => error.mock.calls.filter(([prefix]) => prefix === 'Palermo Lens:').map(([, what]) => what);

describe('the content script’s parts', () => {
  it('start together: highlights, the popup’s answers and the keyboard path, without errors', async () => {
    await start();
    await waitForHighlights();
    // The first look found a candidate and loaded the highlighter; no card yet, and no entries of
    // the user's to check.
    expect(asked).toEqual(['load-engine']);
    expect(await ask({ type: 'get-mentions' })).toEqual({
      enabled: true,
      hostname: location.hostname,
      mentions: COUNTS,
    });
    expect(await ask({ type: 'step-mention', direction: 1 })).toBe(true);
    // The keyboard path loaded the card, which opened on the first highlight with its entry.
    await vi.waitFor(() =>
      expect(document.querySelector('[data-glossary-active]')?.getAttribute('data-glossary-id')).toBe('unodc'),
    );
    const cardTitle = () =>
      document.querySelector('palermo-lens-card')?.shadowRoot?.querySelector('.pl-entry__title')?.textContent;
    await vi.waitFor(() => expect(cardTitle()).toBe('United Nations Office on Drugs and Crime'));
    expect(asked).toEqual(['load-engine', 'load-card', 'get-entries', 'get-entries']);
    expect(error).not.toHaveBeenCalled();
  });

  it('go on without the card when it fails to be created, and say so once', async () => {
    broken.card = true;
    await start();
    await waitForHighlights();
    // The keyboard path still goes to the highlight, without a card to open.
    expect(await ask({ type: 'step-mention', direction: 1 })).toBe(true);
    expect(document.querySelector('[data-glossary-flash]')?.getAttribute('data-glossary-id')).toBe('unodc');
    await vi.waitFor(() => expect(failures()).toEqual(['the card failed:']));
    expect(error.mock.calls[0]?.[2]).toEqual(new Error('the page broke the card'));
    expect(await ask({ type: 'get-mentions' })).toMatchObject({
      enabled: true,
      mentions: COUNTS,
    });
    // Not tried again at every step: the card stays off in this frame.
    expect(await ask({ type: 'step-mention', direction: 1 })).toBe(true);
    expect(asked).toEqual(['load-engine', 'load-card']);
    expect(failures()).toEqual(['the card failed:']);
    // With no card open, back goes to the last highlight (not the one before it).
    const marks = [...document.querySelectorAll('palermo-mark')];
    expect(marks.length).toBeGreaterThan(2);
    expect(await ask({ type: 'step-mention', direction: -1 })).toBe(true);
    expect(marks.at(-1)?.hasAttribute('data-glossary-flash')).toBe(true);
    expect(marks.at(-2)?.hasAttribute('data-glossary-flash')).toBe(false);
  });

  it('keep the messages when highlighting cannot start', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync storage is broken'));
    await start();
    await vi.waitFor(() => expect(failures()).toEqual(['highlighting failed:']));
    expect(highlighted()).toEqual([]);
    expect(await ask({ type: 'get-mentions' })).toEqual({ enabled: false, hostname: location.hostname, mentions: [] });
    expect(await ask({ type: 'step-mention', direction: 1 })).toBe(false);
  });

  it('highlight the built-in entries whatever storage holds, with warnings and no error', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage{', settings$: 42 });
    await fakeBrowser.storage.local.set({
      customEntries: ['junk', 7, { id: 'custom-x', names: { en: 'not a list' } }, { id: 'custom-y', future: true }],
      customEntries$: 'garbage',
    });
    await start();
    await waitForHighlights();
    expect(error).not.toHaveBeenCalled();
    // The background checked the user's entries; the page's console says what it left out.
    expect(asked).toEqual(['load-engine', 'check-custom-entries']);
    expect(warn.mock.calls.map(([, text]) => String(text))).toEqual([
      expect.stringMatching(/^the stored settings were damaged/),
      expect.stringMatching(/^4 stored custom entries were damaged and left out: #1 \(/),
    ]);
  });

  it('keep the built-in highlights when the user’s entries cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('local storage is broken'));
    await start();
    await waitForHighlights();
    expect(failures()).toEqual(['your own entries failed:']);
  });
});

describe('the first look', () => {
  const quiet = 'A page about biomes, deserts and the water cycle, which names no instrument.';
  const lookedAt = () =>
    performance.getEntriesByName(FIRST_LOOK_MEASURE).at(-1) as PerformanceMeasure & { detail: { candidate: boolean } };
  beforeEach(() => {
    performance.clearMeasures(FIRST_LOOK_MEASURE);
    const p = document.createElement('p');
    p.textContent = quiet;
    // Names in code of the page's own: not prose, no candidate.
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '{"org": "UNODC", "report": "GRETA"}';
    document.body.replaceChildren(p, script);
  });

  it('loads nothing on a page that names nothing, and the highlighter when a mention is added', async () => {
    await start();
    await vi.waitFor(() => expect(lookedAt()?.detail.candidate).toBe(false));
    expect(asked).toEqual([]);
    expect(ENGINE_GLOBAL in globalThis).toBe(false);
    const added = document.createElement('p');
    added.textContent = PAGE;
    document.body.append(added);
    await waitForHighlights();
    expect(asked).toEqual(['load-engine']);
  });

  it('finds a candidate in an open shadow root, and in text changed in place', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).textContent = 'Nothing yet.';
    document.body.append(host);
    await start();
    await vi.waitFor(() => expect(lookedAt()?.detail.candidate).toBe(false));
    (host.shadowRoot?.firstChild as Text).data = 'The Palermo Protocol';
    await vi.waitFor(() => expect(asked).toEqual(['load-engine']));
    await vi.waitFor(() => expect(host.shadowRoot?.querySelector('palermo-mark')).not.toBeNull());
  });

  /** Over 200,000 characters in all, too long to be looked at whole, in sections that each are not. */
  const longQuietPage = () => {
    const main = document.createElement('main');
    for (let k = 0; k < 60; k++)
      main.append(Object.assign(document.createElement('section'), { textContent: `${quiet} `.repeat(50) }));
    document.body.replaceChildren(main);
    expect(document.body.textContent?.length).toBeGreaterThan(200_000);
    return main;
  };

  it('loads nothing on a long page that names nothing', async () => {
    longQuietPage();
    await start();
    await vi.waitFor(() => expect(lookedAt()?.detail.candidate).toBe(false));
    expect(asked).toEqual([]);
  });

  it('looks at a long page through its parts: a mention in one, in its own text or in a shadow root', async () => {
    for (const place of ['shadow root', 'own text', 'part', 'beside a part with more elements'] as const) {
      const main = longQuietPage();
      if (place === 'beside a part with more elements') {
        // The body's child with the most elements is a menu, not the long text: read, not guessed.
        const menu = document.createElement('nav');
        menu.append(...Array.from({ length: 200 }, () => document.createElement('span')), 'Menu');
        document.body.prepend(menu);
        main.children[10]?.append(' UNODC wrote.');
      } else if (place === 'shadow root') {
        const host = document.createElement('div');
        host.attachShadow({ mode: 'open' }).textContent = 'The Palermo Protocol.';
        main.children[30]?.append(host);
      } else if (place === 'own text')
        main.insertBefore(document.createTextNode('GRETA visited.'), main.children[40] ?? null);
      else main.children[59]?.append(' The Council of Europe Convention.');
      const found = vi.fn();
      const watch = watchForCandidates(document.body, new LookIndex(lookTerms), found, new AbortController().signal);
      await vi.waitFor(() => expect(found, place).toHaveBeenCalled());
      watch.stop();
    }
  });

  it('looks again at a part the page changed under it during a pause, through its children or its text nodes', async () => {
    const main = longQuietPage();
    main.children[59]?.append(' The Council of Europe Convention.');
    // Every slice is over at once: the look pauses after each part.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    const found = vi.fn();
    const watch = watchForCandidates(document.body, new LookIndex(lookTerms), found, new AbortController().signal);
    // Paused after the first section: the page takes it out, as a page rendering itself would.
    main.children[0]?.remove();
    await vi.waitFor(() => expect(found).toHaveBeenCalled());
    watch.stop();

    // The same in a walk of a shorter part's text nodes, paused after each 256.
    const paragraphs = Array.from({ length: 300 }, (_, k) =>
      Object.assign(document.createElement('p'), { textContent: `Line ${k}.` }),
    );
    paragraphs[299]?.append(' The Council of Europe Convention.');
    document.body.replaceChildren(...paragraphs);
    const foundInWalk = vi.fn();
    const walking = watchForCandidates(
      document.body,
      new LookIndex(lookTerms),
      foundInWalk,
      new AbortController().signal,
    );
    paragraphs[255]?.remove();
    await vi.waitFor(() => expect(foundInWalk).toHaveBeenCalled());
    walking.stop();
  });

  it('looks for the user’s own entries too, with the words the background finds they require', async () => {
    const mine = entry('custom-biomes', { names: { en: names('water cycle'), fr: [] } });
    await fakeBrowser.storage.local.set({ customEntries: [mine] });
    await start();
    await vi.waitFor(() => expect(asked).toEqual(['custom-look-terms', 'load-engine', 'check-custom-entries']));
    await vi.waitFor(() => expect(highlighted()).toEqual(['custom-biomes']));
  });

  it('loads the highlighter when the popup asks, and answers it', async () => {
    await start();
    expect(await ask({ type: 'get-mentions' })).toEqual({ enabled: true, hostname: location.hostname, mentions: [] });
    expect(asked).toEqual(['load-engine']);
  });
});

describe('a part', () => {
  it('gives what it started, or undefined with its failure logged', async () => {
    expect(startPart('one', () => 1)).toBe(1);
    expect(await startPart('two', async () => 2)).toBe(2);
    expect(
      startPart('three', () => {
        throw new Error('3');
      }),
    ).toBeUndefined();
    expect(await startPart('four', () => Promise.reject(new Error('4')))).toBeUndefined();
    const listener = guarded('five', (n: number) => {
      if (n > 0) throw new Error('5');
      return n;
    });
    expect(listener(0)).toBe(0);
    expect(listener(1)).toBeUndefined();
    expect(failures()).toEqual(['three failed:', 'four failed:', 'five failed:']);
  });
});
