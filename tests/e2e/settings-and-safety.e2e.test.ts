import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { idsIn, open, setSettings, startHarness } from './harness';

const h = startHarness();
afterEach(() => setSettings(h, {}));

/**
 * Where each character of the elements matching `selector` is laid out: a shift anywhere inside a
 * line shows, not only in the boxes of whole blocks.
 */
const characterBoxes = (p: Page, selector: string) =>
  p.evaluate((sel) => {
    const out: { char: string; box: [number, number, number, number] }[] = [];
    const range = document.createRange();
    for (const el of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          if (/\s/.test(text[i] as string)) continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const { x, y, width, height } = range.getBoundingClientRect();
          out.push({ char: text[i] as string, box: [x, y, width, height] });
        }
      }
    }
    return out;
  }, selector);

/**
 * The first character laid out differently in `b` than in `a`, or undefined. Text split at an
 * element's edge is shaped in two runs, which may place a glyph a few layout units (1/64 px)
 * apart: invisible, and not a shift. A margin, padding, border or font change moves it further.
 */
function firstShift(a: Awaited<ReturnType<typeof characterBoxes>>, b: typeof a): string | undefined {
  if (a.length !== b.length) return `${a.length} characters laid out, against ${b.length}`;
  const TOLERANCE_PX = 0.25;
  const i = a.findIndex(
    (c, i) => c.char !== b[i]?.char || c.box.some((v, k) => Math.abs(v - (b[i]?.box[k] ?? 0)) > TOLERANCE_PX),
  );
  return i === -1
    ? undefined
    : `character ${i} ("${a[i]?.char}"): ${a[i]?.box.join(', ')} against ${b[i]?.box.join(', ')}`;
}

/** The same markup in a page the extension does not touch (checked: it has no highlight). */
async function plainCopy(path: string): Promise<Page> {
  const original = await (await fetch(h.server.url(path))).text();
  const plain = await h.browser.context.newPage();
  await plain.setContent(original);
  await plain.waitForTimeout(300);
  expect(await plain.locator('palermo-mark').count()).toBe(0);
  return plain;
}

/** Whether each highlight matching `selector` is drawn (underlined or tinted). */
const drawn = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      return style.textDecorationLine !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
    }),
  );

