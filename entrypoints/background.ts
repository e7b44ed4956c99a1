/**
 * The background: keyboard commands, opening the full glossary, and what the content scripts ask
 * for (the card's script, entries, the user's entries checked). It holds the built-in glossary, so
 * that the content scripts do not carry it.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { injectCard } from '../lib/content-scripts';
import { builtInEntries, checkStoredEntries } from '../lib/entry-answers';
import { type ContentRequest, glossaryAddress, parseBackgroundRequest } from '../lib/messages';

export default defineBackground(() => {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'next-mention' && command !== 'previous-mention') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
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
        return injectCard(sender);
      case 'get-entries':
        return Promise.resolve(builtInEntries(request.ids));
      case 'check-custom-entries':
        return Promise.resolve(checkStoredEntries(request.value));
      default:
        return undefined;
    }
  });
});
