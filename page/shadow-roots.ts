/**
 * The open shadow roots of the page (web components), which the highlighter treats as parts of
 * the page: a MutationObserver does not see inside a shadow root, and querySelectorAll does not
 * reach into one. How roots are found, without a traversal of the page of their own:
 * - the highlighter's walk reports the elements that have or may get one (highlight-plan.ts:
 *   every custom element, and built-in elements with a shadow root and no content of their own
 *   in the page's tree), in the page or in a subtree added later (a component inserted by script);
 * - a custom element met before it is defined is a candidate: defining it (its script loads
 *   later) gives it its root without any change the observer sees, so candidates are looked at
 *   again at the start of every pass (the page changed) and on a timer, 250 ms after a new one,
 *   then backing off to every 4 s while some are still undefined; once defined, a candidate is
 *   followed if it has a root and dropped either way;
 * - each root found is observed like the document and walked as a root of its own, so content
 *   filled in later, and components nested in it, are found the same way.
 * Closed shadow roots are out of reach (`shadowRoot` is null for them), and so is a root attached
 * later to an element already defined or built in (a `<div>`), until its host is inserted again.
 */
import { HIGHLIGHT_TAG } from './highlight-contract';

/** A custom element (a hyphen in its name), our highlights aside. */
const isCustomElement = (el: Element) => el.localName.includes('-') && el.localName !== HIGHLIGHT_TAG;

/** Whether an element has an open shadow root, or may get one: a custom element, before or after it is defined. */
export const mayHostShadowRoot = (el: Element) => el.shadowRoot !== null || isCustomElement(el);

/** The custom elements under a node, our own highlights aside. (`local-name(.)` is 3-4 times slower.) */
const CUSTOM_ELEMENTS = `.//*[contains(local-name(), '-') and local-name() != '${HIGHLIGHT_TAG}']`;

/**
 * The built-in elements that may host a shadow root (the others refuse `attachShadow`), with
 * nothing in the page's tree. `:empty` first: as fast as `:empty` alone (1.5 ms on 72,000
 * elements), where `:is(...)` first took 21 ms; and unlike `:empty` alone, it leaves out the
 * images, line breaks and inputs, each of which would get a wrapper in the extension's world
 * (593 elements against 29 on a large Wikipedia page).
 */
const EMPTY_BUILT_IN_HOSTS = `:empty:is(${[
  'article',
  'aside',
  'blockquote',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
].join()})`;

