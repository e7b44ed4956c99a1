/**
 * The first look's index of the terms' required words (look-terms.ts), against the texts of a
 * page: a text is a candidate when it holds every word some term requires. A mention lies within
 * one text node, so each text is looked at on its own (a frame's words taken together would make
 * candidates of long pages that name nothing). Called on every page: native searches do most of
 * the work, and only the few texts that hold a term's anchor are split into words in script,
 * which costs a few µs each. Pure: no DOM, no browser APIs.
 */
import {
  ACCENTED,
  foldSpelling,
  MIN_NAME_WORD,
  mayBeAcronym,
  NOT_WORD,
  spellingsOf,
  withoutAccents,
} from './look-words';

/**
 * The first look's terms, in the compact form it carries into every frame (look-terms.ts makes
 * it): strings, which cost the frame one string each until it needs what they hold.
 */
export interface LookTerms {
  /** Each acronym's words as written, in their order ("U N" for "U.N."), one acronym per line. */
  acronyms: string;
  /**
   * Each name's required words, by the name's anchor (its least everyday word, folded): a line per
   * anchor, `anchor:words|words`.
   */
  names: string;
  /**
   * The terms' anchors, as the sources of expressions (tries): an acronym as written, a name's
   * anchor in either spelling. A text that holds no anchor holds no mention.
   */
  acronymAnchors: string;
  nameAnchors: string;
}

const LOOK_TERMS_KEYS = ['acronyms', 'names', 'acronymAnchors', 'nameAnchors'] as const;

/** Whether a value is `LookTerms` (the background's answer). */
export const isLookTerms = (value: unknown): value is LookTerms =>
  typeof value === 'object' &&
  value !== null &&
  LOOK_TERMS_KEYS.every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

/** A required word: the terms that require it, and the last text it was met in. */
interface RequiredWord {
  terms: number[];
  metIn: number;
}

/** Where a word of the look starts and ends: where `NOT_WORD` splits a text (`\b` takes `_` for a letter). */
const wholeWords = (source: string) => `(?<![A-Za-z0-9])(?:${source})(?![A-Za-z0-9])`;

/** Where `expression` (global) matches in `text`, each start once, matches that overlap included. */
function* starts(expression: RegExp, text: string): Generator<RegExpExecArray> {
  expression.lastIndex = 0;
  for (let hit = expression.exec(text); hit; hit = expression.exec(text)) {
    yield hit;
    expression.lastIndex = hit.index + 1;
  }
}

/** The most anchors found in a part of a page whose terms' other words are looked for there. */
const MAX_ANCHORS_CHECKED = 3;

/**
 * Lets the engine drop the text of the last successful search, which it keeps for `RegExp.input`
 * and `RegExp.lastMatch`: the text of a whole page, kept as long as the frame lives.
 */
const forgetLastSubject = () => /(?:)/.exec('');

export class LookIndex {
  /** The terms added, in the form they came in. */
  private readonly terms: LookTerms[] = [];
  /** How many of them are in the tables below: most pages never need these. */
  private tabulated = 0;
  /** Required words of acronyms, as written, and of names, in lower case and folded. */
  private readonly acronyms = new Map<string, RequiredWord>();
  private readonly names = new Map<string, RequiredWord>();
  /** For each term: how many words it requires, how many the current text holds, and since which text. */
  private readonly required: number[] = [];
  private readonly held: number[] = [];
  private readonly heldIn: number[] = [];
  /** Whether some acronym starts otherwise than with a capital or a digit (a user's entry may). */
  private acronymsInLowerCase = false;
  /** The sources of the anchors' expressions (look-terms.ts), built-in and the user's. */
  private readonly anchorSources = { acronyms: [] as string[], names: [] as string[] };
  /**
   * The terms' anchors: as whole words, for texts on their own or in batches, and as parts of
   * any word, for the texts of a part of the page joined without a space (`textContent`), the
   * names' in lower-case text. Built when first needed.
   */
  private anchorExpressions?: { whole: RegExp[]; partAcronyms?: RegExp; partNames?: RegExp };
  /** The number of the current text. */
  private text = 0;

  constructor(terms?: LookTerms) {
    if (terms) this.addTerms(terms);
  }

  /** More terms (the user's entries). */
  addTerms(terms: LookTerms): void {
    this.terms.push(terms);
    if (terms.acronymAnchors) this.anchorSources.acronyms.push(terms.acronymAnchors);
    if (terms.nameAnchors) this.anchorSources.names.push(terms.nameAnchors);
    this.anchorExpressions = undefined;
  }

