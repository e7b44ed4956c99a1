/**
 * The matcher's preparation: everything that depends only on the glossary, turned into plain data
 * (the sources of regular expressions and the terms by key). wxt.config.ts runs it on the built-in
 * glossary at build time (`virtual:prepared-matcher`); the content script runs it on the user's own
 * entries. matcher.ts loads the result and finds mentions with it. Pure: no DOM, no browser APIs.
 *
 * Every listed term and its generated forms (variants.ts) become patterns: names tolerant ones
 * (case, white space, apostrophes, hyphens, accents, quotes, optional commas and parentheses,
 * number signs, "and"/"or", a title's final year, "de" before a year, British and American
 * spelling, as text-fold.ts folds them), acronyms exact ones. Every context word goes into one
 * more expression, with which a page's evidence is counted (page-evidence.ts).
 */
import type { Category } from './categories';
import type { LookTerms } from './look-index';
import { lookTerms, requiredWords } from './look-terms';
import type { Glossary } from './schema';
import {
  APOSTROPHES,
  CONJUNCTIONS,
  escapeRegExp,
  HYPHENS,
  NUMBER_SIGN,
  normalizeKey,
  OPTIONAL_PUNCTUATION,
  QUOTES,
  SPELLINGS,
  type SpellingPart,
  stripAccents,
  type TermKind,
  termKey,
} from './text-fold';
import { trieSource } from './trie-source';
import { glossaryForms, type TermForm } from './variants';

export interface MatcherOptions {
  /** Only these categories are matched (all when omitted). */
  categories?: readonly Category[];
  /** Entries never matched (the user's hidden entries). */
  hiddenIds?: ReadonlySet<string>;
}

// A letter, mark, digit or underscore: what may not touch either end of a mention. `\b` is
// ASCII-only in JavaScript, so it would split French words at their accents.
export const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;
const SPACE = String.raw`\s+`;
const HYPHEN_OR_SPACE = String.raw`(?:[${HYPHENS}]\s*|\s+)`;

/** A character class matching `ch` in either case, with or without its accent. */
const letterClasses = new Map<string, string>();
function letterClass(ch: string): string {
  const cached = letterClasses.get(ch);
  if (cached) return cached;
  const forms = new Set([
    ch.toLowerCase(),
    ch.toUpperCase(),
    stripAccents(ch).toLowerCase(),
    stripAccents(ch).toUpperCase(),
  ]);
  const list = [...forms].filter((f) => f.length === 1);
  const cls = list.length > 1 ? `[${list.map(escapeRegExp).join('')}]` : escapeRegExp(ch);
  letterClasses.set(ch, cls);
  return cls;
}
const letters = (s: string) => [...s].map(letterClass);

/** A spelling part as pattern units: its letters, or its variants in either case. */
function spellingUnits(part: SpellingPart): string[] {
  if (typeof part === 'string') return letters(part);
  const variants = part.filter(Boolean);
  const optional = variants.length < part.length ? '?' : '';
  if (variants.every((v) => v === '-')) return [`[${HYPHENS}]${optional}`];
  if (variants.every((v) => v.length === 1)) {
    return [`[${[...new Set(variants.flatMap((v) => [v, v.toUpperCase()]))].join('')}]${optional}`];
  }
  return [`(?:${variants.map((v) => letters(v).join('')).join('|')})${optional}`];
}

/**
 * A name as pattern units (one per character, roughly): tolerant of case, spaces, apostrophes,
 * hyphens, quotes, commas, parentheses, number signs, "and"/"or" and spelling, as `normalizeKey`
 * folds them. Units are what the combined expression shares between names.
 */
