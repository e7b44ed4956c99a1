/**
 * The matcher's preparation: everything that depends only on the glossary, turned into plain data
 * (the sources of regular expressions and the terms by key). wxt.config.ts runs it on the built-in
 * glossary at build time (`virtual:prepared-matcher`); the content script runs it on the user's own
 * entries. matcher.ts loads the result and finds mentions with it. Pure: no DOM, no browser APIs.
 *
 * Names become tolerant patterns (case, white space, apostrophes, hyphens, accents, British and
 * American spelling, from text-fold.ts); acronyms exact ones.
 */
import type { Category } from './categories';
import type { Glossary } from './schema';
import {
  APOSTROPHES,
  HYPHENS,
  QUOTES,
  SPELLINGS,
  type SpellingPart,
  stripAccents,
  type TermKind,
  termKey,
} from './text-fold';

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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

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
 * hyphens, quotes and spelling. Units are what the combined expression shares between names.
 */
function nameUnits(name: string): string[] {
  const units: string[] = [];
  let i = 0;
  const lower = name.toLowerCase();
  while (i < name.length) {
    const ch = name[i] as string;
    const rest = lower.slice(i);
    const spelling = SPELLINGS.find(({ re }) => re.test(rest));
    if (spelling && (i === 0 || !/[\p{L}\p{M}]/u.test(name[i - 1] as string))) {
      units.push(...spelling.parts.flatMap(spellingUnits));
      i += (spelling.re.exec(rest) as RegExpExecArray)[0].length;
    } else if (/\s/.test(ch) || HYPHENS.includes(ch)) {
      while (i < name.length && (/\s/.test(name[i] as string) || HYPHENS.includes(name[i] as string))) i++;
      units.push(HYPHEN_OR_SPACE);
    } else if (APOSTROPHES.includes(ch)) {
      units.push(`[${APOSTROPHES}]`);
      i++;
    } else if (QUOTES.includes(ch)) {
      units.push(`[${QUOTES}]?`);
      i++;
    } else {
      units.push(/\p{L}/u.test(ch) ? letterClass(ch) : escapeRegExp(ch));
      i++;
    }
  }
  return units;
}

/** An acronym as pattern units: exact, case and all. */
function acronymUnits(acronym: string): string[] {
  return acronym
    .trim()
    .split(/\s+/)
    .flatMap((word, i) => [...(i ? [SPACE] : []), ...[...word].map(escapeRegExp)]);
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
  /** The most units below this node: longer branches are tried first. */
  depth: number;
}

/**
 * One expression for all terms, shaped as a trie so that each position of the text is tested
 * against a few first units rather than against every term. Optional endings are greedy, so the
 * longest term wins and shorter ones are found by backtracking.
 */
function trieSource(terms: readonly string[][]): string {
  const root: TrieNode = { children: new Map(), terminal: false, depth: 0 };
  for (const units of terms) {
    let node = root;
    for (const [i, unit] of units.entries()) {
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map(), terminal: false, depth: 0 };
        node.children.set(unit, child);
      }
      node.depth = Math.max(node.depth, units.length - i);
      node = child;
    }
    node.terminal = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.children]
      .sort((a, b) => b[1].depth - a[1].depth)
      .map(([unit, child]) => unit + emit(child));
    if (branches.length === 0) return '';
    if (branches.length === 1 && !node.terminal) return branches[0] as string;
    return `(?:${branches.join('|')})${node.terminal ? '?' : ''}`;
  };
  return emit(root);
}

/** A class of every character a term can start with (past optional leading units, such as quotes). */
function firstCharClass(terms: readonly string[][]): string {
  const chars = new Set<string>();
  for (const units of terms) {
    for (const unit of units) {
      const optional = unit.endsWith('?');
      const core = optional ? unit.slice(0, -1) : unit;
      chars.add(core.startsWith('[') ? core.slice(1, -1) : core);
      if (!optional) break;
    }
  }
  return `[${[...chars].join('')}]`;
}

/** A term as prepared: its context test still the source of an expression. */
export interface PreparedTerm {
  id: string;
  category: Category;
  kind: TermKind;
  /** The expression of its context words (tolerant as names are), or null when it needs none. */
  context: string | null;
}

/** The terms that share a first word, compiled together when that word first occurs in a text. */
export interface PreparedGroup {
  kind: TermKind;
  /** The group's expression: all its terms, longest first (matched at one position, sticky). */
  source: string;
  /** Its terms by their key (`termKey`). */
  terms: [key: string, term: PreparedTerm][];
}

const WORD_SEPARATORS = new RegExp(`[\\s${HYPHENS}]+`);
/** The first word of a term, or of a candidate found in a text: what picks its group. */
export const firstWord = (text: string) => text.trim().split(WORD_SEPARATORS)[0] as string;
/** The units of the first two words: enough to tell most terms from text ("United Nations", not "United States"). */
function firstTwoWords(units: string[]): string[] {
  const second = units.findIndex(
    (u, i) =>
      (u === HYPHEN_OR_SPACE || u === SPACE) && units.slice(0, i).some((v) => v === HYPHEN_OR_SPACE || v === SPACE),
  );
  return second < 0 ? units : units.slice(0, second);
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
}

export function prepareMatcher(glossary: Glossary, options: MatcherOptions = {}): PreparedMatcher {
  const categories = options.categories ? new Set(options.categories) : null;
  const groups = new Map<string, { kind: TermKind; units: string[][]; terms: PreparedGroup['terms'] }>();
  const starts = new Map<string, string[]>();
  for (const entry of glossary) {
    if (categories && !categories.has(entry.category)) continue;
    if (options.hiddenIds?.has(entry.id)) continue;
    const add = (text: string, kind: TermKind, context: readonly string[] | undefined) => {
      const units = kind === 'name' ? nameUnits : acronymUnits;
      const key = groupKey(kind, termKey(kind, firstWord(text)));
      let group = groups.get(key);
      if (!group) {
        group = { kind, units: [], terms: [] };
        groups.set(key, group);
      }
      const termKeyText = termKey(kind, text);
      if (group.terms.some(([k]) => k === termKeyText)) return; // the same text listed in both languages
      const termUnits = units(text);
      group.units.push(termUnits);
      const start = firstTwoWords(termUnits);
      starts.set(start.join(''), start);
      const contextSource = context ? context.map((w) => nameUnits(w).join('')).join('|') : null;
      group.terms.push([termKeyText, { id: entry.id, category: entry.category, kind, context: contextSource }]);
    };
    for (const lang of ['en', 'fr'] as const) {
      for (const name of entry.names[lang]) add(name.text, 'name', name.context);
      for (const acronym of entry.acronyms[lang]) add(acronym.text, 'acronym', acronym.context);
    }
  }
  const words = [...starts.values()];
  // The look-ahead for a possible first character lets the engine skip most positions at once.
  const source = words.length ? `(?=${firstCharClass(words)})(?<!${WORD_CHAR})${trieSource(words)}` : '(?!)';
  return {
    source,
    groups: [...groups].map(([key, g]) => [key, { kind: g.kind, source: trieSource(g.units), terms: g.terms }]),
  };
}

/** Two prepared matchers as one (the built-in glossary and the user's own entries). */
export function mergePrepared(a: PreparedMatcher, b: PreparedMatcher): PreparedMatcher {
  if (b.groups.length === 0) return a;
  if (a.groups.length === 0) return b;
  return { source: `(?:${a.source})|(?:${b.source})`, groups: [...a.groups, ...b.groups] };
}
