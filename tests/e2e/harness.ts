/** What every e2e file needs: a server for the fixtures, Chromium with the extension, helpers. */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { type ExtensionBrowser, launchChromium } from './chromium';
import { store } from './extension-pages';
import { isSettled, SETTLED_MEASURES } from './frame-state';
import { FIXTURES, type Route, type StaticServer, startServer } from './server';

export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
}

/** Starts the server and the browser before the file's tests and stops them after (vitest hooks). */
export function startHarness(routes: Record<string, Route> = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.server = await startServer([FIXTURES], routes);
    harness.browser = await launchChromium();
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}

/** How many highlight passes the page has finished. */
export const passes = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('palermo-lens:highlight').length);

/**
 * Waits until the page has finished more than `after` highlight passes. It polls from here: a
 * hostile page may break the timers and observers that Playwright's own waiting uses.
 */
export async function waitForPass(page: Page, after = 0, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  while ((await passes(page)) <= after) {
    if (Date.now() > until) throw new Error(`no highlight pass after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Whether the extension is done with a page as loaded: a highlight pass has finished, or the
 * content script's first look found nothing and left the highlighter unloaded.
 */
export const settled = (page: Page | Frame) => page.evaluate(isSettled, SETTLED_MEASURES);

/**
 * Opens a page, collecting its uncaught errors, and waits until the extension is done with it (the
 * first highlight pass, or a first look that found nothing to highlight).
 */
export async function open(h: Harness, path: string, timeout = 15_000): Promise<{ page: Page; errors: Error[] }> {
  const page = await h.browser.context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(h.server.url(path));
  const until = Date.now() + timeout;
  while (!(await settled(page))) {
    if (Date.now() > until) throw new Error(`neither a highlight pass nor a first look after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { page, errors };
}

/** Writes settings through the extension's own storage, as the options page would. */
export async function setSettings(h: Harness, patch: Partial<Settings>): Promise<void> {
  await store(h.browser, 'sync', { settings: { ...structuredClone(DEFAULT_SETTINGS), ...patch } });
}

/** The ids of the highlights inside `selector`, in document order. */
export const idsIn = (page: Page, selector: string) =>
  page.$$eval(`${selector} [data-glossary-id]`, (els) => els.map((el) => el.getAttribute('data-glossary-id')));
