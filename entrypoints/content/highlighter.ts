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
const HIGHLIGHT_NODE_NAME = HIGHLIGHT_TAG.toUpperCase();
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
  HIGHLIGHT_NODE_NAME,
]);
/** Blocks whose text is the context of a term that needs context words. */
const BLOCK_SELECTOR =
  'p, li, dd, dt, td, th, blockquote, figcaption, caption, h1, h2, h3, h4, h5, h6, article, section, body';
/** A slice of work stays well under one frame, so the page keeps responding. */
const SLICE_BUDGET_MS = 8;
/** Attribute changes that can reveal hidden text. */
const REVEALING_ATTRIBUTES = ['hidden', 'open', 'class', 'style', 'aria-hidden'];

/** Whether an element's subtree is never highlighted. */
function isSkipped(el: Element): boolean {
  return (
    SKIPPED_TAGS.has(el.nodeName.toUpperCase()) ||
    el.hasAttribute(UI_ATTRIBUTE) ||
    (el as HTMLElement).isContentEditable ||
    el.getAttribute('role') === 'textbox' ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true'
  );
}

function isVisible(el: Element): boolean {
  // checkVisibility is Chrome 105+ and Firefox 106+; without it, assume visible.
  return typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
}

type Scheduler = { yield?: () => Promise<void> };
const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** What one pass did, recorded as the `detail` of its performance measure. */
export interface PassStats {
  textNodes: number;
  highlights: number;
  /** Main-thread time: the sum of the slices. */
  busyMs: number;
  /** From the first slice to the last, yields included. */
  wallMs: number;
  longestSliceMs: number;
}

export interface HighlighterOptions {
  matcher: Matcher;
  root?: HTMLElement;
  /** Stops everything the highlighter does; the highlights stay (removeAll takes them away). */
  signal: AbortSignal;
  /** Called after every pass that changed highlights. */
  onChange?: (stats: PassStats) => void;
}

export class Highlighter {
  private readonly matcher: Matcher;
  private readonly root: HTMLElement;
  private readonly signal: AbortSignal;
  private readonly onChange?: (stats: PassStats) => void;
  private readonly observer: MutationObserver;
  /**
   * Text nodes the highlighter split, keyed by the original node (which keeps the text before
   * the first highlight), with the nodes that follow it. When a page script later rewrites or
   * removes the original node (as React does), those followers are stale and are removed.
   */
  private splits = new WeakMap<Text, Node[]>();
  private readonly queue = new Set<Node>();
  /** Text with mentions that was hidden when seen; looked at again when attributes change. */
  private readonly hidden = new Set<Text>();
  private running: Promise<void> | null = null;
  private hiddenCheck: ReturnType<typeof setTimeout> | null = null;
  /** Mutation batches in the last second, to back off from pages that mutate in a loop. */
  private recentBatches: number[] = [];

  constructor(options: HighlighterOptions) {
    this.matcher = options.matcher;
    this.root = options.root ?? document.body;
    this.signal = options.signal;
    this.onChange = options.onChange;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Highlights the page, then follows its changes until stopped. Resolves after the first pass. */
  start(): Promise<void> {
    this.observer.observe(this.root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: REVEALING_ATTRIBUTES,
    });
    this.queue.add(this.root);
    return this.ensureRunning(0);
  }

  /** Stops following the page; the highlights stay. */
  stop(): void {
    this.observer.disconnect();
    this.queue.clear();
    this.hidden.clear();
    if (this.hiddenCheck) clearTimeout(this.hiddenCheck);
  }

