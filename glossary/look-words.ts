/**
 * The words of texts as the content script's first look reads them (look-index.ts): accents
 * stripped, split on anything but ASCII letters and digits, names' words in lower case with their
 * spelling folded as the matcher's patterns tolerate it. Pure, and small: every frame carries it.
 */
import { SPELLINGS } from './spellings';

/**
 * Names' words shorter than this are not required ("of", "la", "un"): the look then skips the
 * names' side of most words of a text.
 */
export const MIN_NAME_WORD = 3;

/** A spelling with a hyphen one way ("co-operation"): two words that way, so never required. */
export const isHyphenated = ({ parts }: (typeof SPELLINGS)[number]) =>
  parts.some((p) => typeof p !== 'string' && p.includes('-'));

/**
 * Word starts written two ways (organis/organiz, labour/labor, programme/program), each with the
 * one kept, the longest first; and one expression to test a word against all of them. Made the
 * first time a word needs folding: most frames never get that far.
 */
let spellingStartsMade: { list: [from: string, to: string][]; any: RegExp } | undefined;
function spellingStarts(): NonNullable<typeof spellingStartsMade> {
  if (spellingStartsMade) return spellingStartsMade;
  const list = SPELLINGS.flatMap((spelling) => {
    if (isHyphenated(spelling)) return [];
    const { parts, key } = spelling;
    let starts = [''];
    for (const part of parts)
      starts = starts.flatMap((s) => (typeof part === 'string' ? [s + part] : part.map((v) => s + v)));
    return starts.map((start): [string, string] => [start, key]);
  }).sort((a, b) => b[0].length - a[0].length);
  spellingStartsMade = { list, any: new RegExp(`^(?:${list.map(([from]) => from).join('|')})`) };
  return spellingStartsMade;
}

/** A lower-case word with its spelling folded as `normalizeKey` folds it. */
export function foldSpelling(word: string): string {
  const { list, any } = spellingStarts();
  if (!any.test(word)) return word;
  for (const [from, to] of list) if (word.startsWith(from)) return to + word.slice(from.length);
  return word;
}

/** Whether a word starts with a capital or a digit: only such words can be an acronym. */
export const mayBeAcronym = (word: string) => {
  const first = word.charCodeAt(0);
  return (first >= 65 && first <= 90) || (first >= 48 && first <= 57);
};

/** Latin letters with accents (and a few more): only text with some needs its accents stripped. */
export const ACCENTED = /[\u00C0-\u024F]/;

/** A text with its accents stripped. */
export const withoutAccents = (text: string) =>
  ACCENTED.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;

/** What separates words for the look: anything but ASCII letters and digits. */
export const NOT_WORD = /[^A-Za-z0-9]+/;

/** The words of a text: accents stripped, split on anything but ASCII letters and digits, case kept. */
export function lookWords(text: string): string[] {
  return withoutAccents(text).split(NOT_WORD).filter(Boolean);
}

/** A required name's word in each of its spellings ("organisation", "organization"). */
export function spellingsOf(word: string): string[] {
  const { list } = spellingStarts();
  const spelling = list.find(([, to]) => word.startsWith(to));
  if (!spelling) return [word];
  const rest = word.slice(spelling[1].length);
  return list.filter(([, to]) => to === spelling[1]).map(([from]) => from + rest);
}
