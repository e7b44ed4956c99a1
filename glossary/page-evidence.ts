/**
 * Deciding with the whole page: when a collision-prone term counts.
 *
 * A collision-prone term is one with context words: an acronym that is also a name or another
 * body's acronym (GRETA, IOM, HRC, CRC, UE…) and the generated short forms (variants.ts: "General
 * Assembly", "Convention No. 29", "C29"). Such a term counts as a mention when
 *
 * (a) one of its context words occurs in its paragraph (the block around it), or
 * (b) the page gives evidence for it: the term's own entry (its expansion: "Group of Experts on
 *     Action against Trafficking in Human Beings" for GRETA, "International Organization for
 *     Migration" or "OIM" for IOM), or for a short form the body it was shortened from (the UN
 *     for "General Assembly"), is mentioned somewhere on the page by a term that needs no
 *     evidence; or its context words occur at least twice, in all, in the paragraphs that hold
 *     such a mention.
 *
 * Evidence is only read from paragraphs that hold a mention needing no evidence: a page that
 * mentions nothing in the glossary for certain (Greta Thunberg's biography, the French GRETA
 * adult-education network, drug trafficking news, Palermo the city) gives none, however often
 * its words ("trafficking", "évaluation", "Convention") occur.
 *
 * Evidence only grows during a page's life: text added later can turn a rejected term into a
 * mention (the highlighter looks again at the text it rejected for want of evidence), never the
 * reverse. It starts again only when the glossary changes (the user's own entries).
 *
 * This class is the bookkeeping, fed with text and mentions by the highlighter; it reads no DOM.
 */
import type { Mention, Term } from './matcher';
import { contextWordKey, WORD_CHAR } from './prepare-matcher';

/** How many occurrences of its context words, in paragraphs with a certain mention, a term needs. */
export const PAGE_CONTEXT_WORDS = 2;

const WORD_CHAR_RE = new RegExp(WORD_CHAR, 'u');
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR_RE.test(ch);

export class PageEvidence {
  /** Occurrences of each context word (by `contextWordKey`) in the paragraphs read. */
  private readonly counts = new Map<string, number>();
  /** Entries mentioned on the page by a term that needs no evidence. */
  private readonly mentioned = new Set<string>();
  private readonly acronyms: ReadonlySet<string>;
  /** Compiled when a first paragraph is read: most pages have none. */
  private words: RegExp | undefined;
  private grown = 0;

  /** `words.source`: the combined expression of every context word; `words.acronyms`: those in capitals. */
  constructor(private readonly contextWords: { source: string; acronyms: readonly string[] }) {
    this.acronyms = new Set(contextWords.acronyms);
  }

  /** Grows with the evidence: a look again at rejected text is worth it only when it has grown. */
  get version(): number {
    return this.grown;
  }

  /**
   * Notes the entries of `mentions` (and those nested in them) that needed no evidence; returns
   * whether there was one, in which case the caller reads their paragraph (once).
   */
  noteMentions(mentions: readonly Mention[]): boolean {
    let certain = false;
    for (const mention of mentions) {
      if (!mention.conditional) {
        certain = true;
        if (!this.mentioned.has(mention.id)) {
          this.mentioned.add(mention.id);
          this.grown++;
        }
      }
      if (this.noteMentions(mention.inner)) certain = true;
    }
    return certain;
  }

  /** Counts the context words of a paragraph that holds a mention needing no evidence. */
  readParagraph(text: string): void {
    this.words ??= new RegExp(this.contextWords.source, 'g');
    const re = this.words;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (isWordChar(text[m.index - 1]) || isWordChar(text[m.index + m[0].length])) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const key = contextWordKey(m[0], this.acronyms);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      this.grown++;
    }
  }

  /** Whether the page gives evidence for `term` (rule (b) above; the paragraph is the matcher's). */
  supports(term: Term): boolean {
    const evidence = term.evidence;
    if (!evidence) return true;
    if (evidence.expandedBy.some((id) => this.mentioned.has(id))) return true;
    let occurrences = 0;
    for (const word of evidence.words) occurrences += this.counts.get(word) ?? 0;
    return occurrences >= PAGE_CONTEXT_WORDS;
  }
}