function nameUnits(name: string): string[] {
  const units: string[] = [];
  let i = 0;
  const lower = name.toLowerCase();
  const atWordStart = () => i === 0 || !/[\p{L}\p{M}\p{N}]/u.test(name[i - 1] as string);
  while (i < name.length) {
    const ch = name[i] as string;
    const rest = lower.slice(i);
    const spelling = atWordStart() ? SPELLINGS.find(({ re }) => re.test(rest)) : undefined;
    const numberSign = atWordStart() ? NUMBER_SIGN_IN_NAME.exec(rest) : null;
    const conjunction = atWordStart() ? /^(?:and|or|et|ou)(?=\s)/.exec(rest)?.[0] : undefined;
    // "de" before a year, and a year that ends the name after a comma, are optional (`termKey`).
    const beforeYear = atWordStart() ? /^de\s+(?=\d{4}(?!\d))/.exec(rest)?.[0] : undefined;
    const finalYear = /^,?\s+\d{4}$/.exec(rest)?.[0];
    if (finalYear) {
      units.push(`(?:,?\\s+${finalYear.trim().replace(/^,\s*/, '')})?`);
      i = name.length;
    } else if (beforeYear) {
      units.push(`(?:${letters('de').join('')}\\s+)?`);
      i += beforeYear.length;
    } else if (spelling) {
      units.push(...spelling.parts.flatMap(spellingUnits));
      i += (spelling.re.exec(rest) as RegExpExecArray)[0].length;
    } else if (numberSign) {
      units.push(`(?:${NUMBER_SIGN})?`);
      i += numberSign[0].length;
    } else if (conjunction) {
      const folded = CONJUNCTIONS[conjunction] as string;
      const either = Object.keys(CONJUNCTIONS).filter((c) => CONJUNCTIONS[c] === folded);
      units.push(`(?:${either.map((c) => letters(c).join('')).join('|')})`);
      i += conjunction.length;
    } else if (/\s/.test(ch) || HYPHENS.includes(ch)) {
      while (i < name.length && (/\s/.test(name[i] as string) || HYPHENS.includes(name[i] as string))) i++;
      // A serial comma before a conjunction: "Prevent, Suppress, and Punish".
      if (/^(?:and|or|et|ou)\s/.test(lower.slice(i)) && units.at(-1) !== ',?') units.push(',?');
      units.push(HYPHEN_OR_SPACE);
    } else if (APOSTROPHES.includes(ch)) {
      units.push(`[${APOSTROPHES}]`);
      i++;
    } else if (QUOTES.includes(ch)) {
      // An opening quote may be followed by a space, a closing one preceded by one (« like this »).
      units.push(atWordStart() && /\S/.test(name[i + 1] ?? '') ? `(?:[${QUOTES}]\\s*)?` : `(?:\\s*[${QUOTES}])?`);
      i++;
    } else if (OPTIONAL_PUNCTUATION.includes(ch)) {
      units.push(`${escapeRegExp(ch)}?`);
      i++;
    } else {
      units.push(/\p{L}/u.test(ch) ? letterClass(ch) : escapeRegExp(ch));
      i++;
    }
  }
  return units;
}

/** A number sign written in a name, and the spaces after it, before its number. */
const NUMBER_SIGN_IN_NAME = /^(?:n[oº°]\.?|№)\s*(?=\d)/;

/** An acronym as pattern units: exact, case and all. */
function acronymUnits(acronym: string): string[] {
  return acronym
    .trim()
    .split(/\s+/)
    .flatMap((word, i) => [...(i ? [SPACE] : []), ...[...word].map(escapeRegExp)]);
}

/** A class of every character a term can start with (past optional leading units, such as quotes). */
function firstCharClass(terms: readonly string[][]): string {
  const chars = new Set<string>();
  for (const units of terms) {
    for (const unit of units) {
      const optional = unit.endsWith('?');
      const core = optional ? unit.slice(0, -1) : unit;
      // A class, a group that starts with one (an opening quote), or one character.
      const cls = /^(?:\(\?:)?\[((?:\\.|[^\]])+)\]/.exec(core)?.[1];
      chars.add(cls ?? core);
      if (!optional) break;
    }
  }
  return `[${[...chars].join('')}]`;
}

/** What a collision-prone term needs to count, as plain data (page-evidence.ts applies it). */
export interface PreparedEvidence {
  /** The expression of its context words: one of them in the paragraph is enough. */
  context: string;
  /** Its context words' keys (`contextWordKey`): on the page, they count together. */
  words: string[];
  /** Entries whose mention anywhere on the page (by a term that needs no evidence) is enough. */
  expandedBy: string[];
}

/** A term as prepared: its evidence test still the source of an expression. */
export interface PreparedTerm {
  id: string;
  category: Category;
  kind: TermKind;
  /** What it needs to count, or null when it always counts. */
  evidence: PreparedEvidence | null;
  /** Its entry's issuer (an entry id), whose mention right before or after it becomes part of it. */
  issuer?: string;
  /** Counts only with a capital first letter (variants.ts): checked after matching, so names share their patterns. */
  proper?: true;
}

