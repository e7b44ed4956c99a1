/**
 * The content script's first look at a frame, which on most pages is all it does. It carries only
 * the words each term requires (`virtual:look-terms`, glossary/look-words.ts) and reads, in
 * slices, the words of the text: in the body, in the open shadow roots and in text added later.
 * Once the frame holds all the words of some term (a candidate), or at the first message from the
 * popup or a shortcut, it has the background put the highlighter's script (page/engine.ts) into
 * the frame, hands over to it, and stops looking. A page that names nothing costs, most often, one
 * reading of its text and a few native searches of it; a long one, a reading of each of its parts
 * (docs/performance.md). The user's own entries add their words, which the background finds from
 * what storage holds.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isLookTerms, LookIndex, type LookTerms } from '../glossary/look-index';
import type { BackgroundRequest } from '../lib/messages';
import { CUSTOM_ENTRIES_KEY, holdsNoEntries } from '../lib/stored-entries';
import { frameScriptExport } from './frame-script';
import { reportFailure } from './parts';
import { ShadowRoots, shadowHostsUnder } from './shadow-roots';
import { yieldToPage } from './yielding';

/** The isolated world's global through which engine.js hands over its start. */
export const ENGINE_GLOBAL = 'palermoLensEngine';
/** The first look's performance measure: its busy time until a candidate or the end of the page. */
export const FIRST_LOOK_MEASURE = 'palermo-lens:first-look';

/** The highlighter at work in a frame: it answers the popup's and the shortcuts' messages. */
export interface Engine {
  answer(message: unknown): Promise<unknown> | undefined;
}
/** What engine.js leaves: starts the highlighter. */
export type EngineFactory = (ctx: ContentScriptContext) => Engine;

const SLICE_MS = 8;
/** The longest text of a part of a page looked at whole: a longer one is looked at through its children. */
const WHOLE_TEXT_MAX = 200_000;
const NODES_PER_CHECK = 256;
/** A long part with at most this many element children: one of them may wrap the rest of its text. */
const FEW_CHILDREN = 16;
/** Text there is not prose: its words do not count (the highlighter skips more). */
const NOT_PROSE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA']);

/** The element child of `part` with the most elements under it, text that is not prose aside. */
function mostElementsUnder(part: Element | ShadowRoot): Element | null {
  let most: Element | null = null;
  let count = -1;
  for (let child = part.firstElementChild; child; child = child.nextElementSibling) {
    if (NOT_PROSE.has(child.nodeName)) continue;
    const under = child.getElementsByTagName('*').length;
    if (under > count) [most, count] = [child, under];
  }
  return most;
}

/** The first look's watch over the page. */
interface CandidateWatch {
  /** Looks at the whole page again (the index has more terms: the user's entries). */
  rescan(): void;
  stop(): void;
}

/**
 * Looks at the text of `body`, of the open shadow roots under it and of what is added later with
 * `index`, in slices of a few ms, and calls `found` at the first candidate; stops then, or when
 * `signal` aborts.
 */
