/**
 * The search of the options page's full glossary: every word of the query must appear in one of
 * the entry's names, acronyms or definitions, in either language, ignoring case and accents.
 * Pure: no browser APIs.
 */
import type { Entry } from '../glossary/schema';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, "'");

function haystack(entry: Entry): string {
  return fold(
    [
      entry.id,
      ...entry.names.en.map((n) => n.text),
      ...entry.names.fr.map((n) => n.text),
      ...entry.acronyms.en.map((a) => a.text),
      ...entry.acronyms.fr.map((a) => a.text),
      entry.definition.en,
      entry.definition.fr,
    ].join('\n'),
  );
}

const cache = new WeakMap<Entry, string>();

/** The entries that match `query` (all of them for an empty query), in their order. */
export function searchEntries(entries: readonly Entry[], query: string): Entry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    let text = cache.get(entry);
    if (text === undefined) {
      text = haystack(entry);
      cache.set(entry, text);
    }
    return words.every((w) => (text as string).includes(w));
  });
}
