/**
 * The matcher: compiled once from the glossary into one combined regular expression, then used
 * to find mentions in plain text. Pure: no DOM, no browser APIs.
 *
 * Names are matched tolerantly (case, white space, apostrophes, hyphens, accents, British and
 * American spelling); acronyms exactly, never inside a run of capitals. A term with context words
 * only counts when one of them occurs in the surrounding text (the paragraph, for the highlighter).
 */
import type { Category, Glossary } from './schema';

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
  text: string;
  kind: 'name' | 'acronym';
  /** Case-insensitive pattern that must occur in the context, or null when the term needs none. */
  context: RegExp | null;
}

export interface Matcher {
  /** The combined expression (flags `gu`): every term, longest first, with Unicode word boundaries. */
  readonly regex: RegExp;
  /** The term a string matched by `regex` stands for. */
  resolve(matched: string): Term | undefined;
  /** Whether a matched term counts, given the text around it. */
  accepts(term: Term, context: Context): boolean;
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
const APOSTROPHES = "'’ʼ‘`";
const HYPHENS = '-‐‑‒–';
const QUOTES = '"“”„«»';
const HYPHEN_OR_SPACE = String.raw`(?:[${HYPHENS}]\s*|\s+)`;

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A character class matching `ch` in either case, with or without its accent. */
function letterClass(ch: string): string {
  const forms = new Set([
    ch.toLowerCase(),
    ch.toUpperCase(),
    stripAccents(ch).toLowerCase(),
    stripAccents(ch).toUpperCase(),
  ]);
  const list = [...forms].filter((f) => f.length === 1);
  return list.length > 1 ? `[${list.map(escapeRegExp).join('')}]` : escapeRegExp(ch);
}
const letters = (s: string) => [...s].map(letterClass);

/**
 * British/American spelling pairs, as [lower-case pattern in a name, its pattern units, key form].
 * The key form is what `normalizeKey` turns either spelling into, so that matched text resolves.
 */
const SPELLINGS: readonly [RegExp, string[], string][] = [
  [/^organi[sz]/, [...letters('organi'), '[sSzZ]'], 'organis'],
  [/^labou?r/, [...letters('labo'), '[uU]?', ...letters('r')], 'labour'],
  [/^co-?operation/, [...letters('co'), `[${HYPHENS}]?`, ...letters('operation')], 'cooperation'],
  [/^programme|^program/, [...letters('program'), '(?:[mM][eE])?'], 'programme'],
];

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
    const spelling = SPELLINGS.find(([re]) => re.test(rest));
    if (spelling && (i === 0 || !/[\p{L}\p{M}]/u.test(name[i - 1] as string))) {
      const [re, pattern] = spelling;
      units.push(...pattern);
      i += (re.exec(rest) as RegExpExecArray)[0].length;
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
      if (!child) node.children.set(unit, (child = { children: new Map(), terminal: false, depth: 0 }));
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

/** The form a name and every text it matches share: folded case, accents, spaces and spelling. */
export function normalizeKey(text: string): string {
  let key = stripAccents(text)
    .toLowerCase()
    .replace(new RegExp(`[${APOSTROPHES}]`, 'g'), "'")
    .replace(new RegExp(`[${QUOTES}]`, 'g'), '')
    .replace(new RegExp(`[${HYPHENS}]`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  key = key.replace(/(^|[^\p{L}])(\p{L}+)/gu, (_m, before: string, word: string) => {
    for (const [re, , form] of SPELLINGS) {
      const hit = re.exec(word.replace(/ /g, ''));
      if (hit) return before + form + word.slice(hit[0].length);
    }
    return before + word;
  });
  return key.replace(/co operation/g, 'cooperation');
}

const acronymKey = (text: string) => text.replace(/\s+/g, ' ').trim();

function contextPattern(words: readonly string[]): RegExp {
  const alternatives = words.map((w) => nameUnits(w).join('')).join('|');
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives})(?!${WORD_CHAR})`, 'u');
}

export class AmbiguousTermError extends Error {}

export function compileMatcher(glossary: Glossary, options: MatcherOptions = {}): Matcher {
  const categories = options.categories ? new Set(options.categories) : null;
  const names = new Map<string, Term>();
  const acronyms = new Map<string, Term>();
  const patterns: string[][] = [];

  for (const entry of glossary) {
    if (categories && !categories.has(entry.category)) continue;
    if (options.hiddenIds?.has(entry.id)) continue;
    const add = (text: string, kind: Term['kind'], context: readonly string[] | undefined) => {
      const map = kind === 'name' ? names : acronyms;
      const key = kind === 'name' ? normalizeKey(text) : acronymKey(text);
      const existing = map.get(key);
      if (existing) {
        if (existing.id === entry.id) return; // the same name listed in both languages
        throw new AmbiguousTermError(`"${text}" names both "${existing.id}" and "${entry.id}"`);
      }
      const term: Term = {
        id: entry.id,
        category: entry.category,
        text,
        kind,
        context: context ? contextPattern(context) : null,
      };
      map.set(key, term);
      patterns.push(kind === 'name' ? nameUnits(text) : acronymUnits(text));
    };
    for (const lang of ['en', 'fr'] as const) {
      for (const name of entry.names[lang]) add(name.text, 'name', name.context);
      for (const acronym of entry.acronyms[lang]) add(acronym.text, 'acronym', acronym.context);
    }
  }

  // The look-ahead for a possible first character lets the engine skip most positions at once.
  const source = patterns.length
    ? `(?=${firstCharClass(patterns)})(?<!${WORD_CHAR})${trieSource(patterns)}(?!${WORD_CHAR})`
    : '(?!)';
  const regex = new RegExp(source, 'gu');

  const resolve = (matched: string): Term | undefined =>
    acronyms.get(acronymKey(matched)) ?? names.get(normalizeKey(matched));
  const accepts = (term: Term, context: Context) =>
    term.context === null || term.context.test(typeof context === 'string' ? context : context());

  const sticky = new RegExp(source, 'uy');
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{M}\p{N}_]/u.test(ch);

  /**
   * The longest accepted mention starting at `start` and ending at or before `limit`, other than
   * `skip` (the outer mention, when looking inside it). Each retry cuts the last word off.
   */
  function longestAt(text: string, context: Context, start: number, limit: number, skip?: Mention) {
    while (limit > start) {
      sticky.lastIndex = start;
      const m = sticky.exec(limit < text.length ? text.slice(0, limit) : text);
      if (!m) return undefined;
      const end = start + m[0].length;
      const term = resolve(m[0]);
      // Inside a longer name, an acronym is part of its spelling ("UN" in "UN.GIFT"), not a mention.
      const isSkipped = skip !== undefined && ((start === skip.start && end === skip.end) || term?.kind === 'acronym');
      const isCapsHeading = term?.kind === 'acronym' && inCapsRun(text, start, end);
      if (term && !isSkipped && !isCapsHeading && accepts(term, context)) return { term, end };
      // Cut back to the end of the word before this match's last word.
      limit = end - 1;
      while (limit > start && !(isWordChar(text[limit - 1]) && !isWordChar(text[limit]))) limit--;
    }
    return undefined;
  }

  /** Mentions in text[from, to), each with the mentions nested inside it. */
  // One expression per nesting depth, since a scan inside a mention runs while the outer one is paused.
  const scanRegexes: RegExp[] = [];

  function scan(text: string, context: Context, from: number, to: number, outer?: Mention, depth = 0): Mention[] {
    const found: Mention[] = [];
    const re = (scanRegexes[depth] ??= new RegExp(source, 'gu'));
    const limited = to < text.length ? text.slice(0, to) : text;
    re.lastIndex = from;
    for (let m = re.exec(limited); m; m = re.exec(limited)) {
      const hit = longestAt(text, context, m.index, m.index + m[0].length, outer);
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
      mention.inner = scan(text, context, mention.start, mention.end, mention, depth + 1).filter(
        (i) => i.id !== mention.id,
      );
      found.push(mention);
      re.lastIndex = hit.end;
    }
    return found;
  }

  return {
    regex,
    resolve,
    accepts,
    find: (text, context = text) => {
      if (typeof context === 'string') return scan(text, context, 0, text.length);
      let cached: string | undefined;
      return scan(text, () => (cached ??= context()), 0, text.length);
    },
  };
}