  /** Stops, then removes every highlight and restores the page's text nodes as they were. */
  removeAll(): void {
    this.stop();
    const parents = new Set<Node>();
    for (const mark of this.root.querySelectorAll(HIGHLIGHT_TAG)) {
      const parent = mark.parentNode;
      if (!parent || parent.nodeName === HIGHLIGHT_NODE_NAME) continue; // goes with its outer mark
      parent.replaceChild(document.createTextNode(mark.textContent ?? ''), mark);
      parents.add(parent);
    }
    for (const parent of parents) parent.normalize();
    this.splits = new WeakMap();
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

  private ensureRunning(delayMs: number): Promise<void> {
    this.running ??= (delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, delayMs)) : Promise.resolve())
      .then(() => this.run())
      .finally(() => {
        this.running = null;
        // Changes that arrived after the pass had looked at their place.
        if (this.queue.size > 0 && !this.signal.aborted) void this.ensureRunning(this.backoffMs());
      });
    return this.running;
  }

  /** A page that mutates itself in a loop gets a growing delay instead of a busy extension. */
  private backoffMs(): number {
    const now = performance.now();
    this.recentBatches = this.recentBatches.filter((t) => now - t < 1000);
    this.recentBatches.push(now);
    const n = this.recentBatches.length;
    return n > 10 ? Math.min(1000, n * 20) : 16;
  }

  private onMutations(records: MutationRecord[]): void {
    let revealing = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        this.onTextChanged(record.target as Text);
      } else if (record.type === 'attributes') {
        revealing ||= record.target.nodeName !== HIGHLIGHT_NODE_NAME;
      } else {
        for (const node of record.removedNodes) this.dropFollowers(node);
        for (const node of record.addedNodes) if (node.nodeName !== HIGHLIGHT_NODE_NAME) this.queue.add(node);
      }
    }
    if (revealing && this.hidden.size > 0) this.scheduleHiddenCheck();
    if (this.queue.size > 0 && !this.running) void this.ensureRunning(this.backoffMs());
  }

  /** A page script rewrote a text node: drop our stale pieces of it, then look at it again. */
  private onTextChanged(text: Text): void {
    this.dropFollowers(text);
    if (text.parentNode?.nodeName !== HIGHLIGHT_NODE_NAME) this.queue.add(text);
  }

  private dropFollowers(node: Node): void {
    const followers = node.nodeType === Node.TEXT_NODE ? this.splits.get(node as Text) : undefined;
    if (!followers) return;
    for (const follower of followers) follower.parentNode?.removeChild(follower);
    this.splits.delete(node as Text);
  }

  /** Hidden text may have been revealed: at most a few times a second, look again. */
  private scheduleHiddenCheck(): void {
    this.hiddenCheck ??= setTimeout(() => {
      this.hiddenCheck = null;
      for (const text of this.hidden) {
        if (!text.isConnected) this.hidden.delete(text);
        else if (text.parentElement && isVisible(text.parentElement)) {
          this.hidden.delete(text);
          this.queue.add(text);
        }
      }
      if (this.queue.size > 0) void this.ensureRunning(0);
    }, 250);
  }

  private async run(): Promise<void> {
    const start = performance.now();
    const stats: PassStats = { textNodes: 0, highlights: 0, busyMs: 0, wallMs: 0, longestSliceMs: 0 };
    while (this.queue.size > 0 && !this.signal.aborted) {
      const roots = [...this.queue];
      this.queue.clear();
      for (const root of roots) {
        if (!root.isConnected) continue;
        const walker = this.textNodes(root);
        let done = false;
        while (!done && !this.signal.aborted) {
          const sliceStart = performance.now();
          // The page's own changes so far are queued; the records of our wrapping are dropped.
          const pending = this.observer.takeRecords();
          if (pending.length) this.onMutations(pending);
          // Read first (text, visibility, mentions), then write: interleaving them would make the
          // browser recompute styles for every text node.
          const found: [Text, Mention[]][] = [];
          while (performance.now() - sliceStart < SLICE_BUDGET_MS) {
            const next = walker.next();
            if (next.done) {
              done = true;
              break;
            }
            stats.textNodes++;
            const mentions = this.mentionsIn(next.value);
            if (mentions.length) found.push([next.value, mentions]);
          }
          for (const [node, mentions] of found) stats.highlights += this.highlight(node, mentions);
          if (done && this.queue.size === 0 && stats.highlights > 0) this.refreshFirstMentions();
          this.observer.takeRecords();
          const slice = performance.now() - sliceStart;
          stats.busyMs += slice;
          stats.longestSliceMs = Math.max(stats.longestSliceMs, slice);
          if (!done) await yieldToPage();
        }
      }
    }
    stats.wallMs = performance.now() - start;
    performance.measure(MEASURE_NAME, { start, end: performance.now(), detail: stats });
    if (stats.highlights > 0) this.onChange?.(stats);
  }

  /** The text nodes under `root` that may be highlighted, skipping excluded subtrees whole. */
  private *textNodes(root: Node): Generator<Text> {
    if (root.nodeType === Node.TEXT_NODE) {
      if (root.parentElement && !this.isInsideSkipped(root.parentElement)) yield root as Text;
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

  /** The mentions to highlight in one text node (none when it is hidden, for now). */
  private mentionsIn(node: Text): Mention[] {
    const text = node.data;
    if (text.length < 2) return [];
    const regex = this.matcher.regex;
    regex.lastIndex = 0;
    if (!regex.test(text)) return [];
    const parent = node.parentElement;
    if (!parent) return [];
    if (!isVisible(parent)) {
      this.hidden.add(node);
      return [];
    }
    let block: string | undefined;
    const context = () => {
      block ??= (parent.closest(BLOCK_SELECTOR) ?? parent).textContent ?? '';
      return block;
    };
    return this.matcher.find(text, context);
  }

  /** Wraps the mentions of one text node; returns how many highlights it made. */
  private highlight(node: Text, mentions: Mention[]): number {
    if (!node.parentNode) return 0;
    const after = node.nextSibling;
    const made = this.wrap(node, mentions, 0, false);
    const followers: Node[] = [];
    for (let n = node.nextSibling; n && n !== after; n = n.nextSibling) followers.push(n);
    if (followers.length) this.splits.set(node, followers);
    return made;
  }

  /**
   * Wraps `mentions` (offsets relative to `offset`) inside `context`, a text node or an outer
   * highlight, then the mentions nested in each. Returns how many highlights it made.
   */
  private wrap(context: Node, mentions: Mention[], offset: number, inner: boolean): number {
    let made = 0;
    // mark.js takes any node as its context; a text node limits its walk to that one node.
    new Mark(context as HTMLElement).markRanges(
      mentions.map((m) => ({ start: m.start - offset, length: m.end - m.start })),
      {
        element: HIGHLIGHT_TAG,
        each: (el: Element, range: { start: number }) => {
          const mention = mentions.find((m) => m.start - offset === range.start);
          if (!mention) return;
          const mark = el as HTMLElement;
          mark.removeAttribute('data-markjs');
          mark.dataset.glossaryId = mention.id;
          mark.dataset.glossaryCategory = mention.category;
          if (inner) mark.dataset.glossaryInner = '';
          made += 1 + (mention.inner.length ? this.wrap(mark, mention.inner, mention.start, true) : 0);
        },
      },
    );
    return made;
  }

  /** Marks the first highlight of each entry in document order (for "first mention only"). */
  private refreshFirstMentions(): void {
    const seen = new Set<string>();
    for (const mark of this.root.querySelectorAll<HTMLElement>(HIGHLIGHT_TAG)) {
      const id = mark.dataset.glossaryId ?? '';
      const first = !seen.has(id);
      seen.add(id);
      if (first !== mark.hasAttribute('data-glossary-first')) mark.toggleAttribute('data-glossary-first', first);
    }
  }
}
