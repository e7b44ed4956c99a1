/**
 * The background: the content script's registration (lib/content-scripts.ts), keyboard commands,
 * opening the full glossary, and what the content scripts ask for (the highlighter's and the
 * card's scripts, entries, the user's entries checked and the words they require). It holds the
 * built-in glossary, so that the content scripts do not carry it.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { followActivation, injectContentScript, injectFrameScript } from '../lib/content-scripts';
import { builtInEntries, checkStoredEntries, customLookTerms } from '../lib/entry-answers';
import { type ContentRequest, glossaryAddress, parseBackgroundRequest } from '../lib/messages';
import { loadSettings, watchSettings } from '../lib/storage';

export default defineBackground(() => {
  // Each start of the background (install, update, browser start, any event) checks the
  // registration against the setting; each change of the setting changes it. The watch lasts as
  // long as the background: nothing stops it.
  const follow = followActivation();
  void loadSettings().then((settings) => follow(settings.activation));
  watchSettings((settings) => follow(settings.activation), new AbortController().signal);

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === 'highlight-page') {
      // The key granted activeTab on this tab.
      await injectContentScript(tab.id).catch((error: unknown) => console.warn('Palermo Lens:', error));
      return;
    }
    if (command !== 'next-mention' && command !== 'previous-mention') return;
    const request: ContentRequest = { type: 'step-mention', direction: command === 'next-mention' ? 1 : -1 };
    // The top frame answers; pages where content scripts cannot run just do nothing.
    await browser.tabs.sendMessage(tab.id, request, { frameId: 0 }).catch(() => undefined);
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = parseBackgroundRequest(message);
    switch (request?.type) {
      case 'open-glossary':
        return browser.tabs.create({ url: browser.runtime.getURL(glossaryAddress(request.id)) }).then(() => true);
      case 'load-card':
        return injectFrameScript(sender, 'card');
      case 'load-engine':
        return injectFrameScript(sender, 'engine');
      case 'custom-look-terms':
        return Promise.resolve(customLookTerms(request.value));
      case 'get-entries':
        return Promise.resolve(builtInEntries(request.ids));
      case 'check-custom-entries':
        return Promise.resolve(checkStoredEntries(request.value));
      default:
        return undefined;
    }
  });
});