  private get anchors(): NonNullable<LookIndex['anchorExpressions']> {
    if (this.anchorExpressions) return this.anchorExpressions;
    const { acronyms, names } = this.anchorSources;
    const expression = (sources: string[], flags: string, whole: boolean) => {
      const either = sources.map((s) => `(?:${s})`).join('|');
      return sources.length ? new RegExp(whole ? wholeWords(either) : either, flags) : undefined;
    };
    this.anchorExpressions = {
      whole: [expression(acronyms, 'g', true), expression(names, 'gi', true)].filter((e) => e !== undefined),
      partAcronyms: expression(acronyms, '', false),
      partNames: expression(names, 'g', false),
    };
    return this.anchorExpressions;
  }

  /**
   * Lets the engine drop the anchors' expressions (compiled to machine code, about 40 KB per
   * frame) until a text needs them again: most frames look once, then only at rare changes.
   */
  release(): void {
    this.anchorExpressions = undefined;
  }

  /** Whether `text` holds every word some term requires. */
  holdsCandidate(text: string): boolean {
    return this.findCandidate([text]) === 0;
  }

  /**
   * Whether `text`, the texts of a part of a page joined without a space (`textContent`), may
   * hold a text that holds a candidate. Where two texts meet, their words run together, so words
   * are looked for as parts of words: some term's anchor, then its other words.
   */
  mayHoldCandidateWithin(text: string): boolean {
    const plain = withoutAccents(text);
    const { partAcronyms: acronyms, partNames: names } = this.anchors;
    if (acronyms?.test(plain)) return true;
    if (!names) return false;
    // Names are looked for in the lower-case text, which their words are checked in too.
    const lower = plain.toLowerCase();
    const found = new Set<string>();
    for (const hit of starts(names, lower)) found.add(foldSpelling(hit[0]));
    forgetLastSubject();
    if (!found.size) return false;
    // Beyond a few anchors, some term's other words are nearly always there too, and each word
    // looked for costs a search of the whole text.
    if (found.size > MAX_ANCHORS_CHECKED) return true;
    const foundWords = [...found];
    const holds = (word: string) => spellingsOf(word).some((w) => lower.includes(w));
    for (const { names: lines } of this.terms)
      for (const line of lines.split('\n')) {
        const [anchor = '', terms = ''] = line.split(':');
        // An anchor found may hold others ("national" in "international").
        if (foundWords.some((f) => f.includes(anchor)) && terms.split('|').some((t) => t.split(' ').every(holds)))
          return true;
      }
    return false;
  }

  /**
   * The index of the first of `texts` that holds every word some term requires and that
   * `accept` takes, or -1.
   */
  findCandidate(texts: readonly string[], accept: (index: number) => boolean = () => true): number {
    let plainTexts = texts;
    let joined = texts.join('\n');
    if (ACCENTED.test(joined)) {
      plainTexts = texts.map(withoutAccents);
      joined = plainTexts.join('\n');
    }
    const anchorStarts: number[] = [];
    for (const anchors of this.anchors.whole) for (const hit of starts(anchors, joined)) anchorStarts.push(hit.index);
    if (!anchorStarts.length) return -1;
    this.tabulate();
    // Where each anchor lies: the text whose span holds its start.
    let index = 0;
    let end = (plainTexts[0] as string).length;
    let looked = -1;
    for (const start of anchorStarts.sort((a, b) => a - b)) {
      while (start > end && index < plainTexts.length - 1) end += 1 + (plainTexts[++index] as string).length;
      if (index === looked) continue;
      looked = index;
      if (this.holdsWords(plainTexts[index] as string) && accept(index)) return index;
    }
    return -1;
  }

  /** Whether `plain`, a text without accents, holds every word some term requires. */
  private holdsWords(plain: string): boolean {
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

  /** Puts the words of the terms added since the last time in the tables. */
  private tabulate(): void {
    const add = (map: Map<string, RequiredWord>, term: string) => {
      const words = new Set(term.split(' '));
      const index = this.required.push(words.size) - 1;
      this.held.push(0);
      this.heldIn.push(0);
      for (const w of words) {
        const known = map.get(w);
        if (known) known.terms.push(index);
        else map.set(w, { terms: [index], metIn: 0 });
      }
    };
    for (const { acronyms, names } of this.terms.slice(this.tabulated)) {
      for (const acronym of acronyms ? acronyms.split('\n') : []) {
        if (acronym.split(' ').some((w) => !mayBeAcronym(w))) this.acronymsInLowerCase = true;
        add(this.acronyms, acronym);
      }
      for (const line of names ? names.split('\n') : [])
        for (const name of line.slice(line.indexOf(':') + 1).split('|')) add(this.names, name);
    }
    this.tabulated = this.terms.length;
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
