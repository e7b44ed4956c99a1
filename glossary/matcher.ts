/**
 * The matcher: compiled once from the glossary into one combined regular expression, then used
 * to find mentions in plain text. Pure: no DOM, no browser APIs.
 *
 * Names are matched tolerantly (case, white space, apostrophes, hyphens, accents, British and
 * American spelling); acronyms exactly, never inside a run of capitals. A term with context words
 * only counts when one of them occurs in the surrounding text (the paragraph, for the highlighter).
 */
import type { Category } from './categories';
import type { Glossary } from './schema';
import {
  APOSTROPHES,
  HYPHENS,
  normalizeKey,
  QUOTES,
  SPELLINGS,
  type SpellingPart,
  stripAccents,
  type TermKind,
  termKey,
} from './text-fold';

export interface Mention {
  id: string;
  category: Category;
  start: number;
  end: number;
  /** Shorter mentions inside this one ("sale of children" inside the Optional Protocol's title). */
  inner: Mention[];
}

export interface Term {
  id: string;
  category: Category;
  kind: TermKind;
  /** Whether the text around a mention holds one of the term's context words; null when it needs none. */
  context: ((text: string) => boolean) | null;
}

export interface Matcher {
  /**
   * The combined expression (flags `gu`) of the terms' first two words, after a Unicode word boundary:
   * text it does not match holds no mention.
   */
  readonly regex: RegExp;
  /**
   * Mentions in `text`, in order, each with the shorter mentions nested inside it. `context` is
   * the text around it (default: `text` itself), or a function that gives it when first needed.
   */
  find(text: string, context?: Context): Mention[];
}

/** Text around a mention, or a function computing it lazily (it is needed only by a few terms). */
export type Context = string | (() => string);

export interface MatcherOptions {
  /** Only these categories are matched (all when omitted). */
  categories?: readonly Category[];
  /** Entries never matched (the user's hidden entries). */
  hiddenIds?: ReadonlySet<string>;
}

// A letter, mark, digit or underscore: what may not touch either end of a mention. `\b` is
// ASCII-only in JavaScript, so it would split French words at their accents.
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;
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
export function nameUnits(name: string): string[] {
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
export function acronymUnits(acronym: string): string[] {
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

/** Whether the word before or after text[start, end) is in capitals too (an all-caps heading). */
function inCapsRun(text: string, start: number, end: number): boolean {
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 40))?.[1];
  const isCaps = (word: string | undefined) =>
    word !== undefined && word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
  return isCaps(before) || isCaps(after);
}

// Compiled once: a Unicode property class costs about a millisecond to compile in every expression
// that holds it, so the per-group expressions check their word boundaries in code instead.
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}_]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR_RE.test(ch);

/** A test for an expression (context words, tolerant as names are) matched as whole words. */
function contextTest(source: string): (text: string) => boolean {
  const re = new RegExp(source, 'g');
  return (text) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!isWordChar(text[m.index - 1]) && !isWordChar(text[m.index + m[0].length])) return true;
      re.lastIndex = m.index + 1;
    }
    return false;
  };
}

/** The terms that share a first word, compiled together when that word first occurs in a text. */
interface Group {
  kind: Term['kind'];
  /** The group's expression: all its terms, longest first (matched at one position, sticky). */
  source: string;
  /** Its terms by their key, with the source of their context test. */
  terms: [key: string, term: Omit<Term, 'context'> & { context: string | null }][];
  compiled?: { sticky: RegExp; terms: Map<string, Term>; byText: Map<string, Term | undefined> };
}

const WORD_SEPARATORS = new RegExp(`[\\s${HYPHENS}]+`);
const firstWord = (text: string) => text.trim().split(WORD_SEPARATORS)[0] as string;
/** The units of the first two words: enough to tell most terms from text ("United Nations", not "United States"). */
function firstTwoWords(units: string[]): string[] {
  const second = units.findIndex(
    (u, i) =>
      (u === HYPHEN_OR_SPACE || u === SPACE) && units.slice(0, i).some((v) => v === HYPHEN_OR_SPACE || v === SPACE),
  );
  return second < 0 ? units : units.slice(0, second);
}
const groupKey = (kind: Term['kind'], word: string) => `${kind === 'name' ? 'n' : 'a'}:${termKey(kind, word)}`;

