/**
 * "Only when I ask" (issue 12): with that setting no content script runs on any page, in any
 * frame, until the user asks on a tab ("Highlight this page" in the popup); then that tab, all its
 * frames, is read, and no other. Back to "always", new pages are read again.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_LOOK_MEASURE } from '../../page/first-look';
import { axeViolations, openOptions, openPopup, openTab, worker } from './extension-pages';
import { contentScriptState } from './frame-state';
import { setSettings, startHarness, waitForPass } from './harness';

const h = startHarness();
afterEach(() => setSettings(h, {}));

/** The ids of the content scripts the background has registered. */
const registered = () =>
  worker(h.browser).evaluate(async () => {
    type Scripting = { getRegisteredContentScripts(): Promise<{ id: string }[]> };
    const { scripting } = (globalThis as unknown as { chrome: { scripting: Scripting } }).chrome;
    return (await scripting.getRegisteredContentScripts()).map((s) => s.id);
  });

/** Waits until the background has followed the setting: the content script registered or not. */
async function registration(expected: boolean): Promise<void> {
  await expect.poll(async () => (await registered()).length > 0, { timeout: 10_000 }).toBe(expected);
}

/** For each frame of the page, whether the content script ran there and how many highlights it has. */
const frames = (page: Page) =>
  Promise.all(page.frames().map((frame) => frame.evaluate(contentScriptState, FIRST_LOOK_MEASURE)));

describe('only when I ask (Chromium, built extension)', () => {
  it('reads no page before the user asks, then the one tab asked for, all its frames; back to always, every page', async () => {
    // Chosen in the options page, as a user would.
    const { page: options } = await openOptions(h.browser);
    await options.getByRole('radio', { name: /^Only when I ask, on a tab/ }).check();
    await registration(false);
    const asked = await openTab(h.browser, h.server.url('/frames.html'));
    const other = await openTab(h.browser, h.server.url('/demo.html'));
    await asked.page.waitForLoadState('load');
    await other.page.waitForLoadState('load');
    const untouched = { started: false, highlights: 0 };
    expect(await frames(asked.page)).toEqual([untouched, untouched]);
    expect(await frames(other.page)).toEqual([untouched]);

    // The popup offers to read the page, and reads it when asked.
    const { popup, errors } = await openPopup(h.browser, asked.tabId);
    const offer = popup.getByTestId('absent');
    await offer.getByText('Palermo Lens reads a page only when you ask.').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await offer.getByRole('button', { name: 'Highlight this page' }).click();
    await waitForPass(asked.page);
    const child = asked.page.frame({ url: /frame-child/ });
    await child?.waitForSelector('[data-glossary-id="coe-convention"]');
    expect((await frames(asked.page)).map((f) => f.started)).toEqual([true, true]);
    expect(await asked.page.locator('[data-glossary-id="unodc"]').count()).toBe(1);
    await popup.locator('.pp-entries [data-entry-id="unodc"]').waitFor();
    expect(errors).toEqual([]);

    // Only that tab: the other one is as it was, and so is the asked one once reloaded.
    expect(await frames(other.page)).toEqual([untouched]);
    await asked.page.reload();
    expect(await frames(asked.page)).toEqual([untouched, untouched]);

    // Back to "always": a new page is read without asking.
    await options.getByRole('radio', { name: 'On every page, as it opens' }).check();
    await registration(true);
    const next = await openTab(h.browser, h.server.url('/demo.html'));
    await waitForPass(next.page);
    expect(await next.page.locator('[data-glossary-id="greta"]').count()).toBeGreaterThan(0);
    await Promise.all([asked.page.close(), other.page.close(), next.page.close(), popup.close(), options.close()]);
  });

  it('in "always", offers to read a page open from before, where the content script does not run', async () => {
    await setSettings(h, { activation: 'on-request' });
    await registration(false);
    const before = await openTab(h.browser, h.server.url('/demo.html'));
    await setSettings(h, {});
    await registration(true);
    const { popup } = await openPopup(h.browser, before.tabId);
    const offer = popup.getByTestId('absent');
    await offer.getByText('Palermo Lens has not read this page.').waitFor();
    await offer.getByRole('button', { name: 'Highlight this page' }).click();
    await waitForPass(before.page);
    await popup.locator('.pp-entries [data-entry-id="greta"]').waitFor();
    await Promise.all([before.page.close(), popup.close()]);
  });
});
