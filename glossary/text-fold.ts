/**
 * Text folding: the one place that says which differences in writing do not matter. Matching
 * (matcher.ts builds its tolerant patterns from the same character sets and spellings), the
 * schema's check for shared terms and every search fold text here, so that what the highlighter
 * finds, what the glossary refuses as a duplicate and what a search finds agree.
 *
 * Names fold case, accents, apostrophes, quotes, hyphens, runs of white space (no-break and narrow
 * no-break spaces included), commas and parentheses (a serial comma, "Convention (No. 29)"), the
 * number sign before a number ("No. 29", "n° 29", "nº29", "no 29" or none), "or" and "and" ("ou"
 * and "et": "forced or compulsory labour", "forced and compulsory labour") and British or American
 * spelling; acronyms fold white space only (they match case-sensitively).
 */
import { SPELLINGS } from './spellings';

export { escapeRegExp, SPELLINGS, type Spelling, type SpellingPart } from './spellings';

export const APOSTROPHES = "'’ʼ‘`";
export const HYPHENS = '-‐‑‒–';
export const QUOTES = '"“”„«»';
/** Punctuation a name may have or lack: commas (a serial comma) and parentheses. */
export const OPTIONAL_PUNCTUATION = '(),';
/** The number sign before a number, in any of its spellings, or none: what `normalizeKey` removes. */
export const NUMBER_SIGN = String.raw`(?:[Nn][oº°]\.?|№)\s*`;
/** Conjunctions that are interchangeable in a name, each with the one it folds to. */
export const CONJUNCTIONS: Readonly<Record<string, string>> = { or: 'and', and: 'and', ou: 'et', et: 'et' };

export const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

// Lower case by now, accents stripped ("nº" keeps its ordinal indicator, "n°" its degree sign).
const NUMBER_SIGN_BEFORE_NUMBER = /(?<![\p{L}\p{N}])(?:n[oº°]\.?|№)\s*(?=\p{N})/gu;

const ANY_APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'g');
const ANY_QUOTE = new RegExp(`[${QUOTES}]`, 'g');
const ANY_HYPHEN = new RegExp(`[${HYPHENS}]`, 'g');

/** Keys already computed: the same words and names come again and again on a page. */
const keys = new Map<string, string>();
const KEYS_KEPT = 5_000;

/** The form a name and every text it matches share: folded case, accents, spaces and spelling. */
export function normalizeKey(text: string): string {
  const known = keys.get(text);
  if (known !== undefined) return known;
  let key = stripAccents(text)
    .toLowerCase()
    .replace(ANY_APOSTROPHE, "'")
    .replace(ANY_QUOTE, '')
    .replace(ANY_HYPHEN, ' ')
    .replace(/[(),]/g, ' ')
    .replace(NUMBER_SIGN_BEFORE_NUMBER, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=^| )(or|ou)(?= )/g, (word) => CONJUNCTIONS[word] as string);
  key = key.replace(/(^|[^\p{L}])(\p{L}+)/gu, (_m, before: string, word: string) => {
    for (const { re, key: form } of SPELLINGS) {
      const hit = re.exec(word);
      if (hit) return before + form + word.slice(hit[0].length);
    }
    return before + word;
  });
  // Hyphens became spaces above, so "co-operation" arrives here as two words.
  key = key.replace(/co operation/g, 'cooperation');
  if (keys.size >= KEYS_KEPT) keys.clear();
  keys.set(text, key);
  return key;
}

export type TermKind = 'name' | 'acronym';

const acronymKey = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A name's key also drops a year at its end ("Forced Labour Convention, 1930" is the Forced Labour
 * Convention) and "de" before a year ("Protocole de 2014", "Protocole 2014"): matcher patterns
 * make both optional (prepare-matcher.ts). Not `normalizeKey`'s: a search for "2014" keeps its year.
 */
const nameKey = (text: string) =>
  normalizeKey(text)
    .replace(/(?<=^| )de (?=\d{4}(?: |$))/g, '')
    .replace(/ \d{4}$/, '');

/** The key under which a term and the texts it matches are the same term. */
export const termKey = (kind: TermKind, text: string) => (kind === 'name' ? nameKey(text) : acronymKey(text));

/**
 * The form a search query and the terms it looks at are compared in: `normalizeKey`, then any
 * punctuation as a space ("UN.GIFT" is "un gift", "d’exploitation" is "d exploitation").
 */
export function foldForSearch(text: string): string {
  return normalizeKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
