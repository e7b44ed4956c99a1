/**
 * The card is loaded at its first use (issue 12): the content script that runs in every frame
 * carries none of it, and its script comes into a frame only when a highlight there is hovered.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { CARD_FACTORY_GLOBAL } from '../../page/card-loader';
import { CHROME_BUILD } from './chromium';
import { isolatedGlobalInFrames, openTab } from './extension-pages';
import { startHarness, waitForPass } from './harness';
import { restPoint } from './pointer';

const h = startHarness();
const CARD = 'palermo-lens-card .pl-card';
/** For each frame of the tab, whether the card's script has run there. */
const cardScriptInFrames = (tabId: number) => isolatedGlobalInFrames(h.browser, tabId, CARD_FACTORY_GLOBAL);

describe('the card, loaded at its first use (Chromium, built extension)', () => {
  it('is not in the content script: no card, view, Preact or entry text in it', () => {
    const core = readFileSync(resolve(CHROME_BUILD, 'content-scripts/content.js'), 'utf8');
    const card = readFileSync(resolve(CHROME_BUILD, 'card-ui.js'), 'utf8');
    // What only the card's code holds: its host's name, its view's class names, Preact's
    // dangerouslySetInnerHTML path and Floating UI's clipping option.
    for (const marker of [
      'palermo-lens-card',
      'pl-card__bar',
      'pl-entry__title',
      'dangerouslySetInnerHTML',
      'clippingAncestors',
    ]) {
      expect(card, marker).toContain(marker);
      expect(core, marker).not.toContain(marker);
    }
    for (const entry of glossary) {
      expect(core, entry.id).not.toContain(entry.definition.en.slice(0, 60));
      expect(card, entry.id).not.toContain(entry.definition.en.slice(0, 60));
    }
  });

  it('comes into a frame at the first hover on a highlight, and never on a page without any', async () => {
    // A page without highlights: the pointer crosses its text, and no card's script comes.
    const traps = await openTab(h.browser, h.server.url('/traps.html'));
    await waitForPass(traps.page);
    expect(await traps.page.locator('palermo-mark').count()).toBe(0);
    await traps.page.mouse.move(20, 20);
    await traps.page.mouse.move(600, 400, { steps: 20 });
    await traps.page.mouse.click(300, 150);
    expect(await cardScriptInFrames(traps.tabId)).toEqual([false]);
    expect(await traps.page.locator('palermo-lens-card').count()).toBe(0);

    // A page with highlights: not before a highlight is hovered, and there once the card opens.
    const demo = await openTab(h.browser, h.server.url('/demo.html'));
    await waitForPass(demo.page);
    expect(await demo.page.locator('palermo-mark').count()).toBeGreaterThan(50);
    expect(await cardScriptInFrames(demo.tabId)).toEqual([false]);
    expect(await demo.page.locator('palermo-lens-card').count()).toBe(0);
    const mark = demo.page.locator('[data-glossary-id="greta"]').first();
    await mark.scrollIntoViewIfNeeded();
    const point = await restPoint(mark);
    await demo.page.mouse.move(point.x, point.y);
    await demo.page.waitForSelector(CARD);
    expect(await demo.page.locator(`${CARD} .pl-entry__title`).textContent()).toBe(
      'Group of Experts on Action against Trafficking in Human Beings',
    );
    expect(await cardScriptInFrames(demo.tabId)).toEqual([true]);
    // The page's own scripts do not see it: it lives in the extension's isolated world.
    expect(await demo.page.evaluate((name) => name in globalThis, CARD_FACTORY_GLOBAL)).toBe(false);
    // The other tab still has none.
    expect(await cardScriptInFrames(traps.tabId)).toEqual([false]);
    await Promise.all([traps.page.close(), demo.page.close()]);
  });
});
