/**
 * The popup's glossary search: names and acronyms of both languages, whatever their case,
 * accents, apostrophes, hyphens, punctuation or British/American spelling. Pure: no browser APIs.
 */

import type { Entry, Language } from './schema';
import { foldForSearch } from './text-fold';

export interface SearchHit {
  entry: Entry;
  /** The name or acronym that matched best. */
  term: string;
  /** The language of that term. */
  termLang: Language;
  /** How well it matched: 0 (the whole term) to 5 (letters in order, spaces ignored). */
  rank: number;
}

/**
 * How well `term` (folded) matches `query` (folded, non-empty): 0 the whole term, 1 its start,
 * 2 the start of one of its words, 3 anywhere, 4 every query word starts one of its words,
 * 5 the same letters with spaces ignored ("ungift" for "UN.GIFT"); undefined when it does not.
 */
export function matchRank(term: string, query: string): number | undefined {
  if (term === query) return 0;
  if (term.startsWith(query)) return 1;
  if (term.includes(` ${query}`)) return 2;
  if (term.includes(query)) return 3;
  const words = term.split(' ');
  const queryWords = query.split(' ');
  if (queryWords.length > 1 && queryWords.every((q) => words.some((w) => w.startsWith(q)))) return 4;
  if (term.replace(/ /g, '').includes(query.replace(/ /g, ''))) return 5;
  return undefined;
}

/** A searchable list: every entry's terms, folded once. */
export interface SearchIndex {
  entries: readonly Entry[];
  terms: { entry: number; text: string; lang: Language; folded: string }[];
}

export function buildSearchIndex(entries: readonly Entry[]): SearchIndex {
  const terms: SearchIndex['terms'] = [];
  entries.forEach((entry, i) => {
    for (const lang of ['en', 'fr'] as const) {
      for (const term of [...entry.acronyms[lang], ...entry.names[lang]]) {
        const folded = foldForSearch(term.text);
        if (folded) terms.push({ entry: i, text: term.text, lang, folded });
      }
    }
  });
  return { entries, terms };
}

/**
 * The entries whose names or acronyms match `query`, best first (ties keep the glossary's
 * order), each once. An empty query finds nothing.
 */
export function searchGlossary(index: SearchIndex, query: string, limit = 50): SearchHit[] {
  const q = foldForSearch(query);
  if (!q) return [];
  const best = new Map<number, { rank: number; text: string; lang: Language }>();
  for (const term of index.terms) {
    const rank = matchRank(term.folded, q);
    if (rank === undefined) continue;
    const previous = best.get(term.entry);
    if (!previous || rank < previous.rank) best.set(term.entry, { rank, text: term.text, lang: term.lang });
  }
  return [...best]
    .sort(([a, x], [b, y]) => x.rank - y.rank || a - b)
    .slice(0, limit)
    .map(([i, hit]) => ({ entry: index.entries[i] as Entry, term: hit.text, termLang: hit.lang, rank: hit.rank }));
}
