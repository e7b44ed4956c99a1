/** Starts Debian's Chromium with the built extension loaded (recipe: shared/TOOLCHAIN.md). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

/** The flags every Chromium of the tests and the benchmark runs with: quiet, no network of its own. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROME_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profile: string;
  close: () => Promise<void>;
}

/**
 * Waits until the background has registered the content script (it does so when it starts,
 * lib/content-scripts.ts), unless the stored settings say "only when I ask": a page opened
 * before would not be read.
 */
async function contentScriptSettled(worker: Worker): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const settled = await worker.evaluate(async () => {
      type Chrome = {
        scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
        storage: { sync: { get(key: string): Promise<{ settings?: { activation?: string } }> } };
      };
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const [registered, stored] = await Promise.all([
        chrome.scripting.getRegisteredContentScripts(),
        chrome.storage.sync.get('settings'),
      ]);
      return registered.length > 0 || stored.settings?.activation === 'on-request';
    });
    if (settled) return;
    if (Date.now() > deadline) throw new Error('the background did not register the content script');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function launchChromium(
  options: { headless?: boolean; profile?: string; locale?: string; extensionDir?: string; keepProfile?: boolean } = {},
): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? CHROME_BUILD;
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'palermo-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    locale: options.locale,
    viewport: { width: 1100, height: 800 },
    args: [
      ...CHROMIUM_FLAGS,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  await contentScriptSettled(worker);
  return {
    context,
    extensionId,
    profile,
    close: async () => {
      await context.close();
      if (!options.keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
