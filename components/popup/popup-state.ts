/**
 * What the popup knows about the current tab, as pure functions: which tab (the `?tab=` testing
 * hook), whether the extension can run there, the content script's reply (validated here, where
 * it is received) and the counts it shows. No browser APIs.
 */
import * as v from 'valibot';
import { CATEGORIES, type Category } from '../../glossary/categories';
import type { Entry, Language } from '../../glossary/schema';
import type { MentionsReply } from '../../lib/messages';

/**
 * The tab named by `?tab=<id>` in the popup's address, if any. This is the testing hook: an
 * end-to-end test opens chrome-extension://ID/popup.html?tab=N as an ordinary page (N found
 * from the service worker with chrome.tabs.query), since a real popup cannot be opened by
 * Playwright. Without it, the popup uses the active tab of its window.
 */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

/** Extension stores, where browsers never let extensions run (host, and path prefix if any). */
const STORES: readonly [host: string, path: string][] = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
  ['addons.opera.com', '/'],
];

/**
 * Whether the browser keeps content scripts out of a page at this address: its own pages
 * (chrome:, about:, edge:…), extension pages, view-source and the like, and the extension
 * stores. `file:` pages are not restricted here (they are when the user has not allowed file
 * access, which only the failed message tells). An unknown address (undefined: the browser
 * did not give it) is not known to be restricted either.
 */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (url === undefined || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol === 'file:') return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  const host = parsed.hostname.toLowerCase();
  return STORES.some(([h, path]) => host === h && parsed.pathname.startsWith(path));
}

/** The host name of an http(s) page, lower-cased; undefined for anything else. */
export function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) return undefined;
    return parsed.hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const MentionsReplySchema = v.object({
  enabled: v.boolean(),
  mentions: v.array(v.tuple([v.string(), v.pipe(v.number(), v.integer(), v.minValue(0))])),
  /** The page's host name, when the content script tells it (the tab's URL may be hidden from the popup). */
  hostname: v.optional(v.string()),
});

/** The content script's answer to get-mentions (the host name when it gives one). */
export type PageReply = Pick<MentionsReply, 'enabled' | 'mentions'> & { hostname?: string };

/** The content script's answer to get-mentions, or undefined when it is not one. */
export function parseMentionsReply(value: unknown): PageReply | undefined {
  const result = v.safeParse(MentionsReplySchema, value);
  return result.success ? result.output : undefined;
}

export interface MentionSummary {
  /** The page's entries in order of first appearance, with their number of highlights. */
  entries: { entry: Entry; count: number }[];
  /** Highlights per category. */
  categories: Record<Category, number>;
  /** All highlights. */
  total: number;
}

/** Counts per entry and per category; ids no longer in the glossary are left out. */
export function summarizeMentions(
  mentions: readonly (readonly [string, number])[],
  entryById: (id: string) => Entry | undefined,
): MentionSummary {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const entries: MentionSummary['entries'] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const [id, count] of mentions) {
    const entry = entryById(id);
    if (!entry || seen.has(id) || count <= 0) continue;
    seen.add(id);
    entries.push({ entry, count });
    categories[entry.category] += count;
    total += count;
  }
  return { entries, categories, total };
}

/** The plural form of `count` in `lang` ("one" covers 0 and 1 in French, 1 in English). */
export function pluralForm(count: number, lang: Language): 'one' | 'other' {
  return new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
}
