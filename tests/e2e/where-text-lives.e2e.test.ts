/**
 * Where text lives (issue 11): open shadow roots (present at load, nested, attached and filled
 * later, upgraded later), a plain-text document, prose in <pre> next to code, and addresses in
 * running text and as link text. Playwright's CSS selectors pierce open shadow roots; the checks
 * that must say which root a highlight is in read the roots themselves.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { openPopup, openTab } from './extension-pages';
import { idsIn, open, setSettings, startHarness, waitForPass } from './harness';
import { restPoint } from './pointer';

const SOURCE = readFileSync(resolve(import.meta.dirname, '../../glossary/source/france-diplomatie-2013.txt'), 'utf8');
const h = startHarness({
  '/source.txt': { body: SOURCE, headers: { 'content-type': 'text/plain; charset=utf-8' } },
});
afterEach(() => setSettings(h, {}));

const CARD = 'palermo-lens-card .pl-card';
const cardTitle = (page: Page) => page.locator(`${CARD} .pl-entry__title`).textContent();

/** What the shadow root of the host matching `host` holds: its highlights' ids, its markup, its adopted sheets. */
const shadowOf = (page: Page, host: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector(sel)?.shadowRoot;
    if (!root) throw new Error(`no open shadow root on ${sel}`);
    return {
      ids: [...root.querySelectorAll('palermo-mark')].map((m) => m.getAttribute('data-glossary-id')),
      html: root.innerHTML,
      sheets: root.adoptedStyleSheets.length,
    };
  }, host);

/** Rests the pointer on a highlight, on its own text. */
async function restOn(page: Page, selector: string) {
  const mark = page.locator(selector).first();
  await mark.scrollIntoViewIfNeeded();
  const point = await restPoint(mark);
  await page.mouse.move(point.x, point.y);
}

