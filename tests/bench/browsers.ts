/**
 * The three browsers the benchmark compares side by side: the same Chromium with the same flags,
 * each in a fresh profile, with no extension, with the empty calibration extension
 * (tests/bench/empty-extension) and with ours (.output/chrome-mv3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM, CHROMIUM_FLAGS } from '../e2e/chromium';

export const EMPTY_EXTENSION = resolve(import.meta.dirname, 'empty-extension');
/** The mark the empty extension's content script leaves, so that we know it ran. */
export const EMPTY_EXTENSION_MARK = 'palermo-lens-bench:empty-extension';

export interface Profile {
  name: string;
  context: BrowserContext;
  close: () => Promise<void>;
}

async function launch(name: string, extensionDir?: string): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), 'palermo-lens-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [
      ...CHROMIUM_FLAGS,
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
  });
  // The window's first tab would share its renderer with the pages we open: only ours remain.
  for (const page of context.pages()) await page.close();
  return {
    name,
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Profiles {
  none: Profile;
  empty: Profile;
  ours: Profile;
  close: () => Promise<void>;
}

export async function launchProfiles(): Promise<Profiles> {
  const [none, empty, ours] = await Promise.all([
    launch('no extension'),
    launch('empty extension', EMPTY_EXTENSION),
    launch('ours', CHROME_BUILD),
  ]);
  // Ours is ready once its service worker runs (the benchmark writes settings through it).
  if (!ours.context.serviceWorkers().length) await ours.context.waitForEvent('serviceworker', { timeout: 20_000 });
  return { none, empty, ours, close: async () => void (await Promise.all([none, empty, ours].map((p) => p.close()))) };
}

/** A new tab that loads only from loopback: pages may reference the network, which is closed here. */
export async function offlinePage(profile: Profile): Promise<Page> {
  const page = await profile.context.newPage();
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  return page;
}
