/**
 * The content script's first look at a frame (page/first-look.ts) asks one question: could this
 * text hold a mention at all? It answers with words, not expressions: a mention of a term always
 * holds the term's words, folded as the matcher's patterns tolerate them (case, accents,
 * punctuation, British and American spelling), except those its patterns make optional ("and" for
 * "or", a number sign, "de" before a year, a final year). So a frame whose text lacks one of each
 * term's required words names nothing, and the matcher need not be loaded. Compiling one
 * expression of every term's first words cost about 10 ms per page (V8 compiles it to machine
 * code); a set of words costs a split and a lookup per word. Pure: no DOM, no browser APIs.
 */
import { CONJUNCTIONS, SPELLINGS, type TermKind } from './text-fold';

/** Words a term's patterns make optional or interchangeable: never required. */
const OPTIONAL = new Set([...Object.keys(CONJUNCTIONS), 'no', 'n', 'de']);
/** At most this many words per term, the longest (the rarest, roughly): fewer lookups, same answer. */
const WORDS_PER_TERM = 3;
/** A frame with this many distinct words is simply looked at by the matcher. */
const MAX_WORDS = 100_000;

/** Word starts written two ways (organis/organiz, labour/labor, programme/program), and the one kept. */
const SPELLING_STARTS: [from: string, to: string][] = SPELLINGS.flatMap(({ parts, key }) => {
  // One word both ways: the hyphenated spelling ("co-operation") is two words, so it is optional.
  if (parts.some((p) => typeof p !== 'string' && p.includes('-'))) return [];
  let starts = [''];
  for (const part of parts)
    starts = starts.flatMap((s) => (typeof part === 'string' ? [s + part] : part.map((v) => s + v)));
  return starts.map((start): [string, string] => [start, key]);
}).sort((a, b) => b[0].length - a[0].length);
const HYPHENATED_SPELLINGS = SPELLINGS.filter(({ parts }) =>
  parts.some((p) => typeof p !== 'string' && p.includes('-')),
).map(({ key }) => key);

/** A lower-case word with its spelling folded as `normalizeKey` folds it. */
function foldSpelling(word: string): string {
  for (const [from, to] of SPELLING_STARTS) if (word.startsWith(from)) return to + word.slice(from.length);
  return word;
}

/** The words of a text: accents stripped, split on anything but ASCII letters and digits, case kept. */
export function lookWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/**
 * The words every mention of a term holds, as a line of the first look's list: `n:` and lower-case
 * words for a name, `a:` and the words as written for an acronym (exact, as acronyms match).
 */
export function requiredWords(kind: TermKind, text: string): string {
  const words = lookWords(text);
  const required =
    kind === 'acronym'
      ? words
      : words
          .map((w) => foldSpelling(w.toLowerCase()))
          .filter((w) => !OPTIONAL.has(w) && !/^\d+$/.test(w) && !HYPHENATED_SPELLINGS.some((s) => w.startsWith(s)));
  const longest = [...new Set(required)].sort((a, b) => b.length - a.length).slice(0, WORDS_PER_TERM);
  return `${kind === 'acronym' ? 'a' : 'n'}:${longest.sort().join(' ')}`;
}

/**
 * The words met in a frame so far, against the terms' required words: `add` says when some term
 * has all of them (a candidate).
 */
export class LookIndex {
  /** The frame's words: lower-case and folded ones as `n:…`, as written as `a:…`. */
  private readonly seen = new Set<string>();
  /** The words as they came, already noted: most words of a page come again. */
  private readonly met = new Set<string>();
  /** For each word, the terms that require it (indices into `missing`). */
  private readonly termsOf = new Map<string, number[]>();
  /** For each term, how many of its words are still missing. */
  private readonly missing: number[] = [];
  private complete = false;

  constructor(lines: readonly string[] = []) {
    this.addTerms(lines);
  }

  /** Whether some term has all its words in what was added. */
  get found(): boolean {
    return this.complete;
  }

  /** More terms (the user's entries), checked against the words already met. */
  addTerms(lines: readonly string[]): boolean {
    for (const line of new Set(lines)) {
      const [kind, list = ''] = line.split(':', 2) as [string, string?];
      const words = [...new Set(list.split(' ').filter(Boolean))].map((w) => `${kind}:${w}`);
      const term = this.missing.length;
      this.missing.push(words.filter((w) => !this.seen.has(w)).length);
      if (this.missing[term] === 0) this.complete = true;
      for (const w of words) {
        const terms = this.termsOf.get(w);
        if (terms) terms.push(term);
        else this.termsOf.set(w, [term]);
      }
    }
    return this.complete;
  }

  /** Adds the words of a text; true once some term has all its words. */
  add(text: string): boolean {
    if (this.complete) return true;
    for (const word of lookWords(text)) {
      if (this.met.has(word)) continue;
      this.met.add(word);
      this.note(`a:${word}`);
      this.note(`n:${foldSpelling(word.toLowerCase())}`);
    }
    if (this.met.size > MAX_WORDS) this.complete = true;
    return this.complete;
  }

  private note(word: string): void {
    if (this.seen.has(word)) return;
    this.seen.add(word);
    for (const term of this.termsOf.get(word) ?? []) {
      const left = (this.missing[term] as number) - 1;
      this.missing[term] = left;
      if (left === 0) this.complete = true;
    }
  }
}
