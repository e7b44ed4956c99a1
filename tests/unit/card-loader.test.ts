// @vitest-environment jsdom
/**
 * The card loaded at its first use (page/card-loader.ts): what starts the loading, what the card
 * is given to take up, and a failed load. The card's script is a fake factory here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import {
  type Card,
  type CardDependencies,
  type CardFactory,
  type CardTrigger,
  lazyCard,
  REST_TOLERANCE_PX,
} from '../../page/card-loader';
import { HIDDEN } from '../../page/card-state';

let ctx: ContentScriptContext;
let settings: Settings;
let deps: CardDependencies;
/** The card the fake factory made, and the trigger it was given. */
let made: { trigger: CardTrigger | null; card: Card } | undefined;
let load: ReturnType<typeof vi.fn<() => Promise<CardFactory>>>;
let finishLoading: (factory: CardFactory) => void;
let failLoading: (error: Error) => void;

const factory: CardFactory = (_, trigger) => {
  const card: Card = { openByKeyboard: vi.fn(), close: vi.fn(), state: { kind: 'opening', mark: document.body } };
  made = { trigger, card };
  return card;
};

beforeEach(() => {
  document.body.innerHTML =
    '<p id="text">The <palermo-mark id="greta" data-glossary-id="greta" data-glossary-category="bodies">GRETA</palermo-mark> and <palermo-mark id="osce" data-glossary-id="osce" data-glossary-category="bodies">OSCE</palermo-mark> met.</p>';
  ctx = new ContentScriptContext('test');
  settings = structuredClone(DEFAULT_SETTINGS);
  deps = {
    ctx,
    settings: () => settings,
    customEntries: () => [],
    onHideEntry: () => undefined,
    onSiteOff: () => undefined,
    onOpenGlossary: () => undefined,
  };
  made = undefined;
  load = vi.fn(
    () =>
      new Promise<CardFactory>((resolve, reject) => {
        finishLoading = resolve;
        failLoading = reject;
      }),
  );
});
afterEach(() => {
  ctx.abort();
  vi.restoreAllMocks();
});

const at = (id: string) => document.getElementById(id) as Element;
const pointer = (type: string, target: Element, x = 10, y = 10, relatedTarget: Element | null = null) =>
  target.dispatchEvent(
    new PointerEvent(type, { bubbles: true, clientX: x, clientY: y, pointerType: 'mouse', relatedTarget }),
  );
/** Finishes the load and gives what the factory made. */
const loaded = async () => {
  finishLoading(factory);
  await vi.waitFor(() => expect(made).toBeDefined());
  return made as NonNullable<typeof made>;
};

describe('the card loaded at its first use', () => {
  it('loads nothing for a pointer or a click off the highlights, or on one that is not drawn', () => {
    lazyCard(deps, load);
    pointer('pointerover', at('text'));
    at('text').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    settings.categories.bodies.enabled = false;
    pointer('pointerover', at('greta'));
    at('greta').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(load).not.toHaveBeenCalled();
  });

  it('starts loading when the pointer comes on a highlight, and hands the card where it rests since when', async () => {
    const card = lazyCard(deps, load);
    const t0 = performance.now();
    pointer('pointerover', at('greta'), 10, 10);
    // Small moves are still resting; the pointer on another highlight starts anew.
    pointer('pointermove', at('greta'), 10 + REST_TOLERANCE_PX, 10);
    pointer('pointerover', at('greta'), 12, 10);
    expect(load).toHaveBeenCalledTimes(1);
    expect(card.state).toBe(HIDDEN);
    const { trigger, card: madeCard } = await loaded();
    expect(trigger).toEqual({ type: 'hover', mark: at('greta'), pointer: { x: 10, y: 10 }, since: expect.any(Number) });
    expect((trigger as { since: number }).since).toBeGreaterThanOrEqual(t0);
    // The card listens for itself from now on, and the content script's handle is the card.
    pointer('pointerover', at('osce'));
    expect(load).toHaveBeenCalledTimes(1);
    expect(card.state).toBe(madeCard.state);
    card.openByKeyboard(at('osce'));
    expect(madeCard.openByKeyboard).toHaveBeenCalledWith(at('osce'));
  });

  it('starts the rest again when the pointer moves on the highlight while the card loads', async () => {
    lazyCard(deps, load);
    pointer('pointerover', at('greta'), 10, 10);
    const before = performance.now();
    pointer('pointermove', at('greta'), 10 + REST_TOLERANCE_PX + 2, 10);
    const trigger = (await loaded()).trigger as Extract<CardTrigger, { type: 'hover' }>;
    expect(trigger.pointer).toEqual({ x: 10 + REST_TOLERANCE_PX + 2, y: 10 });
    expect(trigger.since).toBeGreaterThanOrEqual(before);
  });

  it('hands nothing to the card when the pointer left before it came', async () => {
    lazyCard(deps, load);
    pointer('pointerover', at('greta'));
    pointer('pointerout', at('greta'), 10, 10, at('text'));
    expect((await loaded()).trigger).toBeNull();
  });

  it('hands over a click on a highlight, but not one on a highlight inside a link', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<a href="#x"><palermo-mark id="linked" data-glossary-id="unodc" data-glossary-category="bodies">UNODC</palermo-mark></a>',
    );
    lazyCard(deps, load);
    at('linked').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(load).not.toHaveBeenCalled();
    pointer('pointerover', at('greta'));
    at('greta').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((await loaded()).trigger).toEqual({ type: 'click', mark: at('greta') });
  });

  it('loads for the keyboard path, and a close before the card came cancels what it was to open', async () => {
    const card = lazyCard(deps, load);
    card.openByKeyboard(at('osce'));
    expect(load).toHaveBeenCalledTimes(1);
    card.close();
    expect((await loaded()).trigger).toBeNull();
    const other = lazyCard(deps, load);
    other.openByKeyboard(at('osce'));
    made = undefined;
    expect((await loaded()).trigger).toEqual({ type: 'keyboard', mark: at('osce') });
  });

  it('reports a failed load once and leaves the card off in this frame', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const card = lazyCard(deps, load);
    pointer('pointerover', at('greta'));
    failLoading(new Error('no script here'));
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1));
    expect(error.mock.calls[0]?.slice(0, 2)).toEqual(['Palermo Lens:', 'the card failed:']);
    pointer('pointerover', at('osce'));
    card.openByKeyboard(at('osce'));
    expect(load).toHaveBeenCalledTimes(1);
    expect(card.state).toBe(HIDDEN);
  });

  it('makes no card once the content script is invalidated', async () => {
    lazyCard(deps, load);
    pointer('pointerover', at('greta'));
    ctx.abort();
    finishLoading(factory);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(made).toBeUndefined();
  });
});
