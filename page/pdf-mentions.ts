/**
 * The mentions of a whole PDF, page by page, as its text is read (pdf-text.ts joins each page's
 * pieces). The rule for collision-prone terms is the web pages' one (glossary/page-evidence.ts):
 * a paragraph is the context, the document is the page whose evidence counts. Pages are read in
 * order; when the evidence has grown, the pages where a term was rejected for want of it are read
 * again (`recheck`), as the highlighter looks again at rejected text. Pure: no DOM, no pdf.js.
 */
import type { Matcher, Mention } from '../glossary/matcher';
import type { PageEvidence } from '../glossary/page-evidence';
import { inProse } from '../glossary/prose';
import type { PageText } from './pdf-text';

/** At most this much of a paragraph is read for evidence (the highlighter's limit too). */
const MAX_PARAGRAPH = 10_000;

interface ReadPage {
  text: PageText;
  mentions: Mention[];
  /** A collision-prone term was rejected here for want of evidence. */
  wanting: boolean;
}

/** A mention's place in the document: its page (from 1) and its index among the page's mentions. */
export interface MentionPlace {
  page: number;
  index: number;
}

export class DocumentMentions {
  private readonly evidence: PageEvidence;
  private readonly pages = new Map<number, ReadPage>();
  private checkedAt = 0;
  /** What is computed over all pages, until a page is read (the reader asks on every page drawn). */
  private cache: { places?: MentionPlace[]; firsts?: Map<string, MentionPlace> } = {};

  constructor(private readonly matcher: Matcher) {
    this.evidence = matcher.pageEvidence();
  }

  /** Reads page `page` (from 1), and returns its mentions, outermost ones in order. */
  read(page: number, text: PageText): Mention[] {
    const read = { text, ...this.find(text) };
    this.pages.set(page, read);
    this.cache = {};
    return read.mentions;
  }

  private find(page: PageText): { mentions: Mention[]; wanting: boolean } {
    let wanting = false;
    const mentions: Mention[] = [];
    for (const [start, end] of page.paragraphs) {
      const paragraph = page.text.slice(start, end);
      const found = inProse(
        paragraph,
        this.matcher.find(paragraph, paragraph, (term) => {
          if (this.evidence.supports(term)) return true;
          wanting = true;
          return false;
        }),
      );
      if (this.evidence.noteMentions(found)) this.evidence.readParagraph(paragraph.slice(0, MAX_PARAGRAPH));
      mentions.push(...found.map((m) => shift(m, start)));
    }
    return { mentions, wanting };
  }

  /**
   * Reads again the pages where a term was rejected for want of evidence, if the evidence has
   * grown since the last look; returns the pages whose mentions changed.
   */
  recheck(): number[] {
    if (this.evidence.version === this.checkedAt) return [];
    this.checkedAt = this.evidence.version;
    const changed: number[] = [];
    for (const [page, read] of this.pages) {
      if (!read.wanting) continue;
      const again = this.find(read.text);
      if (JSON.stringify(again.mentions) !== JSON.stringify(read.mentions)) changed.push(page);
      this.pages.set(page, { text: read.text, ...again });
    }
    this.cache = {};
    return changed;
  }

  /** A page's text and mentions, once read. */
  page(page: number): { text: PageText; mentions: Mention[] } | undefined {
    return this.pages.get(page);
  }

  /** Every mention's place, in document order. */
  places(): MentionPlace[] {
    this.cache.places ??= [...this.pages.keys()]
      .sort((a, b) => a - b)
      .flatMap((page) => (this.pages.get(page) as ReadPage).mentions.map((_, index) => ({ page, index })));
    return this.cache.places;
  }

  /** The mention at a place. */
  at(place: MentionPlace): Mention | undefined {
    return this.pages.get(place.page)?.mentions[place.index];
  }

  /** Mentions per entry id in order of first appearance, nested ones counted as the highlighter counts them. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    const count = (mentions: readonly Mention[]) => {
      for (const m of mentions) {
        counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
        count(m.inner);
      }
    };
    for (const place of this.places()) count([this.at(place) as Mention]);
    return counts;
  }

  /** For each entry, the pages (from 1) where it is mentioned outermost, in order, each once. */
  pagesByEntry(): Map<string, number[]> {
    const byEntry = new Map<string, number[]>();
    for (const place of this.places()) {
      const id = (this.at(place) as Mention).id;
      const pages = byEntry.get(id) ?? [];
      if (pages.at(-1) !== place.page) pages.push(place.page);
      byEntry.set(id, pages);
    }
    return byEntry;
  }

  /** The place of each entry's first mention in the pages read. */
  firsts(): Map<string, MentionPlace> {
    if (this.cache.firsts) return this.cache.firsts;
    const firsts = new Map<string, MentionPlace>();
    for (const place of this.places()) {
      const id = (this.at(place) as Mention).id;
      if (!firsts.has(id)) firsts.set(id, place);
    }
    this.cache.firsts = firsts;
    return firsts;
  }
}

const shift = (m: Mention, by: number): Mention => ({
  ...m,
  start: m.start + by,
  end: m.end + by,
  inner: m.inner.map((inner) => shift(inner, by)),
});
