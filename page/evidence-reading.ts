/**
 * The highlighter's side of deciding with the whole page (glossary/page-evidence.ts has the rule
 * and its bookkeeping): it finds a text node's mentions with its paragraph and the page's
 * evidence, feeds the evidence with what it finds (each paragraph once), and remembers, weakly,
 * the text nodes where a collision-prone term was rejected for want of evidence, so that they are
 * looked at again once the evidence has grown (further down the page, or in text added later).
 */
import type { Matcher, Mention } from '../glossary/matcher';
import type { PageEvidence } from '../glossary/page-evidence';
import { contextBlock } from './highlight-plan';

/** At most this much of a paragraph is read for evidence: a page-long block costs no long task. */
const MAX_PARAGRAPH = 10_000;

export class EvidenceReading {
  private evidence: PageEvidence;
  /** Paragraphs whose context words are counted already. */
  private read = new WeakSet<Element>();
  /** Text nodes with a term rejected for want of evidence. */
  private waiting = new Set<WeakRef<Text>>();
  /** The evidence's version when the waiting nodes were last handed back. */
  private handedAt = 0;

  /** `blockText` gives the text of a paragraph (the highlighter remembers it while the page does not change). */
  constructor(
    private matcher: Matcher,
    private readonly blockText = (block: Element | ShadowRoot) => block.textContent ?? '',
  ) {
    this.evidence = matcher.pageEvidence();
  }

  /** Starts again with no evidence, for another matcher (the glossary changed). */
  reset(matcher: Matcher): void {
    this.matcher = matcher;
    this.evidence = matcher.pageEvidence();
    this.read = new WeakSet();
    this.waiting.clear();
    this.handedAt = 0;
  }

  /**
   * The mentions in `node` (whose parent element is `parent`), its paragraph and the page deciding
   * collision-prone terms, as `keep` leaves them (prose only: none inside an address). Only what
   * is kept gives evidence.
   */
  find(node: Text, parent: Element, keep: (found: Mention[]) => Mention[]): Mention[] {
    let block: Element | ShadowRoot | undefined;
    let text: string | undefined;
    const paragraph = () => {
      block ??= contextBlock(parent);
      text ??= this.blockText(block);
      return text;
    };
    let wanting = false;
    const mentions = keep(
      this.matcher.find(node.data, paragraph, (term) => {
        if (this.evidence.supports(term)) return true;
        wanting = true;
        return false;
      }),
    );
    if (this.evidence.noteMentions(mentions)) {
      block ??= contextBlock(parent);
      // Outside any paragraph (a page of divs, a shadow root) read the parent, never the whole page.
      const read = block instanceof Element && block.nodeName !== 'BODY' ? block : parent;
      if (!this.read.has(read)) {
        this.read.add(read);
        const words = read === block ? paragraph() : (read.textContent ?? '');
        this.evidence.readParagraph(words.length > MAX_PARAGRAPH ? words.slice(0, MAX_PARAGRAPH) : words);
      }
    }
    if (wanting) this.waiting.add(new WeakRef(node));
    return mentions;
  }

  /**
   * The text nodes still on the page that were rejected for want of evidence, when the evidence
   * has grown since they were last handed back (none otherwise); they are forgotten until
   * rejected again.
   */
  takeRejected(): Text[] {
    if (this.evidence.version === this.handedAt || this.waiting.size === 0) return [];
    this.handedAt = this.evidence.version;
    const nodes: Text[] = [];
    for (const ref of this.waiting) {
      const node = ref.deref();
      if (node?.isConnected) nodes.push(node);
    }
    this.waiting.clear();
    return nodes;
  }
}
