/**
 * What the popup reads from the browser: the current tab's page (asked from its content script,
 * again while the popup is open; the content script put into the tab when the user asks), the
 * settings and the user's own entries (kept up to date).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { glossary } from '../../glossary';
import type { Entry } from '../../glossary/schema';
import { injectContentScript } from '../../lib/content-scripts';
import { type ContentRequest, parseMentionsReply, readerAddress } from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import { hostnameOf, isRestrictedUrl } from '../../lib/sites';
import { loadCustomEntries, loadSettings, watchCustomEntries, watchSettings } from '../../lib/storage';
import { tabIdFromSearch } from './popup-state';

/** What the popup knows of the tab's page. */
export type PageState =
  | { kind: 'loading' }
  /** The browser keeps the extension out of this page, or its content script does not answer even when put there. */
  | { kind: 'unavailable' }
  /** No content script answers ("only when I ask", or a page open before the extension started): it can be put there. */
  | { kind: 'absent' }
  | { kind: 'ready'; enabled: boolean; mentions: [string, number][]; hostname: string | undefined };

/** How often the counts are asked again while the popup is open (dynamic pages, a site turned on). */
const REFRESH_MS = 1000;
/** Failed requests in a row before the page counts as unavailable (the content script may still be starting). */
const ATTEMPTS = 3;

/**
 * The current tab's page, asked again every REFRESH_MS and when `refresh` is called; `highlight`
 * puts the content script into the tab. `onRequest`: the content script runs only where the user
 * asks, so one unanswered request is enough to offer it.
 */
export function usePage(onRequest: boolean): {
  page: PageState;
  tabId: number | undefined;
  /** The tab's address, when the browser gives it. */
  url: string | undefined;
  refresh: () => void;
  highlight: () => Promise<void>;
} {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [tab, setTab] = useState<{ id: number; url: string | undefined } | null>();
  const failures = useRef(0);
  const ask = useRef<() => void>(() => undefined);
  /** Whether the content script was put into the tab: if it still does not answer, the page is off limits. */
  const injected = useRef(false);
  const onRequestNow = useRef(onRequest);
  onRequestNow.current = onRequest;

  useEffect(() => {
    let cancelled = false;
    const hooked = tabIdFromSearch(location.search);
    const find =
      hooked !== undefined
        ? browser.tabs.get(hooked).then((found) => [found])
        : browser.tabs.query({ active: true, currentWindow: true });
    find
      .then(([found]) => {
        if (cancelled) return;
        setTab(found?.id === undefined ? null : { id: found.id, url: found.url });
      })
      .catch(() => {
        if (!cancelled) setTab(null);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (tab === undefined) return;
    // The reader (an extension page) answers as a content script does.
    const inReader = tab?.url?.startsWith(browser.runtime.getURL(readerAddress())) ?? false;
    if (tab === null || (isRestrictedUrl(tab.url) && !inReader)) {
      setPage({ kind: 'unavailable' });
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempts = () => (onRequestNow.current && !injected.current ? 1 : ATTEMPTS);
    /** One request at a time: a refresh asked for meanwhile runs when the current one is answered. */
    let busy = false;
    let again = false;
    const request: ContentRequest = { type: 'get-mentions' };
    const run = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      clearTimeout(timer);
      let reply: ReturnType<typeof parseMentionsReply>;
      try {
        reply = parseMentionsReply(await browser.tabs.sendMessage(tab.id, request, { frameId: 0 }));
      } catch {
        reply = undefined;
      }
      busy = false;
      if (stopped) return;
      if (reply) {
        failures.current = 0;
        const hostname = hostnameOf(tab.url) ?? (reply.hostname.toLowerCase() || undefined);
        setPage({ kind: 'ready', enabled: reply.enabled, mentions: reply.mentions, hostname });
      } else {
        failures.current += 1;
        // No address: the browser gives those of the pages the extension may read (its host
        // access, or the tab the user clicked on), so this one is off limits.
        const offLimits = injected.current || tab.url === undefined;
        if (failures.current >= attempts()) setPage({ kind: offLimits ? 'unavailable' : 'absent' });
      }
      if (again) {
        again = false;
        void run();
        return;
      }
      timer = setTimeout(run, failures.current > 0 && failures.current < attempts() ? 300 : REFRESH_MS);
    };
    ask.current = () => void run();
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      ask.current = () => undefined;
    };
  }, [tab]);

  const highlight = async () => {
    if (!tab) return;
    injected.current = true;
    failures.current = 0;
    setPage({ kind: 'loading' });
    try {
      await injectContentScript(tab.id);
    } finally {
      ask.current();
    }
  };

  return { page, tabId: tab?.id, url: tab?.url, refresh: () => ask.current(), highlight };
}

/** The settings, kept up to date, and the user's own entries. */
export function useStored() {
  const [settings, setSettings] = useState<Settings>();
  const [custom, setCustom] = useState<Entry[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    void loadSettings().then((s) => {
      if (!controller.signal.aborted) setSettings(s);
    });
    watchSettings(setSettings, controller.signal);
    const builtIn = () => glossary;
    void loadCustomEntries(builtIn).then((stored) => {
      if (!controller.signal.aborted) setCustom(stored.entries);
    });
    watchCustomEntries(builtIn, (stored) => setCustom(stored.entries), controller.signal);
    return () => controller.abort();
  }, []);
  return { settings, setSettings, custom };
}
