/**
 * The content script's first look (issue 12): in every frame it carries only the matcher's first
 * stage, and the highlighter comes into a frame only when the frame names something, when text
 * added later does, or when the popup asks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { ENGINE_GLOBAL } from '../../page/first-look';
import { CHROME_BUILD } from './chromium';
import { isolatedGlobalInFrames, openPopup, openTab } from './extension-pages';
import { settled, startHarness, waitForPass } from './harness';

const QUIET = '<p>Deserts, grasslands and forests are biomes; the water cycle links them.</p>';
const NAMING = '<p>The Palermo Protocol and GRETA, the Council of Europe’s group of experts.</p>';
const page = (body: string) => ({ body: `<!doctype html><html lang="en"><body>${body}</body></html>` });
const h = startHarness({
  '/quiet.html': page(`${QUIET}<script type="application/json">{"by": "UNODC"}</script>`),
  '/framed.html': page(`${QUIET}<iframe src="/quiet-frame.html"></iframe><iframe src="/naming-frame.html"></iframe>`),
  '/quiet-frame.html': page(QUIET),
  '/naming-frame.html': page(NAMING),
});
const engineInFrames = (tabId: number) => isolatedGlobalInFrames(h.browser, tabId, ENGINE_GLOBAL);

/** Waits until every frame of the tab's page is settled (settled() in each). */
async function allFramesSettled(p: Page): Promise<void> {
  await expect
    .poll(async () => (await Promise.all(p.frames().map((f) => settled(f)))).every(Boolean), { timeout: 15_000 })
    .toBe(true);
}

describe('the first look (Chromium, built extension)', () => {
  it('carries no entry, term or glossary text: the highlighter’s script does', () => {
    const core = readFileSync(resolve(CHROME_BUILD, 'content-scripts/content.js'), 'utf8');
    const engine = readFileSync(resolve(CHROME_BUILD, 'engine.js'), 'utf8');
    expect(core.length).toBeLessThan(40_000);
    // ASCII only: the browser keeps the script's text in every frame, at two bytes a character
    // as soon as one character is not Latin-1.
    expect(core.match(/[^\t\n\r\x20-\x7e]/g) ?? []).toEqual([]);
    // An id as a string of the bundle, whatever quotes the minifier chose.
    const holds = (code: string, id: string) => ['"', "'", '`'].some((q) => code.includes(`${q}${id}${q}`));
    expect(glossary.filter((entry) => holds(core, entry.id)).map((entry) => entry.id)).toEqual([]);
    expect(glossary.filter((entry) => !holds(engine, entry.id)).map((entry) => entry.id)).toEqual([]);
  });

  it('loads the highlighter into the frames that name something, and into no other', async () => {
    const { page, tabId } = await openTab(h.browser, h.server.url('/framed.html'));
    await allFramesSettled(page);
    // Frames in order of their ids: the page, the quiet frame, the naming frame.
    expect(await engineInFrames(tabId)).toEqual([false, false, true]);
    const naming = page.frames().find((f) => f.url().endsWith('/naming-frame.html'));
    expect(await naming?.locator('palermo-mark').count()).toBe(3);
    expect(await page.locator('palermo-mark').count()).toBe(0);
    // Text added to the quiet page later that names something brings it there.
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), NAMING);
    await waitForPass(page);
    expect(await page.locator('palermo-mark').count()).toBe(3);
    expect(await engineInFrames(tabId)).toEqual([true, false, true]);
    // The page's own scripts do not see it.
    expect(await page.evaluate((name) => name in globalThis, ENGINE_GLOBAL)).toBe(false);
    await page.close();
  });

  it('loads it when the popup asks about a page that names nothing, which the popup then shows', async () => {
    const { page, tabId } = await openTab(h.browser, h.server.url('/quiet.html'));
    await allFramesSettled(page);
    expect(await engineInFrames(tabId)).toEqual([false]);
    const { popup, errors } = await openPopup(h.browser, tabId);
    await popup.getByText('No mentions on this page.').waitFor();
    expect(await engineInFrames(tabId)).toEqual([true]);
    expect(await page.locator('palermo-mark').count()).toBe(0);
    expect(errors).toEqual([]);
    await Promise.all([popup.close(), page.close()]);
  });
});
