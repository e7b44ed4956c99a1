/**
 * How the extension's scripts get into pages, from the background: the card's script into the
 * frame that asks for it (page/card-loader.ts).
 */
import { type Browser, browser } from 'wxt/browser';

/**
 * Puts the card's script into the frame a content script's message came from (its isolated
 * world). Resolves once it has run; undefined when the sender is not a content script.
 */
export async function injectCard(sender: Browser.runtime.MessageSender): Promise<true | undefined> {
  const tabId = sender.tab?.id;
  const { frameId } = sender;
  if (tabId === undefined || frameId === undefined) return undefined;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/card-ui.js'] });
  return true;
}
