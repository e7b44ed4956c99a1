/**
 * The highlighter: finds mentions in the page's text with the matcher and wraps each in its own
 * element (not mark.js: docs/performance.md says why), in short slices so that the page never
 * freezes, then keeps up with the page through one MutationObserver. It reads and writes the page,
 * open shadow roots included (shadow-roots.ts: how they are found, and each observed by the same
 * observer); what it skips and what a text node becomes are decided in highlight-plan.ts, the
 * writing is wrapping.ts's (with first-mentions.ts). Mentions inside addresses (URLs,
 * e-mail addresses, paths…) are dropped (glossary/prose.ts). What a highlight looks like is CSS
 * (highlight-style.ts), what it means is the card's business.
 */
import type { Matcher, Mention } from '../glossary/matcher';
import { inProse } from '../glossary/prose';
import { EvidenceReading } from './evidence-reading';
import { FirstMentions } from './first-mentions';
import {
  composedParent,
  HIGHLIGHT_NODE_NAME,
  HIGHLIGHT_TAG,
  highlightableTextNodes,
  isInAddressLink,
  type WalkOptions,
} from './highlight-plan';
import { queryAllInPage, ShadowRoots } from './shadow-roots';
import { Wrapping } from './wrapping';
import { afterNextPaint, yieldToPage } from './yielding';

// The contract's names, for the highlighter's users.
export { HIGHLIGHT_TAG, UI_ATTRIBUTE } from './highlight-plan';
export const MEASURE_NAME = 'palermo-lens:highlight';

/** A slice of work stays well under one frame, so the page keeps responding. */
const SLICE_BUDGET_MS = 8;
/** What the observer follows, in the document and in each open shadow root. */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // Attribute changes that can reveal hidden text.
  attributeFilter: ['hidden', 'open', 'class', 'style', 'aria-hidden'],
};

function isVisible(el: Element): boolean {
  // checkVisibility is Chrome 105+ and Firefox 106+; without it, assume visible.
  return typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
}

/** What one pass did, recorded as the `detail` of its performance measure. */
export interface PassStats {
  /** Text nodes walked, those of skipped subtrees included (only candidates are checked for them). */
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
  /** Called in every slice that added highlights, before the browser renders them. */
  onChange?: (stats: PassStats) => void;
  /** Called in every slice that added highlights in an open shadow root, with that root. */
  onShadowRootChange?: (root: ShadowRoot) => void;
  /** Whether the highlights of an entry are switched off (highlight-style.ts): they are made so. */
  switchedOff?: (id: string, category: string) => boolean;
}

export class Highlighter {
  private matcher: Matcher;
  private readonly root: HTMLElement;
  private readonly signal: AbortSignal;
  private readonly onChange?: (stats: PassStats) => void;
  private readonly onShadowRootChange?: (root: ShadowRoot) => void;
  private readonly observer: MutationObserver;
  private readonly shadowRoots: ShadowRoots;
  private readonly queue = new Set<Node>();
  /** Text with mentions that was hidden when seen; looked at again when attributes change. */
  private readonly hidden = new Set<Text>();
  private running: Promise<void> | null = null;
  /** Between start() and stop(). */
  private following = false;
  private readonly firsts: FirstMentions;
  private readonly wrapping: Wrapping;
  /** The page's evidence for collision-prone terms, and the text rejected for want of it. */
  private readonly evidence: EvidenceReading;
  /**
   * The text of the paragraphs read, until the page changes: wrapping mentions changes no text,
   * and a paragraph can be the whole body (2 MB on the dense benchmark page).
   */
  private readonly blockTexts = new Map<Element | ShadowRoot, string>();
  private hiddenCheck: ReturnType<typeof setTimeout> | null = null;
  /** Mutation batches in the last second, to back off from pages that mutate in a loop. */
  private recentBatches: number[] = [];
  /**
   * The ordered run of the highlights being made (first-mentions.ts): a new one with each root
   * walked and with each change of the page, which may have moved what was walked.
   */
  private orderedRun = 0;