export function watchForCandidates(
  body: HTMLElement,
  index: LookIndex,
  found: () => void,
  signal: AbortSignal,
): CandidateWatch {
  const done = new AbortController();
  const stop = () => done.abort();
  signal.addEventListener('abort', stop, { once: true, signal: done.signal });
  const roots: (HTMLElement | ShadowRoot)[] = [body];
  /** What is left to look at, from `next` on. */
  const queue: Node[] = [body];
  let next = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') queue.push(record.target);
      else for (const added of record.addedNodes) queue.push(added);
    }
    void look();
  });
  const observe = (root: Node) => observer.observe(root, { childList: true, subtree: true, characterData: true });
  // Custom elements defined later get their root without a change the observer sees (shadow-roots.ts).
  const shadowRoots = new ShadowRoots((root) => {
    roots.push(root);
    observe(root);
    queue.push(root);
    void look();
  });
  done.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      shadowRoots.stop();
      queue.length = 0;
    },
    { once: true },
  );
  observe(body);

  /** Text there is prose (its words count): checked only where a batch may hold a candidate. */
  const isProse = (node: Text) => !NOT_PROSE.has(node.parentNode?.nodeName ?? '');
  /** Texts are looked at in batches: one native search of a batch for the terms' anchors. */
  const batch: Text[] = [];
  const batchTexts: string[] = [];
  const addToBatch = (text: Text) => {
    // Most text nodes of a page are the white space between its tags, or a letter.
    const data = text.data;
    if (data.length <= 1) return;
    batch.push(text);
    batchTexts.push(data);
  };
  const batchHoldsCandidate = () => {
    const nodes = batch.splice(0);
    const texts = batchTexts.splice(0);
    return nodes.length > 0 && index.findCandidate(texts, (i) => isProse(nodes[i] as Text)) >= 0;
  };
  let looking = false;
  let measured = false;

  /**
   * The looks below are generators, synchronous until a slice is over: they yield then, and the
   * queue's loop gives the page its turn before it goes on with them. `busy` is the current
   * look's busy time so far, and since when it has been busy.
   */
  const busy = { ms: 0, since: 0 };
  const sliceIsOver = () => performance.now() - busy.since > SLICE_MS;
  /**
   * A part whose look the page cut short during a pause (it took out the node the look was at,
   * as pages that render themselves do): looked at again, whole, later, once (a page that keeps
   * doing so would keep the look busy; what it adds reaches the look through the observer). False,
   * for the look.
   */
  const lookedAgain = new WeakSet<Node>();
  const lookAgain = (part: Node) => {
    if (part.isConnected && !lookedAgain.has(part)) {
      lookedAgain.add(part);
      queue.push(part);
    }
    return false;
  };
  /** Walks the text nodes of `part` in batches; true at the first candidate. */
  function* walk(part: Node): Generator<void, boolean> {
    const texts = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let text = texts.nextNode() as Text | null; text; text = texts.nextNode() as Text | null) {
      addToBatch(text);
      if (++n % NODES_PER_CHECK !== 0) continue;
      if (batchHoldsCandidate()) return true;
      if (!sliceIsOver()) continue;
      yield;
      if (!texts.currentNode.isConnected) return lookAgain(part);
    }
    return batchHoldsCandidate();
  }
  /**
   * Looks at `part` whole where its text is not too long, and through its children where it is
   * (in the page's order, each child whole or through its own children in turn); true at the
   * first candidate. `known` is its text, or, for the wrapper of a long part, its length: what
   * its siblings leave of its parent's.
   */
  function* lookAtPart(
    part: Element | ShadowRoot,
    known: string | number = part.textContent ?? '',
  ): Generator<void, boolean> {
    // A length is trusted only to spare a reading: a short part is read and looked at whole.
    const whole = typeof known === 'number' && known <= WHOLE_TEXT_MAX ? (part.textContent ?? '') : known;
    if (typeof whole === 'string' && whole.length <= WHOLE_TEXT_MAX)
      return index.mayHoldCandidateWithin(whole) && (yield* walk(part));
    // A longer text holds some term's words somewhere on nearly every page; most of its parts do
    // not (the spec page of the benchmark: 1 KB of its 323 KB to walk, its look 31 -> 15 ms). Its
    // own texts are looked at in batches, its other children as parts, each read once. Among a
    // few children, the one with the most elements under it is most often the wrapper of nearly
    // all the text (five of them, one in another, on the large Wikipedia page): it is looked at
    // last, and its length is what its siblings leave, so that it is not read for nothing.
    const wrapper = part.childElementCount <= FEW_CHILDREN ? mostElementsUnder(part) : null;
    let left = typeof whole === 'string' ? whole.length : whole;
    let cut = false;
    const after = (child: Node) => {
      cut = child.parentNode !== part;
      return cut ? null : child.nextSibling;
    };
    for (let child = part.firstChild; child; child = after(child)) {
      if (child === wrapper) continue;
      if (child.nodeType === Node.TEXT_NODE) {
        left -= (child as Text).length;
        addToBatch(child as Text);
        if (batch.length < NODES_PER_CHECK) continue;
      } else if (child.nodeType === Node.ELEMENT_NODE && !NOT_PROSE.has(child.nodeName)) {
        const text = child.textContent ?? '';
        left -= text.length;
        if (yield* lookAtPart(child as Element, text)) return true;
      } else {
        // A script's or a style's text is read only for the wrapper's length (inline data can be large).
        if (wrapper && child.nodeType === Node.ELEMENT_NODE) left -= child.textContent?.length ?? 0;
        continue;
      }
      if (batchHoldsCandidate()) return true;
      if (sliceIsOver()) yield;
    }
    if (batchHoldsCandidate()) return true;
    if (cut) return lookAgain(part);
    return wrapper !== null && (yield* lookAtPart(wrapper, left));
  }

  /** Looks at what is queued; true at the first candidate. */
  function* lookAtQueue(): Generator<void, boolean> {
    for (; next < queue.length && !done.signal.aborted; next++) {
      const node = queue[next] as Node;
      if (node.nodeType === Node.TEXT_NODE) {
        if (isProse(node as Text) && index.holdsCandidate((node as Text).data)) return true;
        continue;
      }
      if (!(node instanceof Element || node instanceof ShadowRoot)) continue;
      if (yield* lookAtPart(node)) return true;
      // Its shadow roots after its own text: where that names something, the highlighter finds
      // them itself (the queries cost 11 ms on a page of 72,000 elements).
      if (node instanceof Element && node.shadowRoot) shadowRoots.meet(node);
      for (const host of shadowHostsUnder(node)) shadowRoots.meet(host);
      if (sliceIsOver()) yield;
    }
    queue.length = next = 0;
    return false;
  }

  /** Runs the look at the queue, giving the page its turn at the end of each slice; true at the first candidate. */
  async function runLook(): Promise<boolean> {
    const steps = lookAtQueue();
    let step = steps.next();
    while (!step.done) {
      busy.ms += performance.now() - busy.since;
      await yieldToPage();
      if (done.signal.aborted) return false;
      busy.since = performance.now();
      step = steps.next();
    }
    return step.value;
  }

  async function look(): Promise<void> {
    if (looking || done.signal.aborted) return;
    looking = true;
    const start = performance.now();
    busy.ms = 0;
    busy.since = start;
    const candidate = await runLook();
    looking = false;
    if (!candidate) index.release();
    if (!measured) {
      measured = true;
      busy.ms += performance.now() - busy.since;
      performance.measure(FIRST_LOOK_MEASURE, {
        start,
        end: performance.now(),
        detail: { busyMs: busy.ms, candidate },
      });
    }
    if (!candidate) return;
    stop();
    found();
  }

  void look();
  return {
    rescan() {
      queue.push(...roots.filter((root) => (root instanceof ShadowRoot ? root.host : root).isConnected));
      void look();
    },
    stop,
  };
}