/** A context word in capitals ("UN", "U.N.", "OIM") is matched as an acronym is: case and all. */
const isAcronymLike = (word: string) => /^(?:\p{Lu}\.?){2,}$/u.test(word);
/** The key under which a text matched by a context word is counted on a page (`acronyms`: the words in capitals). */
export const contextWordKey = (text: string, acronyms: ReadonlySet<string>) =>
  acronyms.has(text) ? `a:${text}` : `n:${normalizeKey(text)}`;
const contextWordUnits = (word: string) => (isAcronymLike(word) ? acronymUnits(word) : nameUnits(word));

/** The terms that share a first word, compiled together when that word first occurs in a text. */
export interface PreparedGroup {
  kind: TermKind;
  /** The group's expression: all its terms, longest first (matched at one position, sticky). */
  source: string;
  /** Its terms by their key (`termKey`). */
  terms: [key: string, term: PreparedTerm][];
}

const WORD_SEPARATORS = new RegExp(`[\\s${HYPHENS}]+`);
/** An opening quote, and the space after it (« like this »): not part of the first word. */
const LEADING_QUOTE = new RegExp(`^[${QUOTES}]\\s*`);
/** The first word of a term, or of a candidate found in a text: what picks its group. */
export const firstWord = (text: string) => text.trim().replace(LEADING_QUOTE, '').split(WORD_SEPARATORS)[0] as string;
/** The units of the first two words: enough to tell most terms from text ("United Nations", not "United States"). */
function firstTwoWords(units: string[]): string[] {
  let spaces = 0;
  const end = units.findIndex((u) => (u === HYPHEN_OR_SPACE || u === SPACE) && ++spaces === 2);
  return end < 0 ? units : units.slice(0, end);
}
/** The key of a group: its terms' kind and their first word, folded as that kind of term is (`termKey`). */
export const groupKey = (kind: TermKind, foldedWord: string) => `${kind === 'name' ? 'n' : 'a'}:${foldedWord}`;

/**
 * Everything in compiling that depends only on the glossary, as plain data (no RegExp objects
 * yet): the content script gets the built-in glossary's computed at build time (wxt.config.ts,
 * `virtual:prepared-matcher`), so that a page load does not pay for it.
 */
export interface PreparedMatcher {
  /** The combined expression of the terms' first two words. */
  source: string;
  /** The groups of terms, by group key (kind and first word). */
  groups: [key: string, group: PreparedGroup][];
  /** Every context word: the combined expression a page's evidence is counted with, and those in capitals. */
  contextWords: { source: string; acronyms: string[] };
}

/** The terms a matcher is made of: the shown entries' listed forms, then their generated ones. */
function* matchedForms(glossary: Glossary, options: MatcherOptions): Generator<[Glossary[number], TermForm]> {
  const categories = options.categories ? new Set(options.categories) : null;
  const entries = glossary.filter(
    (entry) => (!categories || categories.has(entry.category)) && !options.hiddenIds?.has(entry.id),
  );
  // Generated from the whole glossary (an issuer may be hidden), then matched for the entries shown.
  const forms = glossaryForms(glossary);
  for (const entry of entries) for (const form of forms.get(entry.id)?.listed ?? []) yield [entry, form];
  for (const entry of entries) for (const form of forms.get(entry.id)?.generated ?? []) yield [entry, form];
}

/**
 * The words each term of the matcher requires, for the content script's first look at a frame
 * (look-words.ts): at build time for the glossary, in the background for the user's entries.
 */
export function prepareLookTerms(glossary: Glossary, options: MatcherOptions = {}): LookTerms {
  const lines = new Set<string>();
  for (const [, { kind, text }] of matchedForms(glossary, options)) lines.add(requiredWords(kind, text));
  return lookTerms(lines);
}

