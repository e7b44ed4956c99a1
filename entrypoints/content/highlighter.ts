/**
 * The highlighter: finds mentions in the page's text with the matcher and wraps them with
 * mark.js, in short slices so that the page never freezes, then keeps up with the page through
 * one MutationObserver. It only wraps and unwraps: what a highlight looks like is CSS
 * (highlight-style.ts), what it means is the card's business.
 */
import Mark from 'mark.js';
import type { Matcher, Mention } from '../../glossary/matcher';

/** The element of every highlight. A custom tag: no page rule for `mark` or `span` reaches it. */
export const HIGHLIGHT_TAG = 'palermo-mark';
/** Marks the extension's own UI hosts, which are never highlighted. */
export const UI_ATTRIBUTE = 'data-palermo-lens-ui';
export const MEASURE_NAME = 'palermo-lens:highlight';

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'MATH',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'HEAD',
  'TITLE',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  HIGHLIGHT_TAG.toUpperCase(),
]);
/** Blocks whose text is the context of a term that needs context words. */
const BLOCK_SELECTOR =
  'p, li, dd, dt, td, th, blockquote, figcaption, caption, h1, h2, h3, h4, h5, h6, article, section, body';
/** A slice of work stays well under one frame, so the page keeps responding. */
const SLICE_BUDGET_MS = 8;

/** Why an element's subtree is never highlighted. */
function isSkipped(el: Element): boolean {
  return (
    SKIPPED_TAGS.has(el.tagName.toUpperCase()) ||
    el.hasAttribute(UI_ATTRIBUTE) ||
    (el as HTMLElement).isContentEditable ||
    el.getAttribute('role') === 'textbox' ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true'
  );
}