  constructor(options: HighlighterOptions) {
    this.matcher = options.matcher;
    this.root = options.root ?? document.body;
    this.signal = options.signal;
    this.onChange = options.onChange;
    this.onShadowRootChange = options.onShadowRootChange;
    this.evidence = new EvidenceReading(this.matcher, (block) => {
      const known = this.blockTexts.get(block);
      if (known !== undefined) return known;
      const text = block.textContent ?? '';
      this.blockTexts.set(block, text);
      return text;
    });
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.shadowRoots = new ShadowRoots((root) => this.follow(root));
    this.firsts = new FirstMentions(this.root, () => this.shadowRoots.inPage());
    this.wrapping = new Wrapping(this.firsts, options.switchedOff);
    this.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Highlights the page, then follows its changes until stopped. Resolves after the first pass. */
  start(): Promise<void> {
    this.following = true;
    this.observer.observe(this.root, OBSERVED);
    this.queue.add(this.root);
    return this.ensureRunning();
  }

  /** A shadow root found in the page: observed like the page, and walked. */
  private follow(root: ShadowRoot): void {
    this.observer.observe(root, OBSERVED);
    this.queue.add(root);
    if (!this.running) void this.ensureRunning();
  }

  /** Stops following the page; the highlights stay. */
  stop(): void {
    this.following = false;
    this.observer.disconnect();
    this.shadowRoots.stop();
    this.queue.clear();
    this.hidden.clear();
    if (this.hiddenCheck) clearTimeout(this.hiddenCheck);
    this.hiddenCheck = null;
  }

  /** Stops, then removes every highlight and restores the page's text nodes as they were. */
  removeAll(): void {
    const marks = this.marks();
    this.stop();
    const parents = new Set<Node>();
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent || parent.nodeName === HIGHLIGHT_NODE_NAME) continue; // goes with its outer mark
      parent.replaceChild(document.createTextNode(mark.textContent ?? ''), mark);
      parents.add(parent);
    }
    for (const parent of parents) parent.normalize();
    this.wrapping.forget();
    this.firsts.clear();
    this.shadowRoots.forget();
  }

  /** Looks at the page again with another matcher (the user changed their own entries). */
  replaceMatcher(matcher: Matcher): Promise<void> {
    const following = this.following;
    this.removeAll();
    this.matcher = matcher;
    this.evidence.reset(matcher);
    return following ? this.start() : Promise.resolve();
  }

  /** Counts of highlights per entry id, in order of first appearance on the page. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mark of this.marks()) {
      const id = mark.getAttribute('data-glossary-id');
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** The highlights (those that also match `filter`, a selector's tail) in page order, open shadow roots included. */
  marks(filter = ''): Element[] {
    return queryAllInPage(this.root, this.shadowRoots.inPage(), `${HIGHLIGHT_TAG}${filter}`);
  }

  /** The open shadow roots, in the page, that may hold highlights. */
  shadowRootsInPage(): ShadowRoot[] {
    return this.shadowRoots.inPage();
  }

  /** Runs a pass after the next frame (and `delayMs` more), unless one is already on its way. */
  private ensureRunning(delayMs = 0): Promise<void> {
    this.running ??= afterNextPaint()
      .then(() => (delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, delayMs)) : undefined))
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
    return n > 10 ? Math.min(1000, n * 20) : 0;
  }

  private onMutations(records: MutationRecord[]): void {
    let revealing = false;
    if (records.some((record) => record.type !== 'attributes')) this.blockTexts.clear();
    for (const record of records) {
      if (record.type === 'characterData') {
        this.onTextChanged(record.target as Text);
      } else if (record.type === 'attributes') {
        revealing ||= record.target.nodeName !== HIGHLIGHT_NODE_NAME;
      } else {
        this.orderedRun++;
        for (const node of record.removedNodes) this.wrapping.dropFollowers(node);
        for (const node of record.addedNodes) if (node.nodeName !== HIGHLIGHT_NODE_NAME) this.queue.add(node);
      }
    }
    if (revealing && this.hidden.size > 0) this.scheduleHiddenCheck();
    if (this.queue.size > 0 && !this.running) void this.ensureRunning(this.backoffMs());
  }

  /** A page script rewrote a text node: drop our stale pieces of it, then look at it again. */
  private onTextChanged(text: Text): void {
    this.wrapping.dropFollowers(text);
    if (text.parentNode?.nodeName !== HIGHLIGHT_NODE_NAME) this.queue.add(text);
  }

  /** Hidden text may have been revealed: at most a few times a second, look again. */
  private scheduleHiddenCheck(): void {
    this.hiddenCheck ??= setTimeout(() => {
      this.hiddenCheck = null;
      for (const text of this.hidden) {
        const parent = composedParent(text);
        if (!text.isConnected || !parent) this.hidden.delete(text);
        else if (isVisible(parent)) {
          this.hidden.delete(text);
          this.queue.add(text);
        }
      }
      if (this.queue.size > 0) void this.ensureRunning();
    }, 250);
  }

  private async run(): Promise<void> {
    const start = performance.now();
    const stats: PassStats = { textNodes: 0, highlights: 0, busyMs: 0, wallMs: 0, longestSliceMs: 0 };
    // Custom elements met before may have got their shadow root since.
    if (this.following) this.shadowRoots.check();
    let sliceEnd = 0;
    const walk = { counts: stats, outOfTime: () => performance.now() >= sliceEnd };
    let walker = this.queuedTextNodes(walk);
    let done = false;
    while (!done && !this.signal.aborted) {
      const sliceStart = performance.now();
      sliceEnd = sliceStart + SLICE_BUDGET_MS;
      // The page's own changes so far are queued; the records of our wrapping are dropped.
      const pending = this.observer.takeRecords();
      if (pending.length) this.onMutations(pending);
      // Read first (text, mentions, visibility), then write: interleaving them would make the
      // browser recompute styles for every text node.
      const found: [Text, Mention[], number][] = [];
      for (;;) {
        const next = walker.next();
        if (next.done) {
          done = true;
          break;
        }
        if (next.value === null) break;
        const mentions = this.mentionsIn(next.value);
        if (mentions.length) found.push([next.value, mentions, this.orderedRun]);
        if (performance.now() >= sliceEnd) break;
      }
      const changedRoots = new Set<ShadowRoot>();
      for (const [node, mentions, run] of found) {
        stats.highlights += this.wrapping.wrap(node, mentions, run);
        const root = node.getRootNode();
        if (root instanceof ShadowRoot) changedRoots.add(root);
      }
      if (found.length) this.onChange?.(stats);
      for (const root of changedRoots) this.onShadowRootChange?.(root);
      if (done && this.queueRejected()) {
        walker = this.queuedTextNodes(walk);
        done = false;
      }
      if (done) this.firsts.repair();
      this.observer.takeRecords();
      const slice = performance.now() - sliceStart;
      stats.busyMs += slice;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, slice);
      if (!done) await yieldToPage();
    }
    this.blockTexts.clear();
    stats.wallMs = performance.now() - start;
    performance.measure(MEASURE_NAME, { start, end: performance.now(), detail: stats });
  }

  /** A pass that goes on after stop() (it was under way) follows no new shadow root. */
  private readonly meetHost = (host: Element) => {
    if (this.following) this.shadowRoots.meet(host);
  };

  /**
   * The text nodes of every queued root that may hold a mention (they pass the matcher's first
   * stage), including roots queued while the pass runs; null when `walk.outOfTime` asks for a pause.
   */
  private *queuedTextNodes(walk: Omit<WalkOptions, 'onHost' | 'test'>): Generator<Text | null> {
    const visited = new Set<Node>();
    while (this.queue.size > 0) {
      const roots = [...this.queue];
      this.queue.clear();
      for (const root of roots) {
        if (!root.isConnected || this.isInsideVisited(root, visited)) continue;
        visited.add(root);
        this.orderedRun++;
        // The matcher of now: the user's entries may have changed since the pass began.
        const regex = this.matcher.regex;
        const test = (text: string) => {
          if (text.length < 2) return false;
          regex.lastIndex = 0;
          return regex.test(text);
        };
        yield* highlightableTextNodes(root, { ...walk, onHost: this.meetHost, test });
      }
    }
  }

  /**
   * Queues the text rejected for want of evidence, with the pieces it was split into, when the
   * evidence grew since (evidence further down the page): the pass looks at it again at its end.
   */
  private queueRejected(): boolean {
    const nodes = this.evidence.takeRejected();
    for (const node of nodes) {
      this.queue.add(node);
      for (const piece of this.wrapping.textPiecesOf(node)) this.queue.add(piece);
    }
    return nodes.length > 0;
  }

  /** Whether a root was already walked in this pass, itself or as part of a larger one. */
  private isInsideVisited(node: Node, visited: Set<Node>): boolean {
    for (let n: Node | null = node; n; n = n.parentNode) if (visited.has(n)) return true;
    return false;
  }

  /** The mentions to highlight in one text node (a candidate): in prose, and none when it is hidden, for now. */
  private mentionsIn(node: Text): Mention[] {
    const text = node.data;
    const parent = composedParent(node);
    if (!parent) return [];
    const mentions = this.evidence.find(node, parent, (found) =>
      found.length && !isInAddressLink(parent) ? inProse(text, found) : [],
    );
    // Visibility last: it is the costliest check, and most candidates hold no mention.
    if (mentions.length && !isVisible(parent)) {
      this.hidden.add(node);
      return [];
    }
    return mentions;
  }
}