export function prepareMatcher(glossary: Glossary, options: MatcherOptions = {}): PreparedMatcher {
  const groups = new Map<string, { kind: TermKind; units: Map<string, string[]>; terms: Map<string, PreparedTerm> }>();
  const starts = new Map<string, string[]>();
  const contextWords = new Map<string, string[]>();
  const evidenceOf = (form: TermForm): PreparedEvidence | null => {
    if (!form.context) return null;
    for (const word of form.context) contextWords.set(word, contextWordUnits(word));
    return {
      context: form.context.map((w) => contextWordUnits(w).join('')).join('|') || '(?!)',
      words: [...new Set(form.context.map((w) => (isAcronymLike(w) ? `a:${w}` : `n:${normalizeKey(w)}`)))],
      expandedBy: [...(form.expandedBy ?? [])],
    };
  };
  const add = (entry: Glossary[number], form: TermForm) => {
    const { kind, text } = form;
    const key = groupKey(kind, termKey(kind, firstWord(text)));
    let group = groups.get(key);
    if (!group) {
      group = { kind, units: new Map(), terms: new Map() };
      groups.set(key, group);
    }
    const termKeyText = termKey(kind, text);
    if (group.terms.has(termKeyText)) return; // listed in both languages, or generated twice
    const termUnits = kind === 'name' ? nameUnits(text) : acronymUnits(text);
    group.units.set(termKeyText, termUnits);
    const start = firstTwoWords(termUnits);
    starts.set(start.join(''), start);
    group.terms.set(termKeyText, {
      id: entry.id,
      category: entry.category,
      kind,
      evidence: evidenceOf(form),
      ...(entry.issuer && { issuer: entry.issuer }),
      ...(form.proper && { proper: true as const }),
    });
  };
  for (const [entry, form] of matchedForms(glossary, options)) add(entry, form);
  const words = [...starts.values()];
  // The look-ahead for a possible first character lets the engine skip most positions at once.
  const source = words.length ? `(?=${firstCharClass(words)})(?<!${WORD_CHAR})${trieSource(words)}` : '(?!)';
  const contextUnits = [...contextWords.values()];
  return {
    source,
    groups: [...groups].flatMap(([key, g]) =>
      chunks(g.units).map((chunk): [string, PreparedGroup] => [
        key,
        {
          kind: g.kind,
          source: trieSource(chunk.map(([, units]) => units)),
          terms: chunk.map(([termKeyText]) => [termKeyText, g.terms.get(termKeyText) as PreparedTerm]),
        },
      ]),
    ),
    contextWords: {
      source: contextUnits.length ? `(?=${firstCharClass(contextUnits)})${trieSource(contextUnits)}` : '(?!)',
      acronyms: [...contextWords.keys()].filter(isAcronymLike),
    },
  };
}

/**
 * A group's terms cut into pieces of about `GROUP_CHARS` characters of expression, neighbours in
 * the trie kept together: an expression compiles in a time that grows faster than its length
 * (a 16 KB one, the French "Protocole…" titles, took 27 ms; four of 4 KB take a few), and the
 * matcher tries every piece of a group (the longest mention wins across them).
 */
const GROUP_CHARS = 4000;
function chunks(units: ReadonlyMap<string, string[]>): [key: string, units: string[]][][] {
  const sorted = [...units].sort(([, a], [, b]) => (a.join('') < b.join('') ? -1 : 1));
  const out: [string, string[]][][] = [];
  let size = Number.POSITIVE_INFINITY;
  let previous: string[] = [];
  for (const entry of sorted) {
    const [, termUnits] = entry;
    let shared = 0;
    while (shared < termUnits.length && termUnits[shared] === previous[shared]) shared++;
    const added = termUnits.slice(shared).join('').length;
    if (size + added > GROUP_CHARS) {
      out.push([]);
      size = 0;
    }
    out.at(-1)?.push(entry);
    size += added;
    previous = termUnits;
  }
  return out;
}

/** Two prepared matchers as one (the built-in glossary and the user's own entries). */
export function mergePrepared(a: PreparedMatcher, b: PreparedMatcher): PreparedMatcher {
  if (b.groups.length === 0) return a;
  if (a.groups.length === 0) return b;
  return {
    source: `(?:${a.source})|(?:${b.source})`,
    groups: [...a.groups, ...b.groups],
    contextWords: {
      source: `(?:${a.contextWords.source})|(?:${b.contextWords.source})`,
      acronyms: [...a.contextWords.acronyms, ...b.contextWords.acronyms],
    },
  };
}
