/**
 * "Only when I ask" in Firefox ESR (issue 12): no content script on any page until the user asks on
 * a tab in the popup; then that tab, all its frames, and no other; back to "always", every page.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { FIRST_LOOK_MEASURE } from '../../page/first-look';
import { type FirefoxWithExtension, launchFirefox, openExtensionPage } from './firefox';
import { contentScriptState } from './frame-state';
import { FIXTURES, type StaticServer, startServer } from './server';

let ff: FirefoxWithExtension;
let server: StaticServer;
/** An extension page, to reach the extension's storage, scripting and tabs. */
let probe: Page;
beforeAll(async () => {
  server = await startServer([FIXTURES]);
  ff = await launchFirefox();
  probe = await openExtensionPage(ff, '/popup.html', 'h1');
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const setActivation = (activation: Settings['activation']) =>
  probe.evaluate(`browser.storage.sync.set({ settings: ${JSON.stringify({ ...DEFAULT_SETTINGS, activation })} })`);

/** Waits until the background has followed the setting: the content script registered or not. */
async function registration(expected: boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (
    (await probe.evaluate('browser.scripting.getRegisteredContentScripts().then((s) => s.length > 0)')) !== expected
  ) {
    if (Date.now() > deadline) throw new Error(`the content script is still ${expected ? 'not ' : ''}registered`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function openPage(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(server.url(path));
  return page;
}

/** The tab id of a page: the active tab once it is in front (no tabs permission is needed). */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return (await probe.evaluate(
    'browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab.id)',
  )) as number;
}

/** For each frame, whether the content script ran there and how many highlights it has. */
const frames = (page: Page) =>
  Promise.all(page.frames().map((frame) => frame.evaluate(contentScriptState, FIRST_LOOK_MEASURE)));

describe('only when I ask (Firefox ESR, built extension)', () => {
  it('reads no page before the user asks, then the one tab asked for, all its frames; back to always, every page', async () => {
    await setActivation('on-request');
    await registration(false);
    const asked = await openPage('/frames.html');
    const other = await openPage('/demo.html');
    const untouched = { started: false, highlights: 0 };
    expect(await frames(asked)).toEqual([untouched, untouched]);
    expect(await frames(other)).toEqual([untouched]);

    const offer = '[data-testid="absent"] button';
    const popup = await openExtensionPage(ff, `/popup.html?tab=${await tabIdOf(asked)}`, offer);
    expect(await popup.evaluate(`document.querySelector('[data-testid="absent"]').textContent`)).toContain(
      'Palermo Lens reads a page only when you ask.',
    );
    await popup.evaluate(`document.querySelector(${JSON.stringify(offer)}).click()`);
    await asked.waitForFunction(() => performance.getEntriesByName('palermo-lens:highlight').length > 0, {
      timeout: 15_000,
    });
    const child = asked.frames().find((f) => f.url().includes('frame-child'));
    await child?.waitForSelector('[data-glossary-id="coe-convention"]', { timeout: 15_000 });
    expect((await frames(asked)).map((f) => f.started)).toEqual([true, true]);
    expect(await frames(other)).toEqual([untouched]);

    await setActivation('always');
    await registration(true);
    const next = await openPage('/demo.html');
    await next.waitForFunction(() => document.querySelectorAll('[data-glossary-id="greta"]').length > 0, {
      timeout: 15_000,
    });
    await Promise.all([asked.close(), other.close(), next.close(), popup.close()]);
  });
});
