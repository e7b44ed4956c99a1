/**
 * How the content script gets into pages (lib/content-scripts.ts), against a fake of the
 * browser's scripting API that keeps the registered scripts as the browser does (a duplicate id
 * fails) and records what is put into tabs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  followActivation,
  injectContentScript,
  injectFrameScript,
  registerContentScript,
} from '../../lib/content-scripts';

type Script = { id: string; js?: string[] };
let scripts: Map<string, Script>;
let injected: object[];
/** Whether a content script answers the popup's request in the tab. */
let answering: boolean;

beforeEach(() => {
  scripts = new Map();
  injected = [];
  answering = false;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      await tick();
      return [...scripts.values()].filter((s) => ids.includes(s.id));
    }),
    registerContentScripts: vi.fn(async (list: Script[]) => {
      await tick();
      for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of list) scripts.set(s.id, s);
    }),
    updateContentScripts: vi.fn(async (list: Script[]) => {
      for (const s of list) scripts.set(s.id, s);
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      for (const id of ids) scripts.delete(id);
    }),
    executeScript: vi.fn(async (injection: object) => {
      injected.push(injection);
      return [];
    }),
  });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => {
    if (!answering) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { enabled: true, hostname: 'example.org', mentions: [] };
  }) as typeof fakeBrowser.tabs.sendMessage);
});
afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('the content script’s registration', () => {
  it('registers it for every page and frame in "always", and takes it away in "on-request"', async () => {
    await registerContentScript('always');
    expect([...scripts.values()]).toEqual([
      expect.objectContaining({
        js: ['/content-scripts/content.js'],
        matches: ['<all_urls>'],
        allFrames: true,
        matchOriginAsFallback: true,
        runAt: 'document_idle',
      }),
    ]);
    // Again (the background starts again): updated, not registered twice.
    await registerContentScript('always');
    expect(scripts.size).toBe(1);
    expect(fakeBrowser.scripting.updateContentScripts).toHaveBeenCalledTimes(1);
    await registerContentScript('on-request');
    expect(scripts.size).toBe(0);
    await registerContentScript('on-request');
    expect(scripts.size).toBe(0);
  });

  it('follows the setting one change at a time, and only when it changes', async () => {
    const follow = followActivation();
    // Settings saved quickly one after the other (a start and a change at once): no duplicate id.
    follow('always');
    follow('always');
    follow('on-request');
    follow('always');
    await vi.waitFor(() => expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(scripts.size).toBe(1));
    expect(fakeBrowser.scripting.unregisterContentScripts).toHaveBeenCalledTimes(1);
  });

  it('says when the browser refuses, and goes on with the next change', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.mocked(fakeBrowser.scripting.registerContentScripts).mockRejectedValueOnce(new Error('refused'));
    const follow = followActivation();
    follow('always');
    follow('on-request');
    follow('always');
    await vi.waitFor(() => expect(scripts.size).toBe(1));
    expect(error).toHaveBeenCalledWith('Palermo Lens: the content script’s registration failed:', new Error('refused'));
  });
});

describe('putting scripts into pages', () => {
  it('puts the content script into every frame of a tab, unless it already runs there', async () => {
    await injectContentScript(7);
    expect(injected).toEqual([{ target: { tabId: 7, allFrames: true }, files: ['/content-scripts/content.js'] }]);
    answering = true;
    await injectContentScript(7);
    expect(injected).toHaveLength(1);
  });

  it('puts the card’s or the highlighter’s script into the frame that asked for it, and nowhere for a sender that is not a content script', async () => {
    expect(await injectFrameScript({ tab: { id: 3 } as never, frameId: 12 }, 'card')).toBe(true);
    expect(await injectFrameScript({ tab: { id: 3 } as never, frameId: 0 }, 'engine')).toBe(true);
    expect(injected).toEqual([
      { target: { tabId: 3, frameIds: [12] }, files: ['/card-ui.js'] },
      { target: { tabId: 3, frameIds: [0] }, files: ['/engine.js'] },
    ]);
    expect(await injectFrameScript({ url: 'chrome-extension://x/popup.html' }, 'engine')).toBeUndefined();
    expect(injected).toHaveLength(2);
  });
});
