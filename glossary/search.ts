/**
 * The glossary search: the one search of the popup and of the options page's full glossary, so
 * that a query finds the same entries, in the same order, on both.
 *
 * Query and text are folded as the matcher folds names (glossary/text-fold.ts: case, accents,
 * apostrophes, hyphens, British/American spelling), and punctuation counts as a space.
 * - Names and acronyms of both languages come first, ranked by how well the best of an entry's
 *   terms matches (`matchRank`: the whole term, its start, a word's start, anywhere, every query
 *   word starting one of its words, or the same letters with spaces ignored, so that "ungift"
 *   finds UN.GIFT and "labor organization" the International Labour Organization).
 * - Then the entries that only the words of their definition find: every query word starts a
 *   word of the entry's names, acronyms or definition, in either language ("Strasbourg" finds the
 *   Council of Europe). The options page always searched definitions; word starts rather than any
 *   substring keep a short query from finding every entry.
 * Ties keep the glossary's order, and each entry comes once. A blank query finds nothing: each page
 * decides what it shows then (the popup its page's mentions, the options page every entry, see
 * `filterGlossary`). Pure: no DOM, no browser APIs.
 */
import type { Entry, Language } from './schema';
import { foldForSearch } from './text-fold';

export interface SearchHit {
  entry: Entry;
  /** The name or acronym that matched best, in its language; null when the definition's words found it. */
  term: { text: string; lang: Language } | null;
  /** How well it matched: 0 (the whole term) to 5 (letters in order, spaces ignored); 6 by the definition. */
  rank: number;
}

/** The rank of an entry found by the words of its definition: after every match on a name or acronym. */
export const DEFINITION_RANK = 6;

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

/** A searchable list: every entry's terms and words, folded once. */
export interface SearchIndex {
  entries: readonly Entry[];
  terms: { entry: number; text: string; lang: Language; folded: string }[];
  /** Per entry, the folded words of its names, acronyms and definitions, each after a space. */
  words: string[];
}

export function buildSearchIndex(entries: readonly Entry[]): SearchIndex {
  const terms: SearchIndex['terms'] = [];
  const words = entries.map((entry, i) => {
    const texts: string[] = [];
    for (const lang of ['en', 'fr'] as const) {
      for (const term of [...entry.acronyms[lang], ...entry.names[lang]]) {
        const folded = foldForSearch(term.text);
        if (folded) terms.push({ entry: i, text: term.text, lang, folded });
        texts.push(folded);
      }
      texts.push(foldForSearch(entry.definition[lang]));
    }
    return ` ${texts.join(' ')}`;
  });
  return { entries, terms, words };
}

/** The entries that `query` finds, best first (see the module's header). A blank query finds nothing. */
export function searchGlossary(index: SearchIndex, query: string): SearchHit[] {
  const q = foldForSearch(query);
  if (!q) return [];
  const best = new Map<number, { rank: number; term: SearchHit['term'] }>();
  for (const term of index.terms) {
    const rank = matchRank(term.folded, q);
    if (rank === undefined) continue;
    const previous = best.get(term.entry);
    if (!previous || rank < previous.rank) best.set(term.entry, { rank, term: { text: term.text, lang: term.lang } });
  }
  const queryWords = q.split(' ').map((w) => ` ${w}`);
  index.words.forEach((words, i) => {
    if (!best.has(i) && queryWords.every((w) => words.includes(w))) best.set(i, { rank: DEFINITION_RANK, term: null });
  });
  return [...best]
    .sort(([a, x], [b, y]) => x.rank - y.rank || a - b)
    .map(([i, hit]) => ({ entry: index.entries[i] as Entry, term: hit.term, rank: hit.rank }));
}

/**
 * What a list of the glossary filtered by `query` shows (the options page's full glossary): every
 * entry, in order, while the query is blank; else the entries `searchGlossary` finds, best first.
 */
export function filterGlossary(index: SearchIndex, query: string): readonly Entry[] {
  return query.trim() ? searchGlossary(index, query).map((hit) => hit.entry) : index.entries;
}
