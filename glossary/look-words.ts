/**
 * The content script's first look at a frame (page/first-look.ts) asks one question: could this
 * text hold a mention at all? It answers with words, not expressions: a mention of a term always
 * holds the term's words, folded as the matcher's patterns tolerate them (case, accents,
 * punctuation, British and American spelling), except those its patterns make optional ("and" for
 * "or", a number sign, "de" before a year, a final year); of those, a term requires at most its
 * three longest (and, for a name, none shorter than three letters). So a frame none of whose texts holds all
 * of some term's required words names nothing, and the matcher need not be loaded. Compiling one
 * expression of every term's first words cost about 10 ms per page (V8 compiles it to machine
 * code); words cost a split and a lookup per word. Pure: no DOM, no browser APIs.
 */
import { CONJUNCTIONS, escapeRegExp, SPELLINGS, type TermKind } from './text-fold';

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
 * How poor a word is as a term's anchor: everyday words, numbers ("29") and the one-letter words
 * of English ("I", "a") are in most texts. (A dotted acronym's words are single letters.)
 */
const anchorPenalty = (word: string) =>
  (word === 'I' || word === 'A' ? 8 : 0) + (EVERYDAY.has(word) ? 4 : 0) + (/^\d+$/.test(word) ? 2 : 0);

/**
 * Names' words shorter than this are not required ("of", "la", "un"): the look then skips the
 * names' side of most words of a text.
 */
const MIN_NAME_WORD = 3;
/** At most this many words per term, the longest (the rarest, roughly): fewer lookups, same answer. */
const WORDS_PER_TERM = 3;

/** Word starts written two ways (organis/organiz, labour/labor, programme/program), and the one kept. */
/** A spelling with a hyphen one way ("co-operation"): two words that way, so never required. */
const isHyphenated = ({ parts }: (typeof SPELLINGS)[number]) =>
  parts.some((p) => typeof p !== 'string' && p.includes('-'));
const SPELLING_STARTS: [from: string, to: string][] = SPELLINGS.flatMap((spelling) => {
  if (isHyphenated(spelling)) return [];
  const { parts, key } = spelling;
  let starts = [''];
  for (const part of parts)
    starts = starts.flatMap((s) => (typeof part === 'string' ? [s + part] : part.map((v) => s + v)));
  return starts.map((start): [string, string] => [start, key]);
}).sort((a, b) => b[0].length - a[0].length);
const HYPHENATED_SPELLINGS = SPELLINGS.filter(isHyphenated).map(({ key }) => key);

/** Whether a word may start with one of the spellings (one test, before the loop over them). */
const SPELLING_START = new RegExp(`^(?:${SPELLING_STARTS.map(([from]) => from).join('|')})`);

/** A lower-case word with its spelling folded as `normalizeKey` folds it. */
function foldSpelling(word: string): string {
  if (!SPELLING_START.test(word)) return word;
  for (const [from, to] of SPELLING_STARTS) if (word.startsWith(from)) return to + word.slice(from.length);
  return word;
}

/** Whether a word starts with a capital or a digit: only such words can be an acronym. */
const mayBeAcronym = (word: string) => {
  const first = word.charCodeAt(0);
  return (first >= 65 && first <= 90) || (first >= 48 && first <= 57);
};

/** Latin letters with accents (and a few more): only text with some needs its accents stripped. */
const ACCENTED = /[\u00C0-\u024F]/;

/** A text with its accents stripped. */
const withoutAccents = (text: string) =>
  ACCENTED.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;

/** What separates words for the look: anything but ASCII letters and digits. */
const NOT_WORD = /[^A-Za-z0-9]+/;

/** The words of a text: accents stripped, split on anything but ASCII letters and digits, case kept. */
export function lookWords(text: string): string[] {
  return withoutAccents(text).split(NOT_WORD).filter(Boolean);
}

/** A required name's word as a pattern that takes either spelling ("organi(?:s|z)ation"). */
function eitherSpelling(word: string): string {
  const spelling = SPELLING_STARTS.find(([, to]) => word.startsWith(to));
  if (!spelling) return escapeRegExp(word);
  const froms = SPELLING_STARTS.filter(([, to]) => to === spelling[1]).map(([from]) => escapeRegExp(from));
  return `(?:${froms.join('|')})${escapeRegExp(word.slice(spelling[1].length))}`;
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
          .filter(
            (w) =>
              w.length >= MIN_NAME_WORD &&
              !OPTIONAL.has(w) &&
              !/^\d+$/.test(w) &&
              !HYPHENATED_SPELLINGS.some((s) => w.startsWith(s)),
          );
  const longest = [...new Set(required)].sort((a, b) => b.length - a.length).slice(0, WORDS_PER_TERM);
  return `${kind === 'acronym' ? 'a' : 'n'}:${longest.sort().join(' ')}`;
}

/** A required word: the terms that require it, and the last text it was met in. */
interface RequiredWord {
  terms: number[];
  metIn: number;
}

/**
 * The terms' required words, against texts: a text is a candidate when it holds every word some
 * term requires. A mention lies within one text node, so each text is looked at on its own (a
 * frame's words taken together would make candidates of long pages that name nothing). Called
 * for every text node of every page: no allocation per word but the split.
 */
export class LookIndex {
  /** Required words of acronyms, as written, and of names, in lower case and folded. */
  private readonly acronyms = new Map<string, RequiredWord>();
  private readonly names = new Map<string, RequiredWord>();
  /** For each term: how many words it requires, how many the current text holds, and since which text. */
  private readonly required: number[] = [];
  private readonly held: number[] = [];
  private readonly heldIn: number[] = [];
  /** Whether some acronym starts otherwise than with a capital or a digit (a user's entry may). */
  private acronymsInLowerCase = false;
  /**
   * One test, done natively, for the anchor of any term (one of its words, the least everyday):
   * a text without one holds no candidate, and its words need not be looked at one by one in
   * script, which costs a few µs per text node.
   */
  private anchors: RegExp[] = [];
  private readonly anchorWords = { a: new Set<string>(), n: new Set<string>() };
  /** The number of the current text. */
  private text = 0;

  constructor(lines: readonly string[] = []) {
    this.addTerms(lines);
  }

  /** More terms (the user's entries). */
  addTerms(lines: readonly string[]): void {
    for (const line of new Set(lines)) {
      const [kind, list = ''] = line.split(':', 2) as [string, string?];
      const words = [...new Set(list.split(' ').filter(Boolean))];
      // A term without a required word would make every text a candidate: none is made so.
      if (words.length === 0) continue;
      const term = this.required.push(words.length) - 1;
      this.held.push(0);
      this.heldIn.push(0);
      const map = kind === 'a' ? this.acronyms : this.names;
      const anchor = [...words].sort((x, y) => anchorPenalty(x) - anchorPenalty(y) || y.length - x.length)[0];
      if (anchor) this.anchorWords[kind === 'a' ? 'a' : 'n'].add(anchor);
      if (kind === 'a' && words.some((w) => !mayBeAcronym(w))) this.acronymsInLowerCase = true;
      for (const w of words) {
        const known = map.get(w);
        if (known) known.terms.push(term);
        else map.set(w, { terms: [term], metIn: 0 });
      }
    }
    const byLength = (words: Set<string>) => [...words].sort((a, b) => b.length - a.length);
    const names = byLength(this.anchorWords.n).map(eitherSpelling);
    const acronyms = byLength(this.anchorWords.a).map(escapeRegExp);
    this.anchors = [
      ...(acronyms.length ? [new RegExp(`\\b(?:${acronyms.join('|')})\\b`)] : []),
      ...(names.length ? [new RegExp(`\\b(?:${names.join('|')})`, 'i')] : []),
    ];
  }

  /** Whether `text` holds the anchor of some term: if not, it holds no candidate. */
  mayHoldCandidate(text: string): boolean {
    const plain = withoutAccents(text);
    return this.anchors.some((re) => re.test(plain));
  }

  /** Whether `text` holds every word some term requires. */
  holdsCandidate(text: string): boolean {
    const plain = withoutAccents(text);
    if (!this.anchors.some((re) => re.test(plain))) return false;
    const current = ++this.text;
    for (const word of plain.split(NOT_WORD)) {
      if (!word) continue;
      const acronym = this.acronymsInLowerCase || mayBeAcronym(word) ? this.acronyms.get(word) : undefined;
      if (acronym && this.meet(acronym, current)) return true;
      if (word.length < MIN_NAME_WORD) continue;
      const name = this.names.get(foldSpelling(word.toLowerCase()));
      if (name && this.meet(name, current)) return true;
    }
    return false;
  }

  /** Counts a required word met in the current text (once per text); true when it completes a term. */
  private meet(word: RequiredWord, current: number): boolean {
    if (word.metIn === current) return false;
    word.metIn = current;
    for (const term of word.terms) {
      if (this.heldIn[term] !== current) {
        this.heldIn[term] = current;
        this.held[term] = 0;
      }
      const held = (this.held[term] as number) + 1;
      if (held === this.required[term]) return true;
      this.held[term] = held;
    }
    return false;
  }
}
