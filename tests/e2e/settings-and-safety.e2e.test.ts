import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { idsIn, open, setSettings, startHarness } from './harness';

const h = startHarness();
afterEach(() => setSettings(h, {}));

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
    await setSettings(h, {
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#8250df' } },
    });
    await page.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine === 'none',
      bodies,
    );
    expect(await drawn(page, bodies)).not.toContain(true);
    expect(await drawn(page, '[data-glossary-category="instruments"]:not([data-glossary-inner])')).not.toContain(false);
    // The same elements: no pass over the page was needed.
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
    // The paragraph is laid out exactly as without the extension.
    const original = await (await fetch(h.server.url('/hostile-css.html'))).text();
    const plain = await h.browser.context.newPage();
    await plain.setContent(original);
    const box = (p: Page) => p.evaluate(() => document.getElementById('para')?.getBoundingClientRect().toJSON());
    expect(await box(page)).toEqual(await box(plain));
    await page.close();
    await plain.close();
  });

  it('keeps the demo page laid out exactly as without the extension', async () => {
    const { page } = await open(h, '/demo.html');
    const original = await (await fetch(h.server.url('/demo.html'))).text();
    const plain = await h.browser.context.newPage();
    await plain.setContent(original);
    const boxes = (p: Page) =>
      p.evaluate(() => [...document.querySelectorAll('h1, h2, p')].map((el) => el.getBoundingClientRect().toJSON()));
    expect(await boxes(page)).toEqual(await boxes(plain));
    await page.close();
    await plain.close();
  });
});