describe('modes, toggles and page safety (Chromium, built extension)', () => {
  it('turns a category off and on without re-walking the page', async () => {
    const { page } = await open(h, '/demo.html');
    const marks = await page.locator('[data-glossary-id]').count();
    const bodies = '[data-glossary-category="bodies"]';
    expect(await drawn(page, bodies)).not.toContain(false);
    // A highlight tagged before the change must be the very same node after it, and no pass may run.
    const passesBefore = await page.evaluate(() => {
      document.querySelector('[data-glossary-category="bodies"]')?.setAttribute('data-test-tag', '');
      return performance.getEntriesByName('palermo-lens:highlight').length;
    });
    await setSettings(h, {
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#8250df' } },
    });
    await page.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine === 'none',
      bodies,
    );
    expect(await drawn(page, bodies)).not.toContain(true);
    expect(await drawn(page, '[data-glossary-category="instruments"]:not([data-glossary-inner])')).not.toContain(false);
    // The same elements: no pass over the page was needed. A pass would start after the next frame;
    // absence needs a window, so wait a few frames past the restyle before counting.
    await page.waitForFunction(() => performance.getEntriesByName('palermo-lens:restyle').length > 0);
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))),
    );
    expect(await page.evaluate(() => performance.getEntriesByName('palermo-lens:highlight').length)).toBe(passesBefore);
    expect(await page.locator('[data-test-tag][data-glossary-category="bodies"]').count()).toBe(1);
    expect(await page.locator('[data-glossary-id]').count()).toBe(marks);
    await setSettings(h, {});
    await page.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine !== 'none',
      bodies,
    );
    expect(await page.evaluate(() => performance.getEntriesByName('palermo-lens:restyle').length)).toBeGreaterThan(0);
    await page.close();
  });

  it('draws only the first mention of each entry in first-mention mode', async () => {
    const { page } = await open(h, '/demo.html');
    await setSettings(h, { firstMentionOnly: true });
    await page.waitForFunction(
      () =>
        getComputedStyle(document.querySelectorAll('[data-glossary-id="greta"]')[1] as Element).textDecorationLine ===
        'none',
    );
    const byId = await page.$$eval('[data-glossary-id]', (els) =>
      els.map((el) => [el.getAttribute('data-glossary-id'), getComputedStyle(el).textDecorationLine !== 'none']),
    );
    const seen = new Set<string>();
    for (const [id, isDrawn] of byId) {
      const first = !seen.has(id as string);
      seen.add(id as string);
      // In document order (nested ones included), the first highlight of an entry is drawn, the others are not.
      if (first) expect(isDrawn, `${id} first`).toBe(true);
      else expect(isDrawn, `${id} again`).toBe(false);
    }
    expect(byId.length).toBeGreaterThan(seen.size);
    await page.close();
  });

  it('turning the extension off for the site restores the exact original page', async () => {
    const { page } = await open(h, '/demo.html');
    const original = await (await fetch(h.server.url('/demo.html'))).text();
    const plain = await h.browser.context.newPage();
    await plain.setContent(original); // about:blank: the extension does not run there
    const expected = await plain.evaluate(() => document.body.innerHTML);
    expect(await page.evaluate(() => document.body.innerHTML)).not.toBe(expected);
    await setSettings(h, { sites: ['127.0.0.1'] });
    await page.waitForFunction(() => document.querySelectorAll('[data-glossary-id]').length === 0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(expected);
    expect(await page.evaluate(() => document.querySelectorAll('style[data-palermo-lens-ui]').length)).toBe(0);
    // Text nodes are as they were: merged back, not left in pieces.
    expect(await page.evaluate(() => [...document.querySelectorAll('p')].every((p) => p.childNodes.length === 1))).toBe(
      true,
    );
    // And on again.
    await setSettings(h, { sites: [] });
    await page.waitForSelector('[data-glossary-id="greta"]');
    await page.close();
    await plain.close();
  });

  it('still highlights revealed text after the site was turned off and on again', async () => {
    const { page } = await open(h, '/editable.html');
    // A class change schedules a look at the hidden text; the site goes off while it is pending.
    await page.evaluate(() => document.body.classList.add('x'));
    await setSettings(h, { sites: ['127.0.0.1'] });
    await page.waitForFunction(() => document.querySelectorAll('[data-glossary-id]').length === 0);
    await setSettings(h, {});
    await page.waitForSelector('#plain [data-glossary-id="unodc"]');
    await page.evaluate(() => document.getElementById('hidden-display')?.style.removeProperty('display'));
    await page.waitForSelector('#hidden-display [data-glossary-id="unodc"]', { timeout: 5000 });
    await page.close();
  });

  it('keeps highlights readable and the layout unchanged under hostile page CSS', async () => {
    const { page } = await open(h, '/hostile-css.html');
    expect(await idsIn(page, '#para')).toEqual(['coe', 'unodc', 'forced-labour']);
    const looks = await page.$$eval('#para [data-glossary-id]', (els) =>
      els.map((el) => {
        const s = getComputedStyle(el);
        const p = getComputedStyle(el.parentElement as Element);
        return {
          display: s.display,
          margin: s.margin,
          padding: s.padding,
          border: s.borderTopWidth,
          sameFont: s.font === p.font,
          sameColor: s.color === p.color,
          visible: s.visibility === 'visible' && (el as HTMLElement).offsetWidth > 0,
          position: s.position,
        };
      }),
    );
    for (const look of looks)
      expect(look).toEqual({
        display: 'inline',
        margin: '0px',
        padding: '0px',
        border: '0px',
        sameFont: true,
        sameColor: true,
        visible: true,
        position: 'static',
      });
    // The paragraph is laid out exactly as without the extension, to each character.
    const plain = await plainCopy('/hostile-css.html');
    const withMarks = await characterBoxes(page, '#para');
    expect(withMarks.length).toBeGreaterThan(30);
    expect(firstShift(withMarks, await characterBoxes(plain, '#para'))).toBeUndefined();
    await page.close();
    await plain.close();
  });

  it('keeps the demo page laid out exactly as without the extension, to each character', async () => {
    const { page } = await open(h, '/demo.html');
    expect(await page.locator('palermo-mark').count()).toBeGreaterThan(20);
    const plain = await plainCopy('/demo.html');
    const withMarks = await characterBoxes(page, 'body');
    expect(withMarks.length).toBeGreaterThan(2000);
    const shift = firstShift(withMarks, await characterBoxes(plain, 'body'));
    expect(shift).toBeUndefined();
    await page.close();
    await plain.close();
  });
});