/** Starts the first look in this frame (the content script's `main`). */
export function startFirstLook(ctx: ContentScriptContext, builtInTerms: LookTerms): void {
  let engine: Promise<Engine | undefined> | undefined;
  const loadEngine = () => {
    watch.stop();
    engine ??= frameScriptExport<EngineFactory>(ENGINE_GLOBAL, { type: 'load-engine' }, 'the highlighter script')
      .then((start) => (ctx.isValid ? start(ctx) : undefined))
      .catch((error: unknown) => {
        reportFailure('highlighting', error);
        return undefined;
      });
    return engine;
  };
  // Only the popup and the background (shortcuts) send to a tab's content script. The answer goes
  // through sendResponse: here `browser` is the browser's own API, without the polyfill
  // (wxt.config.ts), and Chromium's does not take a promise from a listener.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    void loadEngine()
      .then((loaded) => loaded?.answer(message))
      .then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  const index = new LookIndex(builtInTerms);
  const watch = watchForCandidates(document.body, index, () => void loadEngine(), ctx.signal);

  /**
   * The words the user's entries require, from what storage holds (the background checks it),
   * added to the index. (Entries removed meanwhile leave theirs: at worst the highlighter loads
   * and finds nothing.)
   */
  const takeCustom = async (value: unknown) => {
    if (engine || holdsNoEntries(value)) return;
    const request: BackgroundRequest = { type: 'custom-look-terms', value };
    const terms = ((await browser.runtime.sendMessage(request)) as { terms?: unknown } | undefined)?.terms;
    if (!isLookTerms(terms)) throw new Error('the background did not answer');
    index.addTerms(terms);
    watch.rescan();
  };
  // Once the highlighter has taken over, it reads them and says what fails.
  const fail = (error: unknown) => {
    if (!engine) reportFailure('your own entries', error);
  };
  browser.storage.local
    .get(CUSTOM_ENTRIES_KEY)
    .then((stored) => takeCustom(stored[CUSTOM_ENTRIES_KEY]))
    .catch(fail);
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CUSTOM_ENTRIES_KEY in changes)
      takeCustom(changes[CUSTOM_ENTRIES_KEY]?.newValue).catch(fail);
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
}
