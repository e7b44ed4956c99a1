/**
 * Starts Debian's Firefox ESR with the built Firefox MV3 extension, driven by puppeteer-core over
 * WebDriver BiDi (recipe: shared/TOOLCHAIN.md). Playwright cannot drive a stock Firefox.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../lib/gecko-id';

export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxWithExtension {
  browser: Browser;
  /** The moz-extension:// origin of the extension's pages. */
  extensionOrigin: string;
  close: () => Promise<void>;
}

export async function launchFirefox(
  options: { extensionPath?: string; locale?: string } = {},
): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // The extension asks for host access at install time; tests grant it as a user would.
      'extensions.originControls.grantByDefault': true,
      ...(options.locale && { 'intl.locale.requested': options.locale, 'intl.accept_languages': options.locale }),
    },
  });
  await browser.installExtension(options.extensionPath ?? FIREFOX_BUILD);
  const ff = { browser, extensionOrigin: `moz-extension://${uuid}`, close: () => browser.close() };
  await contentScriptRegistered(ff);
  return ff;
}

/**
 * Waits until the background has registered the content script (it does so when it starts,
 * lib/content-scripts.ts): a page opened before would not be read.
 */
async function contentScriptRegistered(ff: FirefoxWithExtension): Promise<void> {
  const page = await openExtensionPage(ff, '/popup.html', 'h1');
  const deadline = Date.now() + 20_000;
  while (!(await page.evaluate('browser.scripting.getRegisteredContentScripts().then((s) => s.length > 0)'))) {
    if (Date.now() > deadline) throw new Error('the background did not register the content script');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await page.close();
}

/**
 * Opens an extension page and waits until `selector` matches in it. `goto` never resolves on
 * moz-extension pages, and Firefox's BiDi can fail to return element handles there ("right-hand
 * side of 'in' should be an object"): so it polls with plain evaluations that return booleans,
 * and callers read and click through evaluations too.
 */
export async function openExtensionPage(ff: FirefoxWithExtension, path: string, selector: string, timeout = 20_000) {
  const page: Page = await ff.browser.newPage();
  void page.goto(`${ff.extensionOrigin}${path}`).catch(() => undefined);
  const deadline = Date.now() + timeout;
  const probe = `!!document.querySelector(${JSON.stringify(selector)})`;
  for (;;) {
    const found = await page.evaluate(probe).catch(() => false);
    if (found === true) return page;
    if (Date.now() > deadline) throw new Error(`${selector} did not appear in ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
