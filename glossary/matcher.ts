/**
 * The matcher: loaded from prepared data (prepare-matcher.ts) into one combined regular
 * expression, then used to find mentions in plain text. Pure: no DOM, no browser APIs.
 *
 * Names are matched tolerantly (case, white space, apostrophes, hyphens, accents, British and
 * American spelling); acronyms exactly, never inside a run of capitals. A term with context words
 * only counts when one of them occurs in the surrounding text (the paragraph, for the highlighter),
 * or when the page gives evidence for it (page-evidence.ts).
 */
import type { Category } from './categories';
import { addWithIssuer, withoutOtherBodies, withYearsBefore } from './issuers';
import { PageEvidence } from './page-evidence';
import {
  firstWord,
  groupKey,
  type MatcherOptions,
  type PreparedGroup,
  type PreparedMatcher,
  type PreparedTerm,
  prepareMatcher,
  WORD_CHAR,
} from './prepare-matcher';
import type { Glossary } from './schema';
import { normalizeKey, termKey } from './text-fold';

export interface Mention {
  id: string;
  category: Category;
  start: number;
  end: number;
  /** Shorter mentions inside this one ("sale of children" inside the Optional Protocol's title). */
  inner: Mention[];
  /** Set when its term is collision-prone (it counted with evidence, page-evidence.ts). */
  conditional?: true;
}

export interface Term extends Omit<PreparedTerm, 'evidence'> {
  /** What it needs to count (page-evidence.ts), or null when it always counts. */
  evidence: {
    /** Whether a text (its paragraph) holds one of its context words. */
    inParagraph: (text: string) => boolean;
    words: readonly string[];
    expandedBy: readonly string[];
  } | null;
}

/** Asked about a collision-prone term whose paragraph has no context word: does the page give evidence? */
export type EvidenceCheck = (term: Term) => boolean;

export interface Matcher {
  /**
   * The combined expression (flags `gu`) of the terms' first two words, after a Unicode word boundary:
   * text it does not match holds no mention.
   */
  readonly regex: RegExp;
  /**
   * Mentions in `text`, in order, each with the shorter mentions nested inside it. `context` is
   * the text around it (default: `text` itself), or a function that gives it when first needed;
   * `page`, when given, is asked about a collision-prone term that has no context word there.
   */
  find(text: string, context?: Context, page?: EvidenceCheck): Mention[];
  /** A new page's evidence, for this matcher's terms (page-evidence.ts). */
  pageEvidence(): PageEvidence;
}

/** Text around a mention, or a function computing it lazily (it is needed only by a few terms). */
export type Context = string | (() => string);

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
const WORD_CHAR_RE = new RegExp(WORD_CHAR, 'u');
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR_RE.test(ch);
const isCapital = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase();

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

/** A prepared group, and its expressions once compiled (the first time its word occurs). */
interface Group extends PreparedGroup {
  compiled?: { sticky: RegExp; terms: Map<string, Term>; byText: Map<string, Term | undefined> };
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
      group.terms.map(([key, { evidence, ...term }]) => [
        key,
        { ...term, evidence: evidence && { ...evidence, inParagraph: contextTest(evidence.context) } },
      ]),
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
      if (len <= nameKey.length) found.push(...(groups.get(groupKey('name', nameKey.slice(0, len))) ?? []));
      if (len <= word.length) found.push(...(groups.get(groupKey('acronym', word.slice(0, len))) ?? []));
    }
    if (groupsByWord.size > 10_000) groupsByWord.clear();
    groupsByWord.set(word, found);
    return found;
  }

  const accepts = (term: Term, context: Context, page: EvidenceCheck | undefined) =>
    term.evidence === null ||
    term.evidence.inParagraph(typeof context === 'string' ? context : context()) ||
    page?.(term) === true;

  /**
   * The longest accepted mention starting at `start` with the candidate first `word`, ending at or
   * before `limit`, other than `skip` (the outer mention, when looking inside it). Each retry cuts
   * the last word off.
   */
  function longestAt(
    text: string,
    context: Context,
    page: EvidenceCheck | undefined,
    start: number,
    word: string,
    limit: number,
    skip?: Mention,
  ) {
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
      const isLowerProper = term?.proper === true && !isCapital(text[start]);
      const endsWord = !isWordChar(text[end]);
      if (term && endsWord && !isSkipped && !isCapsHeading && !isLowerProper && accepts(term, context, page))
        return { term, end };
      // Cut back to the end of the word before this match's last word.
      limit = end - 1;
      while (limit > start && !(isWordChar(text[limit - 1]) && !isWordChar(text[limit]))) limit--;
    }
    return undefined;
  }

  // One expression per nesting depth, since a scan inside a mention runs while the outer one is paused.
  const scanRegexes: RegExp[] = [regex];

  /** Mentions in text[from, to), each with the mentions nested inside it. */
  function scan(
    text: string,
    context: Context,
    page: EvidenceCheck | undefined,
    from: number,
    to: number,
    outer?: Mention,
    depth = 0,
  ): Mention[] {
    const found: Mention[] = [];
    const terms: Term[] = [];
    if (!scanRegexes[depth]) scanRegexes[depth] = new RegExp(source, 'gu');
    const re = scanRegexes[depth];
    const limited = to < text.length ? text.slice(0, to) : text;
    re.lastIndex = from;
    for (let m = re.exec(limited); m; m = re.exec(limited)) {
      const hit = longestAt(text, context, page, m.index, firstWord(m[0]), to, outer);
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
        ...(hit.term.evidence && { conditional: true as const }),
      };
      mention.inner = innerMentions(text.slice(mention.start, mention.end), mention.id, mention.start, depth + 1);
      // Inside a name, its issuer stays a mention of its own ("United Nations" in UNTOC's name).
      if (depth === 0) addWithIssuer(text, found, terms, mention, hit.term);
      else found.push(mention);
      re.lastIndex = hit.end;
    }
    return depth === 0 ? withYearsBefore(text, withoutOtherBodies(text, found, terms)) : found;
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
      inner = scan(name, name, undefined, 0, name.length, outer, depth).filter((i) => i.id !== outerId);
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
    find: (text, context = text, page) => {
      if (typeof context === 'string') return scan(text, context, page, 0, text.length);
      let cached: string | undefined;
      return scan(text, () => (cached ??= context()), page, 0, text.length);
    },
    pageEvidence: () => new PageEvidence(prepared.contextWords),
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
    find: (text, context, page) => get().find(text, context, page),
    // Evidence needs only the prepared data: creating it does not load the matcher.
    pageEvidence: () => new PageEvidence(prepared.contextWords),
  };
}