/** The custom elements under `element`, found by the browser alone; null if its XPath engine fails. */
function customElementsUnder(element: Element): Element[] | null {
  try {
    const found = document.evaluate(CUSTOM_ELEMENTS, element, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return Array.from({ length: found.snapshotLength }, (_, i) => found.snapshotItem(i) as Element);
  } catch {
    // An XPath engine that does not know `local-name()` without argument (jsdom's).
    return null;
  }
}

/**
 * The elements under `root` that have, or may get, an open shadow root. In the page's tree: every
 * custom element, and the built-in elements (a `<div>`) with a shadow root and nothing of their
 * own in the page's tree, as widgets are, found by two queries the browser answers alone: looking
 * at each element from the extension's world, which has wrappers of its own for the page's nodes,
 * cost 25-35 ms on a page of 72,000 elements, the two queries about 8 ms. So a built-in element
 * with a shadow root and content of its own in the page's tree at load is not found
 * (docs/performance.md). In a shadow root (which cannot be the context of an XPath expression, and
 * is small), each element is looked at.
 */
export function* shadowHostsUnder(root: Element | ShadowRoot): Generator<Element> {
  const custom = root instanceof Element ? customElementsUnder(root) : null;
  if (!custom) {
    for (const el of root.querySelectorAll('*')) if (mayHostShadowRoot(el)) yield el;
    return;
  }
  yield* custom;
  for (const el of root.querySelectorAll(EMPTY_BUILT_IN_HOSTS)) if (el.shadowRoot) yield el;
}

const FIRST_CHECK_MS = 250;
const MAX_CHECK_MS = 4000;

export class ShadowRoots {
  /** Every root that may hold highlights, until forget(). */
  private readonly known = new Set<ShadowRoot>();
  /** The roots being followed (observed) since the highlighter started. */
  private readonly followed = new Set<ShadowRoot>();
  private readonly candidates = new Set<Element>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `follow` observes a root newly found and queues it for a walk. */
  constructor(private readonly follow: (root: ShadowRoot) => void) {}

  /** An element the walk went through that has an open shadow root, or is a custom element. */
  meet(el: Element): void {
    const root = el.shadowRoot;
    if (root) this.found(root);
    else if (!this.candidates.has(el) && !el.matches(':defined')) {
      this.candidates.add(el);
      this.schedule(FIRST_CHECK_MS);
    }
  }

  /** Follows the roots that candidates got when they were defined. */
  check(): void {
    for (const el of this.candidates) {
      // A candidate taken out of the page is met again if it is put back.
      if (!el.isConnected) this.candidates.delete(el);
      else if (el.matches(':defined')) {
        this.candidates.delete(el);
        if (el.shadowRoot) this.found(el.shadowRoot);
      }
    }
  }

  /** The roots that may hold highlights, whose hosts are in the page (the others are forgotten). */
  inPage(): ShadowRoot[] {
    for (const root of this.known) if (!root.host.isConnected) this.known.delete(root);
    return [...this.known];
  }

  /** Stops following: no candidates, no timer. The roots stay known for their highlights. */
  stop(): void {
    this.followed.clear();
    this.candidates.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Forgets every root (their highlights were removed). */
  forget(): void {
    this.stop();
    this.known.clear();
  }

  private found(root: ShadowRoot): void {
    this.known.add(root);
    if (this.followed.has(root)) return;
    this.followed.add(root);
    this.follow(root);
  }

  /** Checks the candidates after `delay`, then less and less often while some are left. */
  private schedule(delay: number): void {
    // A new candidate is looked at soon, whatever the current delay.
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.check();
      if (this.candidates.size > 0) this.schedule(Math.min(delay * 2, MAX_CHECK_MS));
    }, delay);
  }
}

/** The chain from a node up through the hosts of the shadow roots it is in: [node, host, host's host…]. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) chain.push(root.host);
  return chain;
}

/**
 * Whether `a` comes before `b` in the page, shadow roots included: a shadow root's content counts
 * where its host is, before the host's own children. (compareDocumentPosition alone orders nodes
 * of different trees arbitrarily.)
 */
export function precedes(a: Node, b: Node): boolean {
  if (a === b) return false;
  const chainB = hostChain(b);
  for (const x of hostChain(a)) {
    const root = x.getRootNode();
    const y = chainB.find((n) => n.getRootNode() === root);
    if (!y) continue;
    // One is the host of the shadow root the other is in: the host comes first.
    if (x === y) return x === a;
    return (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }
  return false;
}

/**
 * The elements matching `selector` in the document (or the highlighter's root) and in the shadow
 * roots `roots`, in page order. The content of a shadow root is contiguous in that order, at its
 * host's place: each root's matches go in at once, outer roots before the roots nested in them.
 */
export function queryAllInPage<E extends Element>(
  scope: ParentNode,
  roots: readonly ShadowRoot[],
  selector: string,
): E[] {
  const all = [...scope.querySelectorAll<E>(selector)];
  const byDepth = roots.map((root) => [hostChain(root.host).length, root] as const).sort((a, b) => a[0] - b[0]);
  for (const [, root] of byDepth) {
    const group = [...root.querySelectorAll<E>(selector)];
    const first = group[0];
    if (!first) continue;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(all[mid] as E, first)) lo = mid + 1;
      else hi = mid;
    }
    all.splice(lo, 0, ...group);
  }
  return all;
}

/** The first element matching `selector` in the page order of `scope` and `roots`. */
export function queryFirstInPage<E extends Element>(
  scope: ParentNode,
  roots: readonly ShadowRoot[],
  selector: string,
): E | null {
  let first = scope.querySelector<E>(selector);
  for (const root of roots) {
    const candidate = root.querySelector<E>(selector);
    if (candidate && (!first || precedes(candidate, first))) first = candidate;
  }
  return first;
}
