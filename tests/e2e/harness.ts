/** What every e2e file needs: a server for the fixtures, Chromium with the extension, helpers. */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { type ExtensionBrowser, launchChromium } from './chromium';
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

/** Opens a page, collecting its uncaught errors, and waits for the first highlight pass. */
export async function open(h: Harness, path: string): Promise<{ page: Page; errors: Error[] }> {
  const page = await h.browser.context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(h.server.url(path));
  await waitForPass(page);
  return { page, errors };
}

type StorageArea = { set(items: object): Promise<void> };
type ChromeGlobal = {
  chrome: {
    storage: { sync: StorageArea; local: StorageArea };
    tabs: { query(q: object): Promise<{ id?: number }[]> };
  };
};

/** The extension's service worker: it can use every extension API (storage, tabs). */
export function extensionWorker(b: ExtensionBrowser): Worker {
  const worker = b.context.serviceWorkers()[0];
  if (!worker) throw new Error('no extension service worker');
  return worker;
}

/** Writes values as they are into the extension's storage, as any code with access to it could. */
export async function writeStorage(b: ExtensionBrowser, area: 'sync' | 'local', items: Record<string, unknown>) {
  await extensionWorker(b).evaluate(
    ([a, i]) => (globalThis as unknown as ChromeGlobal).chrome.storage[a as 'sync' | 'local'].set(i as object),
    [area, items] as const,
  );
}

/** Writes settings through the extension's own storage, as the options page would. */
export async function setSettings(h: Harness, patch: Partial<Settings>): Promise<void> {
  await writeStorage(h.browser, 'sync', { settings: { ...structuredClone(DEFAULT_SETTINGS), ...patch } });
}

const tabIds = (b: ExtensionBrowser) =>
  extensionWorker(b).evaluate(async () =>
    (await (globalThis as unknown as ChromeGlobal).chrome.tabs.query({})).map((t) => t.id as number),
  );

/** A new tab at `url` and its id (the one tab that was not there before), for the popup's ?tab=N. */
export async function openTab(b: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds(b));
  const page = await b.context.newPage();
  const added = (await tabIds(b)).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new tab, found ${added.length}`);
  await page.goto(url);
  return { page, tabId: added[0] as number };
}

/** The ids of the highlights inside `selector`, in document order. */
export const idsIn = (page: Page, selector: string) =>
  page.$$eval(`${selector} [data-glossary-id]`, (els) => els.map((el) => el.getAttribute('data-glossary-id')));