const yieldToPage: () => Promise<void> =
  typeof (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield === 'function'
    ? () => (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler.yield()
    : () => new Promise((resolve) => setTimeout(resolve, 0));

export interface PassStats {
  textNodes: number;
  highlights: number;
  totalMs: number;
  longestSliceMs: number;
}

export interface HighlighterOptions {
  matcher: Matcher;
  root?: HTMLElement;
  signal: AbortSignal;
  /** Called after every pass that changed highlights. */
  onChange?: (stats: PassStats) => void;
}

/**
 * Text nodes the highlighter split, keyed by the original node (which keeps the text before the
 * first highlight), with the nodes that follow it. When a page script later rewrites the original
 * node (as React does), those followers are stale and are removed.
 */
type Splits = WeakMap<Text, Node[]>;

export class Highlighter {
  private readonly matcher: Matcher;
  private readonly root: HTMLElement;
  private readonly signal: AbortSignal;
  private readonly onChange?: (stats: PassStats) => void;
  private readonly observer: MutationObserver;
  private readonly splits: Splits = new WeakMap();
  private readonly queue = new Set<Node>();
  private running: Promise<void> | null = null;
  private seenIds = new Set<string>();
  /** Mutation batches in the last second, to back off from pages that mutate in a loop. */
  private recentBatches: number[] = [];

  constructor(options: HighlighterOptions) {
    this.matcher = options.matcher;
    this.root = options.root ?? document.body;
    this.signal = options.signal;
    this.onChange = options.onChange;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.signal.addEventListener('abort', () => this.observer.disconnect(), { once: true });
  }

  /** Highlights the page, then follows its changes until the signal aborts. */
  start(): Promise<void> {
    this.observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    return this.schedule(this.root);
  }

  /** Removes every highlight and restores the page's text nodes. */
  removeAll(): void {
    this.observer.disconnect();
    this.queue.clear();
    const parents = new Set<Node>();
    for (const mark of this.root.querySelectorAll(HIGHLIGHT_TAG)) {
      if (mark.parentNode?.nodeName === HIGHLIGHT_TAG.toUpperCase()) continue; // unwrapped with its outer mark
      const parent = mark.parentNode;
      if (!parent) continue;
      parent.replaceChild(document.createTextNode(mark.textContent ?? ''), mark);
      parents.add(parent);
    }
    for (const parent of parents) parent.normalize();
    this.seenIds = new Set();
  }

  /** Counts of highlights per entry id, in order of first appearance on the page. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mark of this.root.querySelectorAll<HTMLElement>(HIGHLIGHT_TAG)) {
      const id = mark.dataset.glossaryId;
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  private schedule(node: Node): Promise<void> {
    this.queue.add(node);
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        this.onTextChanged(record.target as Text);
      } else {
        for (const node of record.addedNodes) {
          if (node.nodeName !== HIGHLIGHT_TAG.toUpperCase()) this.queue.add(node);
        }
      }
    }
    if (this.queue.size === 0 || this.running) return;
    // A page that mutates itself in a loop gets a growing delay instead of a busy extension.
    const now = performance.now();
    this.recentBatches = this.recentBatches.filter((t) => now - t < 1000);
    this.recentBatches.push(now);
    const delay = this.recentBatches.length > 20 ? Math.min(1000, this.recentBatches.length * 10) : 0;
    this.running = new Promise<void>((resolve) => setTimeout(resolve, delay))
      .then(() => this.run())
      .finally(() => {
        this.running = null;
      });
  }

  /** A page script rewrote a text node we had split: drop our stale pieces, then look again. */
  private onTextChanged(text: Text): void {
    const followers = this.splits.get(text);
    if (followers) {
      for (const node of followers) node.parentNode?.removeChild(node);
      this.splits.delete(text);
    }
    if (text.parentNode?.nodeName === HIGHLIGHT_TAG.toUpperCase()) return;
    this.queue.add(text);
  }

  private async run(): Promise<void> {
    const t0 = performance.now();
    const stats: PassStats = { textNodes: 0, highlights: 0, totalMs: 0, longestSliceMs: 0 };
    while (this.queue.size > 0 && !this.signal.aborted) {
      const roots = [...this.queue];
      this.queue.clear();
      for (const root of roots) {
        if (!root.isConnected) continue;
        const walker = this.textNodes(root);
        let done = false;
        while (!done && !this.signal.aborted) {
          const sliceStart = performance.now();
          // Records of the page's own changes so far are queued; ours, made below, are dropped.
          this.onMutationsDuringSlice();
          while (performance.now() - sliceStart < SLICE_BUDGET_MS) {
            const next = walker.next();
            if (next.done) {
              done = true;
              break;
            }
            stats.textNodes++;
            stats.highlights += this.highlightTextNode(next.value);
          }
          this.observer.takeRecords();
          stats.longestSliceMs = Math.max(stats.longestSliceMs, performance.now() - sliceStart);
          if (!done) await yieldToPage();
        }
      }
    }
    stats.totalMs = performance.now() - t0;
    performance.measure(MEASURE_NAME, { start: t0, end: performance.now(), detail: stats });
    if (stats.highlights > 0) this.onChange?.(stats);
  }

  private onMutationsDuringSlice(): void {
    const pending = this.observer.takeRecords();
    if (pending.length) this.onMutations(pending);
  }

  /** The text nodes under `root` that may be highlighted, skipping excluded subtrees whole. */
  private *textNodes(root: Node): Generator<Text> {
    if (root.nodeType === Node.TEXT_NODE) {
      const parent = root.parentElement;
      if (parent && !parent.closest(`${HIGHLIGHT_TAG}, [${UI_ATTRIBUTE}]`) && !this.isInsideSkipped(parent))
        yield root as Text;
      return;
    }
    if (!(root instanceof Element) || this.isInsideSkipped(root)) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === Node.TEXT_NODE
          ? NodeFilter.FILTER_ACCEPT
          : isSkipped(node as Element)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Text;
  }

  private isInsideSkipped(el: Element): boolean {
    for (let e: Element | null = el; e; e = e.parentElement) if (isSkipped(e)) return true;
    return false;
  }

  /** Wraps the mentions in one text node; returns how many highlights it made. */
  private highlightTextNode(node: Text): number {
    const text = node.data;
    if (text.length < 2) return 0;
    const regex = this.matcher.regex;
    regex.lastIndex = 0;
    if (!regex.test(text)) return 0;
    const parent = node.parentElement;
    if (!parent || !isVisible(parent)) return 0;
    let block: string | undefined;
    const context = () => (block ??= (parent.closest(BLOCK_SELECTOR) ?? parent).textContent ?? '');
    const mentions = this.matcher.find(text, context);
    if (mentions.length === 0) return 0;

    const after = node.nextSibling;
    let made = 0;
    // mark.js takes any node as its context; a text node limits its walk to that one node.
    new Mark(node as unknown as HTMLElement).markRanges(
      mentions.map((m) => ({ start: m.start, length: m.end - m.start })),
      {
        element: HIGHLIGHT_TAG,
        each: (el: Element, range: { start: number }) => {
          const mention = mentions.find((m) => m.start === range.start);
          if (mention) made += this.decorate(el as HTMLElement, mention, false);
        },
      },
    );
    const followers: Node[] = [];
    for (let n = node.nextSibling; n && n !== after; n = n.nextSibling) followers.push(n);
    if (followers.length) this.splits.set(node, followers);
    return made;
  }

  /** Sets the highlight contract on a new mark, then wraps the mentions nested inside it. */
  private decorate(el: HTMLElement, mention: Mention, inner: boolean): number {
    el.removeAttribute('data-markjs');
    el.dataset.glossaryId = mention.id;
    el.dataset.glossaryCategory = mention.category;
    if (inner) el.dataset.glossaryInner = '';
    if (!this.seenIds.has(mention.id)) {
      this.seenIds.add(mention.id);
      el.dataset.glossaryFirst = '';
    }
    let made = 1;
    if (mention.inner.length) {
      new Mark(el).markRanges(
        mention.inner.map((m) => ({ start: m.start - mention.start, length: m.end - m.start })),
        {
          element: HIGHLIGHT_TAG,
          each: (child: Element, range: { start: number }) => {
            const m = mention.inner.find((i) => i.start - mention.start === range.start);
            if (m) made += this.decorate(child as HTMLElement, m, true);
          },
        },
      );
    }
    return made;
  }
}

function isVisible(el: Element): boolean {
  // checkVisibility is Chrome 105+/Firefox 106+; without it, assume visible.
  return (
    typeof el.checkVisibility !== 'function' ||
    el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
  );
}
