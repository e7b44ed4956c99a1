/**
 * The word starts that British and American English write differently, which text-fold.ts folds
 * and the first look (look-words.ts) folds too: a module of its own, so that the content script
 * carries these without the rest of the folding. Pure.
 */

/** Part of a spelling: fixed letters, or a choice between variants ('' for none, '-' for any hyphen). */
export type SpellingPart = string | readonly string[];

/** A word start written differently in British and American English, and the one form it folds to. */
export interface Spelling {
  /** Matches either spelling at the start of a lower-case word. */
  re: RegExp;
  /** The spelling, from which matcher.ts builds its pattern. */
  parts: readonly SpellingPart[];
  /** What `normalizeKey` turns either spelling into. */
  key: string;
}

/** `s` as a regular expression that matches it literally. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function spelling(key: string, parts: readonly SpellingPart[]): Spelling {
  const source = parts
    .map((p) => (typeof p === 'string' ? escapeRegExp(p) : `(?:${p.map(escapeRegExp).join('|')})`))
    .join('');
  return { re: new RegExp(`^${source}`), parts, key };
}

export const SPELLINGS: readonly Spelling[] = [
  spelling('organis', ['organi', ['s', 'z']]),
  spelling('labour', ['labo', ['u', ''], 'r']),
  spelling('cooperation', ['co', ['-', ''], 'operation']),
  spelling('programme', ['program', ['me', '']]),
];
