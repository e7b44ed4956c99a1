/**
 * The extension's own side, for e2e files: its service worker (storage, tabs), its popup and
 * options pages, and axe-core run in a page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

type StorageArea = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
type ChromeGlobal = {
  chrome: {
    storage: { local: StorageArea; sync: StorageArea };
    tabs: { query(q: object): Promise<{ id?: number }[]> };
    scripting: {
      executeScript(injection: object): Promise<{ frameId: number; result?: unknown }[]>;
    };
  };
};

export function worker(b: ExtensionBrowser) {
  const w = b.context.serviceWorkers()[0];
  if (!w) throw new Error('no extension service worker');
  return w;
}

/** What the extension stored under `key`, read from its service worker. */
export const stored = async (b: ExtensionBrowser, area: 'local' | 'sync', key: string): Promise<unknown> =>
  (
    await worker(b).evaluate(
      ([a, k]) => (globalThis as unknown as ChromeGlobal).chrome.storage[a as 'local' | 'sync'].get(k as string),
      [area, key],
    )
  )[key];

/** Writes `items` into the extension's storage from its service worker, as any of its pages could. */
export const store = (b: ExtensionBrowser, area: 'local' | 'sync', items: Record<string, unknown>): Promise<void> =>
  worker(b).evaluate(
    ([a, i]) => (globalThis as unknown as ChromeGlobal).chrome.storage[a as 'local' | 'sync'].set(i as object),
    [area, items] as const,
  );

const tabIds = (b: ExtensionBrowser) =>
  worker(b).evaluate(async () =>
    (await (globalThis as unknown as ChromeGlobal).chrome.tabs.query({})).map((t) => t.id as number),
  );

/**
 * For each frame of tab `tabId` (the top one first), whether a global `name` is set in the
 * extension's isolated world there: read from the background, since the page's own scripts
 * cannot see that world.
 */
export const isolatedGlobalInFrames = (b: ExtensionBrowser, tabId: number, name: string): Promise<boolean[]> =>
  worker(b).evaluate(
    async ([id, global]) => {
      const { scripting } = (globalThis as unknown as ChromeGlobal).chrome;
      const results = await scripting.executeScript({
        target: { tabId: id, allFrames: true },
        func: (n: string) => n in globalThis,
        args: [global],
      });
      return results.sort((x, y) => x.frameId - y.frameId).map((r) => r.result === true);
    },
    [tabId, name] as const,
  );

/** A new tab at `url` and its id (the one tab that was not there before). */
export async function openTab(b: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds(b));
  const page = await b.context.newPage();
  const added = (await tabIds(b)).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new tab, found ${added.length}`);
  await page.goto(url);
  return { page, tabId: added[0] as number };
}

/** The popup, looking at tab `tabId` (or at the active tab without it), with its uncaught errors. */
export async function openPopup(b: ExtensionBrowser, tabId?: number) {
  const popup = await b.context.newPage();
  const errors: Error[] = [];
  popup.on('pageerror', (e) => errors.push(e));
  const query = tabId === undefined ? '' : `?tab=${tabId}`;
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html${query}`);
  await popup.waitForSelector('h1');
  return { popup, errors };
}

/** The options page once its preview has highlighted (the page is ready), with its uncaught errors. */
export async function openOptions(b: ExtensionBrowser, hash = ''): Promise<{ page: Page; errors: Error[] }> {
  const page = await b.context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`chrome-extension://${b.extensionId}/options.html${hash}`);
  await page.locator('#highlighting').waitFor();
  await page.locator('#preview-text palermo-mark').first().waitFor();
  return { page, errors };
}

const AXE_SOURCE = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in an extension page and returns its violations (ids and the elements concerned). */
export async function axeViolations(page: Page) {
  // Colours change with a short transition after a theme switch: let them settle.
  await page.waitForFunction(() => document.getAnimations().length === 0);
  // Evaluated rather than added as a script tag: the extension's CSP forbids inline scripts.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  // A string, so that no transpiler helper ends up inside the page's function.
  return page.evaluate(`window.axe.run(document).then(function (r) {
    if (r.passes.length === 0) return ['axe checked nothing'];
    return r.violations.map(function (v) {
      return { id: v.id, nodes: v.nodes.map(function (n) { return n.target.join(' ') + ': ' + n.failureSummary; }) };
    });
  })`);
}
