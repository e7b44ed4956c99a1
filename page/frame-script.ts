/**
 * Scripts the content script loads into its frame when it first needs them (the highlighter, the
 * card): the background puts the script into the frame's isolated world (lib/content-scripts.ts),
 * where it leaves a function in a global of that world. The page's own scripts cannot see it, and
 * no extension file is exposed to pages (no web_accessible_resources).
 */
import { browser } from 'wxt/browser';
import type { BackgroundRequest } from '../lib/messages';

/** The function a frame script leaves in `global`, once the background has put it in (once). */
export async function frameScriptExport<F>(global: string, request: BackgroundRequest, what: string): Promise<F> {
  const here = () => (globalThis as Record<string, unknown>)[global];
  if (!here()) await browser.runtime.sendMessage(request);
  const found = here();
  if (typeof found !== 'function') throw new Error(`${what} did not load`);
  return found as F;
}
