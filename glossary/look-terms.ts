/**
 * The first look at a frame (page/first-look.ts) asks one question: could this text hold a
 * mention at all? It answers with words, not expressions: a mention of a term always holds the
 * term's words, folded as the matcher's patterns tolerate them (case, accents, punctuation,
 * British and American spelling), except those its patterns make optional ("and" for "or", a
 * number sign, "de" before a year, a final year); of those, a term requires at most its three
 * longest (and, for a name, none shorter than three letters). So a frame none of whose texts holds
 * all of some term's required words names nothing, and the matcher need not be loaded. Worked out
 * here, at build time for the glossary and in the background for the user's entries, in the
 * compact form the content script uses (`LookTerms`, look-index.ts). Pure.
 */
import type { LookTerms } from './look-index';
import { foldSpelling, isHyphenated, lookWords, MIN_NAME_WORD, spellingsOf } from './look-words';
import { CONJUNCTIONS, escapeRegExp, SPELLINGS, type TermKind } from './text-fold';
import { trieSource } from './trie-source';

/** The spellings with a hyphen one way ("co-operation"): their words are never required. */
const HYPHENATED_SPELLINGS = SPELLINGS.filter(isHyphenated).map(({ key }) => key);
/** Words a term's patterns make optional or interchangeable: never required. */
const OPTIONAL = new Set([...Object.keys(CONJUNCTIONS), 'no', 'n', 'de']);
/**
 * Words of the glossary's names that everyday text uses often (on news and reference pages in
 * English and French): a term is first looked for by another of its words where it has one.
 */
const EVERYDAY = new Set(
  (
    'action against associated council europe european force forces general global good human humans ' +
    'international labour land migration mission national nations office operation organisation permanent ' +
    'plan project regional rights security services special union united working ' +
    'conseil droits europeen europeenne generale homme internationale mondial nationale organisation ' +
    'protection travail unies'
  ).split(' '),
);

/**
 * How poor a name's word is as its anchor: everyday words are in most texts; so are short words
 * as parts of others ("res" in "research", where the text of a part of a page is looked at),
 * and years ("1930").
 */
const anchorPenalty = (word: string) =>
  (EVERYDAY.has(word) ? 4 : 0) + (/^\d+$/.test(word) ? (word.length === 4 ? 2 : 0) : word.length < 4 ? 3 : 0);

/** At most this many words per term, the longest (the rarest, roughly): fewer lookups, same answer. */
const WORDS_PER_TERM = 3;

/** A name's anchor: its least everyday word, the longest of those. */
export const nameAnchor = (words: readonly string[]) =>
  [...words].sort((x, y) => anchorPenalty(x) - anchorPenalty(y) || y.length - x.length)[0] as string;

/** A number at the end of a name: a year its patterns make optional ("Convention, 1930"). */
const FINAL_YEAR = /[\s,]\d{4}\s*$/;

/**
 * The words every mention of a term holds, as a line of the first look's list: `n:` and lower-case
 * words for a name, `a:` and the words as written, in their order, for an acronym (exact, as
 * acronyms match: "U.N." is `a:U N`, whose mentions hold "U", then "N").
 */
export function requiredWords(kind: TermKind, text: string): string {
  if (kind === 'acronym') return `a:${lookWords(text).join(' ')}`;
  const words = lookWords(FINAL_YEAR.test(text) ? text.replace(/\d{4}\s*$/, '') : text)
    .map((w) => foldSpelling(w.toLowerCase()))
    .filter((w) => w.length >= MIN_NAME_WORD && !OPTIONAL.has(w) && !HYPHENATED_SPELLINGS.some((s) => w.startsWith(s)));
  const longest = [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, WORDS_PER_TERM);
  return `n:${longest.sort().join(' ')}`;
}

/** An acronym's words in their order, with what separates them, as units of an expression. */
const acronymAnchorUnits = (words: readonly string[]) =>
  words.flatMap((word, i) => [...(i ? ['[^A-Za-z0-9]+'] : []), ...[...word].map(escapeRegExp)]);

/** The look's form of a list of terms' lines (`requiredWords`). */
export function lookTerms(lines: Iterable<string>): LookTerms {
  const acronyms: string[] = [];
  const names = new Map<string, string[]>();
  const acronymAnchors: string[][] = [];
  const nameAnchors: string[][] = [];
  for (const line of new Set(lines)) {
    const [kind, list = ''] = line.split(':', 2) as [string, string?];
    const words = list.split(' ').filter(Boolean);
    // A term without a required word would make every text a candidate: none is made so.
    if (words.length === 0) continue;
    if (kind === 'a') {
      acronyms.push(words.join(' '));
      acronymAnchors.push(acronymAnchorUnits(words));
      continue;
    }
    const anchor = nameAnchor(words);
    const terms = names.get(anchor);
    if (terms) terms.push(words.join(' '));
    else {
      names.set(anchor, [words.join(' ')]);
      for (const spelling of spellingsOf(anchor)) nameAnchors.push([...spelling].map(escapeRegExp));
    }
  }
  return {
    acronyms: acronyms.join('\n'),
    names: [...names].map(([anchor, terms]) => `${anchor}:${terms.join('|')}`).join('\n'),
    acronymAnchors: trieSource(acronymAnchors),
    nameAnchors: trieSource(nameAnchors),
  };
}
