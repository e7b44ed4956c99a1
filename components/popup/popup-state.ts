/**
 * What the popup knows about the current tab, as pure functions: which tab (the `?tab=` testing
 * hook) and the counts it shows. Whether the extension can run there is a site rule
 * (lib/sites.ts); the content script's reply is a message (lib/messages.ts). No browser APIs.
 */
import { CATEGORIES, type Category } from '../../glossary/categories';
import type { Entry, Language } from '../../glossary/schema';

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

/**
 * Whether a tab's address is a PDF the reader can open: http or https, its path ending in ".pdf".
 * The popup sees the address only (the browser's own viewer hides the content type, and asking the
 * server would be a request of our own on every popup).
 */
export function isPdfAddress(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && /\.pdf$/i.test(parsed.pathname);
  } catch {
    return false;
  }
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
