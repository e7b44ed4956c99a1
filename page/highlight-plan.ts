/**
 * What the highlighter decides without touching the page: the highlight contract's names, which
 * subtrees it never enters (code among them), which text is a term's context, and the nodes a text
 * node becomes once its mentions are wrapped. The highlighter (highlighter.ts) reads the page,
 * calls these and writes their result. Open shadow roots are part of the page: the walk reports
 * the elements that have one, and skipping and context look through a shadow root to its host.
 */
import type { Mention } from '../glossary/matcher';
import { isAddress, looksLikeCode } from '../glossary/prose';

import { HIGHLIGHT_NODE_NAME, HIGHLIGHT_TAG, UI_ATTRIBUTE } from './highlight-contract';
import { mayHostShadowRoot, shadowHostsUnder } from './shadow-roots';

export { HIGHLIGHT_NODE_NAME, HIGHLIGHT_TAG, SWITCHED_OFF, UI_ATTRIBUTE } from './highlight-contract';

export const SKIPPED_TAGS = new Set([
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

/** Classes and attributes that syntax highlighters and code blocks put on a `<pre>`. */
const CODE_CLASS =
  /(?:^|\s)(?:lang(?:uage)?-|hljs|highlight|prettyprint|sourceCode|brush:|code|syntax|prism|shiki|chroma|rouge)/i;
/** Enough of a `<pre>` to tell code from prose. */
const PRE_SAMPLE_CHARS = 2000;

/**
 * Whether a `<pre>` holds code: a code block's class (language-js, hljs, prettyprint…) or
 * `data-lang`, a `<code>` inside it, or text that looks like code (glossary/prose.ts: its lines
 * show signs of code). Prose in `<pre>` (a plain-text document, which browsers show as one `<pre>`,
 * a poem, a report) is highlighted.
 */
function isCodeBlock(pre: Element): boolean {
  if (
    CODE_CLASS.test(pre.getAttribute('class') ?? '') ||
    pre.hasAttribute('data-lang') ||
    pre.hasAttribute('data-language')
  )
    return true;
  if (pre.querySelector('code')) return true;
  const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  let sample = '';
  for (let n = walker.nextNode(); n && sample.length < PRE_SAMPLE_CHARS; n = walker.nextNode())
    sample += (n as Text).data.slice(0, PRE_SAMPLE_CHARS - sample.length);
  return looksLikeCode(sample);
}

/** Whether an element's subtree is never highlighted. */
export function isSkipped(el: Element): boolean {
  const name = el.nodeName.toUpperCase();
  return (
    SKIPPED_TAGS.has(name) ||
    (name === 'PRE' && isCodeBlock(el)) ||
    el.hasAttribute(UI_ATTRIBUTE) ||
    // The attribute, not isContentEditable: that one needs styles, which our writes invalidate.
    (el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false') ||
    el.getAttribute('role') === 'textbox' ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true'
  );
}

/** The parent element of a node, or the host of the shadow root it is a child of. */
export function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/** Whether an element or one of its ancestors (through shadow roots to their hosts) is skipped. */
export function isInsideSkipped(el: Element, known?: Map<Element, boolean>): boolean {
  // The elements climbed through before one whose answer is known; each is answered on the way down.
  const climbed: Element[] = [];
  let inside = false;
  for (let e: Element | null = el; e; e = composedParent(e)) {
    const answer = known?.get(e);
    if (answer !== undefined) {
      inside = answer;
      break;
    }
    climbed.push(e);
  }
  for (let i = climbed.length - 1; i >= 0; i--) {
    const e = climbed[i] as Element;
    inside ||= isSkipped(e);
    known?.set(e, inside);
  }
  return inside;
}

export interface WalkOptions {
  /**
   * Given each element in the walked subtree that has, or may get, an open shadow root (outside
   * skipped subtrees; `shadowHostsUnder` says which are looked for): the walk does not enter
   * shadow roots, the highlighter walks them as roots.
   */
  onHost?: (host: Element) => void;
  /** A cheap first test of a text node's text: only the nodes that pass it are checked further. */
  test?: (text: string) => boolean;
  /** Asked every few hundred nodes: when it says so, the walk yields null, and goes on when resumed. */
  outOfTime?: () => boolean;
  /** Counts the text nodes walked. */
  counts?: { textNodes: number };
}

/** Nodes walked between two questions to `outOfTime`. */
const NODES_PER_CHECK = 256;

/**
 * The text nodes under `root` (an element, a text node or an open shadow root) that may be
 * highlighted and pass `test`, in document order, and null whenever `outOfTime` asks for a pause.
 * A walk of the text nodes alone with no callback from the browser: one per node, to skip
 * subtrees, cost more than all the rest (docs/performance.md). So the cheap test comes first, and
 * only the text that passes it is checked for skipped ancestors (each ancestor answered once per
 * walk).
 */
export function* highlightableTextNodes(root: Node, options: WalkOptions = {}): Generator<Text | null> {
  const { onHost, test, outOfTime, counts } = options;
  const known = new Map<Element, boolean>();
  if (root.nodeType === Node.TEXT_NODE) {
    const parent = composedParent(root);
    if (counts) counts.textNodes++;
    if (parent && (!test || test((root as Text).data)) && !isInsideSkipped(parent, known)) yield root as Text;
    return;
  }
  if (root instanceof ShadowRoot) {
    if (isInsideSkipped(root.host, known)) return;
  } else if (!(root instanceof Element) || isInsideSkipped(root, known)) return;
  if (onHost) {
    if (root instanceof Element && mayHostShadowRoot(root)) onHost(root);
    for (const host of shadowHostsUnder(root)) if (!isInsideSkipped(host, known)) onHost(host);
    if (outOfTime?.()) yield null;
  }
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let node = texts.nextNode() as Text | null; node; node = texts.nextNode() as Text | null) {
    n++;
    if ((!test || test(node.data)) && !isInsideSkipped(composedParent(node) as Element, known)) yield node;
    else if (n % NODES_PER_CHECK === 0 && outOfTime?.()) yield null;
  }
  if (counts) counts.textNodes += n;
}

/**
 * The block around `el` (its paragraph): what a term's context words must appear in. In a shadow
 * root without a block, the shadow root.
 */
export function contextBlock(el: Element): Element | ShadowRoot {
  const block = el.closest(BLOCK_SELECTOR);
  if (block) return block;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root : el;
}

/** The text of the block around `el`. */
export const contextText = (el: Element): string => contextBlock(el).textContent ?? '';

/** Whether `el` is in a link whose text is an address (a link that shows its URL): no mention there. */
export function isInAddressLink(el: Element): boolean {
  const link = el.closest('a');
  return link !== null && isAddress(link.textContent ?? '');
}

/**
 * An empty highlight of each entry, category and nesting, cloned for each new one: one call into
 * the page's DOM from the extension's world instead of three or four (createElement and each
 * attribute), which a pass makes thousands of times on a large page.
 */
const markPrototypes = new Map<string, HTMLElement>();
function newMark({ id, category }: Mention, inner: boolean): HTMLElement {
  const key = `${id}\n${category}\n${inner}`;
  let prototype = markPrototypes.get(key);
  if (!prototype) {
    prototype = document.createElement(HIGHLIGHT_TAG);
    prototype.setAttribute('data-glossary-id', id);
    prototype.setAttribute('data-glossary-category', category);
    if (inner) prototype.setAttribute('data-glossary-inner', '');
    markPrototypes.set(key, prototype);
  }
  return prototype.cloneNode(false) as HTMLElement;
}

/**
 * `text` (which starts at `offset` in its text node) as a text node for what comes before the
 * first mention, then a highlight for each mention (with those nested in it) and the text between
 * them. Every highlight made is pushed onto `marks`, outer ones before the ones inside them.
 */
export function highlightPieces(
  text: string,
  mentions: readonly Mention[],
  marks: HTMLElement[],
  offset = 0,
  inner = false,
): Node[] {
  const out: Node[] = [document.createTextNode(text.slice(0, (mentions[0]?.start ?? offset) - offset))];
  for (const [i, mention] of mentions.entries()) {
    const mark = newMark(mention, inner);
    marks.push(mark);
    const name = text.slice(mention.start - offset, mention.end - offset);
    if (mention.inner.length)
      mark.append(...highlightPieces(name, mention.inner, marks, mention.start, true).filter((n) => n.textContent));
    else mark.textContent = name;
    out.push(mark);
    const after = text.slice(mention.end - offset, (mentions[i + 1]?.start ?? offset + text.length) - offset);
    if (after) out.push(document.createTextNode(after));
  }
  return out;
}