/**
 * Everything in compiling that depends only on the glossary, as plain data (no RegExp objects
 * yet): the content script gets it computed at build time (wxt.config.ts), so that a page load
 * does not pay for it.
 */
export interface PreparedMatcher {
  /** The combined expression of the terms' first two words. */
  source: string;
  /** The groups of terms, by group key (kind and first word). */
  groups: [key: string, group: Omit<Group, 'compiled'>][];
}

export function prepareMatcher(glossary: Glossary, options: MatcherOptions = {}): PreparedMatcher {
  const categories = options.categories ? new Set(options.categories) : null;
  const groups = new Map<string, { kind: Term['kind']; units: string[][]; terms: Group['terms'] }>();
  const starts = new Map<string, string[]>();
  for (const entry of glossary) {
    if (categories && !categories.has(entry.category)) continue;
    if (options.hiddenIds?.has(entry.id)) continue;
    const add = (text: string, kind: Term['kind'], context: readonly string[] | undefined) => {
      const units = kind === 'name' ? nameUnits : acronymUnits;
      const key = groupKey(kind, firstWord(text));
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

export function compileMatcher(glossary: Glossary, options: MatcherOptions = {}): Matcher {
  return loadMatcher(prepareMatcher(glossary, options));
}

/**
 * The matcher from prepared data. It works in two stages: the combined expression of the terms'
 * first two words finds the candidates in one pass over the text; the terms that start with a
 * candidate's word have their own expression, compiled the first time that word occurs, which
 * decides the mention there (longest first).
 */
export function loadMatcher(prepared: PreparedMatcher): Matcher {
  const { source } = prepared;
  // A key can come twice when the built-in glossary and the user's entries are merged.
  const groups = new Map<string, Group[]>();
  for (const [key, group] of prepared.groups) groups.set(key, [...(groups.get(key) ?? []), { ...group }]);
  const regex = new RegExp(source, 'gu');

  function compileGroup(group: Group) {
    const terms = new Map<string, Term>(
      group.terms.map(([key, term]) => [key, { ...term, context: term.context ? contextTest(term.context) : null }]),
    );
    return { sticky: new RegExp(group.source, 'y'), terms, byText: new Map<string, Term | undefined>() };
  }

  /** The groups whose first word starts the candidate `word`, the longest first. Cached: words repeat. */
  const groupsByWord = new Map<string, Group[]>();
  function groupsFor(word: string): Group[] {
    let found = groupsByWord.get(word);
    if (found) return found;
    found = [];
    const nameKey = normalizeKey(word);
    for (let len = Math.max(word.length, nameKey.length); len > 0; len--) {
      if (len <= nameKey.length) found.push(...(groups.get(`n:${nameKey.slice(0, len)}`) ?? []));
      if (len <= word.length) found.push(...(groups.get(`a:${word.slice(0, len)}`) ?? []));
    }
    if (groupsByWord.size > 10_000) groupsByWord.clear();
    groupsByWord.set(word, found);
    return found;
  }

  const accepts = (term: Term, context: Context) =>
    term.context === null || term.context(typeof context === 'string' ? context : context());

  /**
   * The longest accepted mention starting at `start` with the candidate first `word`, ending at or
   * before `limit`, other than `skip` (the outer mention, when looking inside it). Each retry cuts
   * the last word off.
   */
  function longestAt(text: string, context: Context, start: number, word: string, limit: number, skip?: Mention) {
    const candidates = groupsFor(word);
    while (limit > start) {
      const limited = limit < text.length ? text.slice(0, limit) : text;
      let best: { term: Term; end: number } | undefined;
      let longest = 0;
      for (const group of candidates) {
        group.compiled ??= compileGroup(group);
        const { sticky, terms, byText } = group.compiled;
        sticky.lastIndex = start;
        const m = sticky.exec(limited);
        if (!m || m[0].length <= longest) continue;
        longest = m[0].length;
        // Resolving folds the text (accents, spelling): done once per distinct text.
        let term = byText.get(m[0]);
        if (term === undefined && !byText.has(m[0])) {
          term = terms.get(termKey(group.kind, m[0]));
          if (byText.size < 5_000) byText.set(m[0], term);
        }
        best = term ? { term, end: start + m[0].length } : undefined;
      }
      if (longest === 0) return undefined;
      const end = start + longest;
      const term = best?.term;
      // Inside a longer name, an acronym is part of its spelling ("UN" in "UN.GIFT"), not a mention.
      const isSkipped = skip !== undefined && ((start === skip.start && end === skip.end) || term?.kind === 'acronym');
      const isCapsHeading = term?.kind === 'acronym' && inCapsRun(text, start, end);
      const endsWord = !isWordChar(text[end]);
      if (term && endsWord && !isSkipped && !isCapsHeading && accepts(term, context)) return { term, end };
      // Cut back to the end of the word before this match's last word.
      limit = end - 1;
      while (limit > start && !(isWordChar(text[limit - 1]) && !isWordChar(text[limit]))) limit--;
    }
    return undefined;
  }

  // One expression per nesting depth, since a scan inside a mention runs while the outer one is paused.
  const scanRegexes: RegExp[] = [regex];

  /** Mentions in text[from, to), each with the mentions nested inside it. */
  function scan(text: string, context: Context, from: number, to: number, outer?: Mention, depth = 0): Mention[] {
    const found: Mention[] = [];
    if (!scanRegexes[depth]) scanRegexes[depth] = new RegExp(source, 'gu');
    const re = scanRegexes[depth];
    const limited = to < text.length ? text.slice(0, to) : text;
    re.lastIndex = from;
    for (let m = re.exec(limited); m; m = re.exec(limited)) {
      const hit = longestAt(text, context, m.index, firstWord(m[0]), to, outer);
      if (!hit) {
        // Rejected: a shorter mention may still start inside it, one character on.
        re.lastIndex = m.index + 1;
        continue;
      }
      const mention: Mention = {
        id: hit.term.id,
        category: hit.term.category,
        start: m.index,
        end: hit.end,
        inner: [],
      };
      mention.inner = innerMentions(text.slice(mention.start, mention.end), mention.id, mention.start, depth + 1);
      found.push(mention);
      re.lastIndex = hit.end;
    }
    return found;
  }

  /**
   * The mentions nested in a mention's text, at `offset`. They depend only on that text (their
   * context is the name itself), so they are computed once per distinct text: names repeat.
   */
  const innerCache = new Map<string, Mention[]>();
  function innerMentions(name: string, outerId: string, offset: number, depth: number): Mention[] {
    let inner = innerCache.get(name);
    if (!inner) {
      const outer: Mention = { id: outerId, category: 'bodies', start: 0, end: name.length, inner: [] };
      inner = scan(name, name, 0, name.length, outer, depth).filter((i) => i.id !== outerId);
      if (innerCache.size > 5_000) innerCache.clear();
      innerCache.set(name, inner);
    }
    if (inner.length === 0) return inner;
    const shift = (m: Mention): Mention => ({
      ...m,
      start: m.start + offset,
      end: m.end + offset,
      inner: m.inner.map(shift),
    });
    return inner.map(shift);
  }

  return {
    regex,
    find: (text, context = text) => {
      if (typeof context === 'string') return scan(text, context, 0, text.length);
      let cached: string | undefined;
      return scan(text, () => (cached ??= context()), 0, text.length);
    },
  };
}

/** A matcher compiled on first use: a page with no text to look at never pays for it. */
export function lazyMatcher(prepared: PreparedMatcher): Matcher {
  let matcher: Matcher | undefined;
  const get = () => {
    matcher ??= loadMatcher(prepared);
    return matcher;
  };
  return {
    get regex() {
      return get().regex;
    },
    find: (text, context) => get().find(text, context),
  };
}
