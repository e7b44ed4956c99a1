/**
 * What is written around a name, as the matcher finds it (variants.ts generates the forms without
 * it). An entry's issuer's mention written just before or after a name of its instrument or body
 * becomes part of that mention ("U.N. General Assembly", "ILO Convention 29", "General Assembly of
 * the United Nations", "convention n° 29 de l'OIT"), which then needs no evidence; so does a year
 * just before an instrument's name ("the 2014 Protocol to the Forced Labour Convention"). A
 * collision-prone mention followed by another body's name ("the General Assembly of the
 * association", "le GRETA du Val-de-Marne") is that other body's, not ours. Pure.
 */
import type { Mention, Term } from './matcher';

const ISSUER_BEFORE = /^\s+$/;
const ISSUER_AFTER = /^\s+(?:of\s+the|de\s+l['’ʼ]|des|du|de\s+la)\s*$/i;
/** "of (the) …", "de/du/des/de la/de l'…" and a word: whose it is. */
const OF_ANOTHER = /^\s+(?:of(?:\s+the)?|de\s+l['’ʼ]|de\s+la|des|du|de)\s*\p{L}/iu;
/** A year written just before an instrument's name, and the space after it. */
const YEAR_BEFORE = /(?<![\p{L}\p{N}])\d{4}\s+$/u;
/** How much of the text after a mention names whose it is. */
const OWNER_CHARS = 30;

/**
 * Pushes `mention` (found with `term`) onto `found`, or folds it with the mention before it when
 * one is the other's issuer, written just before or after it: the issuer is then nested in it, and
 * the mention is certain. `terms` runs beside `found`.
 */
export function addWithIssuer(text: string, found: Mention[], terms: Term[], mention: Mention, term: Term): void {
  const last = found.length - 1;
  const prev = found[last];
  const between = prev ? text.slice(prev.end, mention.start) : '';
  if (prev && term.issuer === prev.id && ISSUER_BEFORE.test(between)) {
    const { conditional: _, ...certain } = mention;
    found[last] = { ...certain, start: prev.start, inner: [prev, ...mention.inner] };
    terms[last] = term;
  } else if (prev && terms[last]?.issuer === mention.id && ISSUER_AFTER.test(between)) {
    const { conditional: _, ...certain } = prev;
    found[last] = { ...certain, end: mention.end, inner: [...prev.inner, mention] };
  } else {
    found.push(mention);
    terms.push(term);
  }
}

/**
 * `found` without the collision-prone mentions that belong to another body: followed by "of" or
 * "de" and a name with none of the term's context words (its issuer unfolded, the user having
 * hidden it, still counts).
 */
export function withoutOtherBodies(text: string, found: Mention[], terms: readonly Term[]): Mention[] {
  return found.filter((mention, i) => {
    const evidence = terms[i]?.evidence;
    if (!mention.conditional || !evidence) return true;
    const after = text.slice(mention.end, mention.end + OWNER_CHARS);
    return !OF_ANOTHER.test(after) || evidence.inParagraph(after);
  });
}

/** `found` with a year written just before an instrument's name taken into its mention. */
export function withYearsBefore(text: string, found: Mention[]): Mention[] {
  return found.map((mention, i) => {
    if (mention.category !== 'instruments') return mention;
    const from = Math.max(found[i - 1]?.end ?? 0, mention.start - 6);
    const year = YEAR_BEFORE.exec(text.slice(from, mention.start));
    return year ? { ...mention, start: mention.start - year[0].length } : mention;
  });
}
