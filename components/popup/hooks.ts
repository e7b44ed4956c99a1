/**
 * What the popup reads from the browser: the current tab's page (asked from its content script,
 * again while the popup is open), the settings and the user's own entries (kept up to date).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { glossary } from '../../glossary';
import type { Entry } from '../../glossary/schema';
import { type ContentRequest, parseMentionsReply } from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import { hostnameOf, isRestrictedUrl } from '../../lib/sites';
import { loadCustomEntries, loadSettings, watchCustomEntries, watchSettings } from '../../lib/storage';
import { tabIdFromSearch } from './popup-state';

/** What the popup knows of the tab's page. */
export type PageState =
  | { kind: 'loading' }
  /** The browser keeps the extension out of this page, or its content script does not answer. */
  | { kind: 'unavailable' }
  | { kind: 'ready'; enabled: boolean; mentions: [string, number][]; hostname: string | undefined };

/** How often the counts are asked again while the popup is open (dynamic pages, a site turned on). */
const REFRESH_MS = 1000;
/** Failed requests in a row before the page counts as unavailable (the content script may still be starting). */
const ATTEMPTS = 3;

/** The current tab's page, asked again every REFRESH_MS and when `refresh` is called. */
export function usePage(): { page: PageState; tabId: number | undefined; refresh: () => void } {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [tab, setTab] = useState<{ id: number; url: string | undefined } | null>();
  const failures = useRef(0);
  const ask = useRef<() => void>(() => undefined);

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
    if (tab === null || isRestrictedUrl(tab.url)) {
      setPage({ kind: 'unavailable' });
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
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
        if (failures.current >= ATTEMPTS) setPage({ kind: 'unavailable' });
      }
      if (again) {
        again = false;
        void run();
        return;
      }
      timer = setTimeout(run, failures.current > 0 && failures.current < ATTEMPTS ? 300 : REFRESH_MS);
    };
    ask.current = () => void run();
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      ask.current = () => undefined;
    };
  }, [tab]);

  return { page, tabId: tab?.id, refresh: () => ask.current() };
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