describe('where text lives (Chromium, built extension)', () => {
  it('highlights open shadow roots present at load, nested ones and slotted text, never a closed root', async () => {
    const { page, errors } = await open(h, '/shadow-roots.html');
    await page.waitForSelector('#nested [data-glossary-id]');
    const early = await shadowOf(page, '#early');
    expect(early.ids).toEqual(['greta', 'trafficking-in-human-beings', 'greta', 'unodc']);
    expect(await idsIn(page, '#nested')).toEqual(['coe']);
    expect(await idsIn(page, '[slot="source"]')).toEqual(['osce']);
    expect(await page.evaluate(() => (window as never as { closedRoot: ShadowRoot }).closedRoot.innerHTML)).toBe(
      '<p>Closed: the International Labour Organization.</p>',
    );
    // The highlight contract, and the highlight style reaching into the root (one adopted sheet).
    const contract = await page
      .locator('#in-shadow palermo-mark')
      .evaluateAll((marks) =>
        marks.map((m) => [
          m.getAttribute('data-glossary-id'),
          m.getAttribute('data-glossary-category'),
          m.hasAttribute('data-glossary-inner'),
          m.hasAttribute('data-glossary-first'),
        ]),
      );
    expect(contract).toEqual([
      ['greta', 'mechanisms', false, true],
      ['trafficking-in-human-beings', 'exploitation', true, true],
      ['greta', 'mechanisms', false, false],
      ['unodc', 'bodies', false, true],
    ]);
    expect(early.sheets).toBe(1);
    const looks = (sel: string) =>
      page.locator(sel).evaluate((m) => [getComputedStyle(m).textDecorationLine, getComputedStyle(m).cursor]);
    expect(await looks('#in-shadow [data-glossary-id="unodc"]')).toEqual(['underline', 'help']);
    expect(await looks('#light [data-glossary-id="iom"]')).toEqual(['underline', 'help']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts shadow-root highlights in the popup, in page order', async () => {
    const { page, tabId } = await openTab(h.browser, h.server.url('/shadow-roots.html'));
    await waitForPass(page);
    await page.waitForSelector('#nested [data-glossary-id]');
    const { popup } = await openPopup(h.browser, tabId);
    await popup.waitForSelector('.pp-entries [data-entry-id]');
    const listed = await popup.$$eval('.pp-entries [data-entry-id]', (rows) =>
      rows.map((r) => [
        r.getAttribute('data-entry-id'),
        Number(r.querySelector('[data-count]')?.getAttribute('data-count')),
      ]),
    );
    expect(listed).toEqual([
      ['iom', 1],
      ['greta', 2],
      ['trafficking-in-human-beings', 1],
      ['unodc', 1],
      ['coe', 1],
      ['osce', 1],
    ]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('opens the card from a shadow root and follows the pointer inside it; the site switch removes and restores', async () => {
    const { page } = await open(h, '/shadow-roots.html');
    await page.waitForSelector('#in-shadow [data-glossary-id="unodc"]');
    const original = (await shadowOf(page, '#early')).html.replace(/<palermo-mark[^>]*>|<\/palermo-mark>/g, '');
    await restOn(page, '#in-shadow [data-glossary-id="unodc"]');
    await page.waitForSelector(CARD, { timeout: 3000 });
    expect(await cardTitle(page)).toBe('United Nations Office on Drugs and Crime');
    // To plain text in the same root: the document gets no pointerout (both ends are the host), the
    // card still closes.
    const met = await page.locator('#in-shadow').evaluate((p) => {
      const text = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes('met'));
      const range = document.createRange();
      range.selectNodeContents(text as Node);
      const r = range.getClientRects()[0] as DOMRect;
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(met.x, met.y, { steps: 4 });
    await page.waitForSelector(CARD, { state: 'detached', timeout: 3000 });
    // And back onto another highlight of the same root: it opens there.
    await restOn(page, '#in-shadow [data-glossary-id="greta"] >> nth=1');
    await page.waitForSelector(CARD, { timeout: 3000 });
    expect(await cardTitle(page)).toBe('Group of Experts on Action against Trafficking in Human Beings');
    await page.keyboard.press('Escape');

    // The site off: no highlight and no sheet left in the roots, their markup as it was.
    await setSettings(h, { sites: ['127.0.0.1'] });
    await page.waitForFunction(() => !document.querySelector('#early')?.shadowRoot?.querySelector('palermo-mark'));
    const off = await shadowOf(page, '#early');
    expect(off).toEqual({ ids: [], html: original, sheets: 0 });
    expect(
      await page.evaluate(
        () =>
          document
            .querySelector('#early')
            ?.shadowRoot?.querySelector('nested-note')
            ?.shadowRoot?.querySelectorAll('palermo-mark').length,
      ),
    ).toBe(0);
    // On again: the roots are found and highlighted again.
    await setSettings(h, {});
    await page.waitForSelector('#nested [data-glossary-id="coe"]');
    expect((await shadowOf(page, '#early')).ids).toEqual(['greta', 'trafficking-in-human-beings', 'greta', 'unodc']);
    await page.close();
  });

  it('highlights a root attached and filled after load and a component upgraded after load; settings reach them', async () => {
    const { page } = await open(h, '/shadow-roots.html');
    await page.waitForSelector('#in-shadow [data-glossary-id]');
    await page.evaluate(() => (window as never as { addWidget: () => void }).addWidget());
    await page.waitForSelector('#filled [data-glossary-id]', { timeout: 5000 });
    expect((await shadowOf(page, '#widget')).ids).toEqual(['ilo', 'forced-labour']);
    // Defined after load: the element gets its root with no change to the page's own tree.
    await page.evaluate(() => (window as never as { defineLate: () => void }).defineLate());
    // Candidates are looked at every 4 s at most.
    await page.waitForSelector('#upgraded [data-glossary-id]', { timeout: 10_000 });
    expect((await shadowOf(page, '#late')).ids).toEqual(['unodc', 'un']);
    // The card opens there too.
    await restOn(page, '#filled [data-glossary-id="ilo"]');
    await page.waitForSelector(CARD, { timeout: 3000 });
    expect(await cardTitle(page)).toBe('International Labour Organization');
    await page.keyboard.press('Escape');
    // A category switched off stops being drawn inside the roots too, and comes back.
    const line = () =>
      page.locator('#filled [data-glossary-id="ilo"]').evaluate((m) => getComputedStyle(m).textDecorationLine);
    const bodiesOff = { ...DEFAULT_SETTINGS.categories.bodies, enabled: false };
    await setSettings(h, { categories: { ...DEFAULT_SETTINGS.categories, bodies: bodiesOff } });
    await expect.poll(line).toBe('none');
    await setSettings(h, {});
    await expect.poll(line).toBe('underline');
    await page.close();
  });

  it('highlights a plain-text document (text/plain shows as one <pre>), leaving its text as it was', async () => {
    const { page, errors } = await open(h, '/source.txt');
    await page.waitForSelector('[data-glossary-id="greta"]');
    expect(await page.evaluate(() => [document.contentType, document.body.firstElementChild?.nodeName])).toEqual([
      'text/plain',
      'PRE',
    ]);
    const ids = new Set(await idsIn(page, 'pre'));
    for (const id of ['palermo-protocol', 'untoc', 'unodc', 'greta', 'hrc', 'forced-labour']) expect(ids).toContain(id);
    expect(await page.evaluate(() => document.querySelector('pre')?.textContent)).toBe(SOURCE);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights prose in <pre>, never code', async () => {
    const { page } = await open(h, '/prose-and-code.html');
    const prose = new Set(await idsIn(page, '#pre-prose'));
    for (const id of ['unodc', 'greta', 'trafficking-in-human-beings']) expect(prose).toContain(id);
    for (const code of ['#pre-code', '#pre-lang', '#pre-looks-like-code'])
      expect(await idsIn(page, code), code).toEqual([]);
    expect(await idsIn(page, '#inline-code')).toEqual(['osce']);
    await page.close();
  });

  it('highlights nothing inside URLs, domain names, e-mail addresses, paths, handles and hashtags', async () => {
    const { page } = await open(h, '/prose-and-code.html');
    const expected: Record<string, string[]> = {
      '#url-in-text': ['ilo', 'forced-labour'],
      '#url-sentence-end': ['unodc', 'greta', 'coe'],
      '#email-handle': ['unodc'],
      '#domain-path': ['osce'],
      '#french': ['ilo'],
      '#link-url': [],
      '#link-wbr': [],
      '#link-mail': [],
      '#link-prose': ['unodc', 'trafficking-in-human-beings'],
    };
    for (const [selector, ids] of Object.entries(expected)) expect(await idsIn(page, selector), selector).toEqual(ids);
    await page.close();
  });
});
