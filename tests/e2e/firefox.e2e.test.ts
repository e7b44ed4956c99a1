/**
 * The user-level scenarios in Firefox ESR with the Firefox MV3 build: highlights on the demo page,
 * the card on hover, the popup's counts and an options toggle, open shadow roots and a plain-text
 * document.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxWithExtension, launchFirefox, openExtensionPage } from './firefox';
import { FIXTURES, type StaticServer, startServer } from './server';

let ff: FirefoxWithExtension;
let server: StaticServer;
const SOURCE = readFileSync(resolve(import.meta.dirname, '../../glossary/source/france-diplomatie-2013.txt'), 'utf8');
beforeAll(async () => {
  server = await startServer([FIXTURES], {
    '/source.txt': { body: SOURCE, headers: { 'content-type': 'text/plain; charset=utf-8' } },
  });
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function openDemo(path = '/demo.html'): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(server.url(path));
  await page.waitForFunction(() => performance.getEntriesByName('palermo-lens:highlight').length > 0, {
    timeout: 15_000,
  });
  return page;
}

const CARD = 'palermo-lens-card >>> .pl-card';

describe('Firefox ESR, built extension', () => {
  it('highlights the demo page with the highlight contract, and nothing on the trap page', async () => {
    const page = await openDemo();
    const ids = await page.$$eval('[data-glossary-id]', (els) => [
      ...new Set(els.map((e) => e.getAttribute('data-glossary-id'))),
    ]);
    for (const id of ['palermo-protocol', 'untoc', 'coe-convention', 'greta', 'unodc', 'iom', 'ilo', 'osce', 'un-gift'])
      expect(ids).toContain(id);
    expect(
      await page.$eval('[data-glossary-id="coe-convention"]', (el) => [
        el.textContent,
        el.getAttribute('data-glossary-category'),
      ]),
    ).toEqual(['Council of Europe Convention on Action against Trafficking in Human Beings', 'instruments']);
    await page.close();
    const traps = await openDemo('/traps.html');
    expect(await traps.$$eval('[data-glossary-id]', (els) => els.length)).toBe(0);
    await traps.close();
  });

  it('opens the card when the pointer rests on a highlight, and Escape closes it', async () => {
    const page = await openDemo();
    const mark = await page.$('[data-glossary-id="greta"]');
    if (!mark) throw new Error('no GRETA highlight');
    await mark.scrollIntoView();
    const point = await mark.evaluate((el) => {
      const own = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      const range = document.createRange();
      if (own) range.selectNodeContents(own);
      const rect = (own ? range.getClientRects()[0] : el.getClientRects()[0]) as DOMRect;
      return { x: rect.x + 4, y: rect.y + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    const card = await page.waitForSelector(CARD, { timeout: 5000 });
    expect(await card?.$eval('.pl-entry__title', (el) => el.textContent)).toBe(
      'Group of Experts on Action against Trafficking in Human Beings',
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('palermo-lens-card')?.shadowRoot?.querySelector('.pl-card'),
    );
    await page.close();
  });

  it('opens the card inside frames: a page of the site and a srcdoc frame', async () => {
    for (const [path, iframe, id, title] of [
      [
        '/frames.html',
        '#child',
        'coe-convention',
        'Council of Europe Convention on Action against Trafficking in Human Beings',
      ],
      ['/iframes.html', 'iframe[title="frame 0"]', 'unodc', 'United Nations Office on Drugs and Crime'],
    ] as const) {
      const page = await openDemo(path);
      const element = await page.$(iframe);
      const frame = await element?.contentFrame();
      if (!element || !frame) throw new Error(`no frame ${iframe} in ${path}`);
      const mark = await frame.waitForSelector(`[data-glossary-id="${id}"]`, { timeout: 15_000 });
      // On the highlight's own text, not on a name nested in it.
      const point = await mark?.evaluate((el) => {
        const own = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        const range = document.createRange();
        if (own) range.selectNodeContents(own);
        const rect = (own ? range.getClientRects()[0] : el.getClientRects()[0]) as DOMRect;
        return { x: rect.x + 4, y: rect.y + rect.height / 2 };
      });
      const box = await element.boundingBox();
      if (!point || !box) throw new Error('no highlight or frame box');
      await page.mouse.move(box.x + point.x, box.y + point.y);
      const card = await frame.waitForSelector(CARD, { timeout: 5000 });
      expect(await card?.$eval('.pl-entry__title', (el) => el.textContent)).toBe(title);
      expect(await page.$('palermo-lens-card')).toBeNull();
      await page.close();
    }
  });

  it('the popup lists the page’s entries with the page’s own counts', async () => {
    const demo = await openDemo();
    // [id, count] in order of first appearance, as the popup lists them.
    const expected = await demo.$$eval('[data-glossary-id]', (els) => {
      const counts = new Map<string, number>();
      for (const el of els) {
        const id = el.getAttribute('data-glossary-id') as string;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return [...counts];
    });
    expect(expected.length).toBeGreaterThan(10);
    // An extension page finds the demo's tab id (the active tab: no tabs permission is needed).
    const probe = await openExtensionPage(ff, '/popup.html', 'input');
    await demo.bringToFront();
    const tabId = await probe.evaluate(async () => {
      type Tabs = { query(q: object): Promise<{ id?: number; active?: boolean }[]> };
      const tabs = (globalThis as unknown as { browser: { tabs: Tabs } }).browser.tabs;
      const [tab] = await tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    });
    const popup = await openExtensionPage(ff, `/popup.html?tab=${tabId}`, '.pp-entries [data-entry-id]');
    const listed = JSON.parse(
      (await popup.evaluate(
        "JSON.stringify([...document.querySelectorAll('.pp-entries [data-entry-id]')].map((el) => [el.getAttribute('data-entry-id'), Number(el.querySelector('[data-count]').getAttribute('data-count'))]))",
      )) as string,
    ) as [string, number][];
    expect(listed).toEqual(expected);
    await Promise.all([demo.close(), probe.close(), popup.close()]);
  });

  it('a category turned off in the options page stops being drawn in an open tab', async () => {
    const demo = await openDemo();
    const bodies = '[data-glossary-category="bodies"]';
    const decoration = () => demo.$eval(bodies, (el) => getComputedStyle(el).textDecorationLine);
    expect(await decoration()).toBe('underline');
    const checkbox = '.op-category[data-category="bodies"] input[type="checkbox"]';
    const options = await openExtensionPage(ff, '/options.html', checkbox);
    const click = () => options.evaluate(`document.querySelector(${JSON.stringify(checkbox)}).click()`);
    await click();
    await demo.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine === 'none',
      { timeout: 5000 },
      bodies,
    );
    await click();
    await demo.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine === 'underline',
      { timeout: 5000 },
      bodies,
    );
    await Promise.all([demo.close(), options.close()]);
  });

  it('highlights open shadow roots, at load and attached later, with their style, and a text/plain document', async () => {
    const page = await openDemo('/shadow-roots.html');
    /** The ids of the highlights in the open shadow root of `host`, and the line drawn under the first. */
    const inRoot = (host: string) =>
      page.evaluate((sel) => {
        const marks = [...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('palermo-mark') ?? [])];
        return {
          ids: marks.map((m) => m.getAttribute('data-glossary-id')),
          line: marks[0] ? getComputedStyle(marks[0]).textDecorationLine : null,
        };
      }, host);
    await page.waitForFunction(() => !!document.querySelector('#early')?.shadowRoot?.querySelector('palermo-mark'), {
      timeout: 10_000,
    });
    expect(await inRoot('#early')).toEqual({
      ids: ['greta', 'trafficking-in-human-beings', 'greta', 'unodc'],
      line: 'underline',
    });
    await page.evaluate(() => (window as never as { addWidget: () => void }).addWidget());
    await page.waitForFunction(
      () => !!document.querySelector('#widget')?.shadowRoot?.querySelector('#filled palermo-mark'),
      {
        timeout: 10_000,
      },
    );
    expect(await inRoot('#widget')).toEqual({ ids: ['ilo', 'forced-labour'], line: 'underline' });
    await page.close();

    const text = await openDemo('/source.txt');
    await text.waitForFunction(() => !!document.querySelector('pre [data-glossary-id="greta"]'), { timeout: 10_000 });
    const ids = await text.evaluate(() => [
      document.contentType,
      ...new Set(
        [...document.querySelectorAll('pre [data-glossary-id]')].map((m) => m.getAttribute('data-glossary-id')),
      ),
    ]);
    expect(ids[0]).toBe('text/plain');
    for (const id of ['palermo-protocol', 'untoc', 'unodc', 'greta']) expect(ids).toContain(id);
    expect(await text.evaluate(() => document.querySelector('pre')?.textContent)).toBe(SOURCE);
    await text.close();
  });
});
