/**
 * How the extension's scripts get into pages. The content script is not in the manifest: in the
 * "always" mode the background registers it for every page and frame (scripting's registered
 * content scripts), and in the "only when I ask" mode it unregisters it, and the content script is
 * put into a tab, all its frames, when the user asks there (the popup's "Highlight this page" or
 * the highlight-page shortcut: the click or the key also grants activeTab on that tab, so this
 * works where the user withdrew the host access). The card's script goes into the frame that asks
 * for it (page/card-loader.ts), and so does the highlighter's (page/first-look.ts).
 */
import { type Browser, browser } from 'wxt/browser';
import { type ContentRequest, parseMentionsReply } from './messages';
import type { Activation } from './settings';

const CONTENT_SCRIPT = '/content-scripts/content.js';

/** The content script as the "always" mode registers it: what the manifest's entry used to say. */
const REGISTRATION: Browser.scripting.RegisteredContentScript = {
  id: 'palermo-lens-content',
  js: [CONTENT_SCRIPT],
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames without an address of their own (srcdoc, about:blank written by script) are their
  // page's: the successor of the manifest's match_about_blank.
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  persistAcrossSessions: true,
};

/** Registers the content script for every page ("always") or unregisters it ("on-request"). */
export async function registerContentScript(activation: Activation): Promise<void> {
  const ids = [REGISTRATION.id];
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids })).length > 0;
  if (activation === 'on-request') {
    if (registered) await browser.scripting.unregisterContentScripts({ ids });
  } else if (registered) {
    // As this version defines it (an update may have changed it).
    await browser.scripting.updateContentScripts([REGISTRATION]);
  } else await browser.scripting.registerContentScripts([REGISTRATION]);
}

/**
 * Keeps the registration in line with the setting, one change at a time (registering twice at
 * once would fail on the duplicate id): call it with the setting at each start of the background
 * and at each change.
 */
export function followActivation(): (activation: Activation) => void {
  let last: Activation | undefined;
  let queue = Promise.resolve();
  return (activation) => {
    if (activation === last) return;
    last = activation;
    queue = queue
      .then(() => registerContentScript(activation))
      .catch((error: unknown) => console.error('Palermo Lens: the content script’s registration failed:', error));
  };
}

/** Whether the content script runs in the tab's top frame (it answers the popup's request). */
async function runsIn(tabId: number): Promise<boolean> {
  const request: ContentRequest = { type: 'get-mentions' };
  const reply = await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined);
  return parseMentionsReply(reply) !== undefined;
}

/**
 * Puts the content script into a tab, all its frames, unless it already runs there (a second one
 * would take the first one's place and highlight the page again). Resolves once it has started.
 */
export async function injectContentScript(tabId: number): Promise<void> {
  if (await runsIn(tabId)) return;
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT] });
}

/** The scripts put into a frame when its content script first needs them. */
export const FRAME_SCRIPTS = { card: '/card-ui.js', engine: '/engine.js' } as const;

/**
 * Puts one of the frame scripts into the frame a content script's message came from (its
 * isolated world). Resolves once it has run; undefined when the sender is not a content script.
 */
export async function injectFrameScript(
  sender: Browser.runtime.MessageSender,
  script: keyof typeof FRAME_SCRIPTS,
): Promise<true | undefined> {
  const tabId = sender.tab?.id;
  const { frameId } = sender;
  if (tabId === undefined || frameId === undefined) return undefined;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [FRAME_SCRIPTS[script]] });
  return true;
}
