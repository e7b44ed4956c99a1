/**
 * The background: keyboard commands and opening the full glossary. No glossary logic here.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
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

  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = parseBackgroundRequest(message);
    if (request?.type !== 'open-glossary') return undefined;
    const url = browser.runtime.getURL(glossaryAddress(request.id));
    return browser.tabs.create({ url }).then(() => true);
  });
});
