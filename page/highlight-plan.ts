/**
 * What the highlighter decides without touching the page: the highlight contract's names, which
 * subtrees it never enters (code among them), which text is a term's context, and the nodes a text
 * node becomes once its mentions are wrapped. The highlighter (highlighter.ts) reads the page,
 * calls these and writes their result. Open shadow roots are part of the page: the walk reports
 * the elements that have one, and skipping and context look through a shadow root to its host.
 */
import type { Mention } from '../glossary/matcher';
import { isAddress, looksLikeCode } from '../glossary/prose';

/** The element of every highlight. A custom tag: no page rule for `mark` or `span` reaches it. */
export const HIGHLIGHT_TAG = 'palermo-mark';
export const HIGHLIGHT_NODE_NAME = HIGHLIGHT_TAG.toUpperCase();
/** On a highlight that is switched off (highlight-style.ts): its category is off or its entry hidden. */
export const SWITCHED_OFF = 'data-glossary-off';
/** Marks the extension's own UI hosts, which are never highlighted. */
export const UI_ATTRIBUTE = 'data-palermo-lens-ui';

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
export function isInsideSkipped(el: Element): boolean {
  for (let e: Element | null = el; e; e = composedParent(e)) if (isSkipped(e)) return true;
  return false;
}

/** Whether an element has an open shadow root, or may get one: a custom element, before or after it is defined. */
const mayHostShadowRoot = (el: Element) => el.shadowRoot !== null || el.localName.includes('-');

/**
 * The text nodes under `root` (an element, a text node or an open shadow root) that may be
 * highlighted, skipping excluded subtrees whole. `onHost` is given each element walked through
 * that has, or may get, an open shadow root: the walk does not enter shadow roots, the
 * highlighter walks them as roots of their own. (That costs two property reads in the callback the
 * walk makes for every element anyway, no traversal of its own.)
 */
export function* highlightableTextNodes(root: Node, onHost?: (host: Element) => void): Generator<Text> {
  if (root.nodeType === Node.TEXT_NODE) {
    const parent = composedParent(root);
    if (parent && !isInsideSkipped(parent)) yield root as Text;
    return;
  }
  if (root instanceof ShadowRoot) {
    if (isInsideSkipped(root.host)) return;
  } else if (!(root instanceof Element) || isInsideSkipped(root)) return;
  else if (onHost && mayHostShadowRoot(root)) onHost(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      if (isSkipped(node as Element)) return NodeFilter.FILTER_REJECT;
      if (onHost && mayHostShadowRoot(node as Element)) onHost(node as Element);
      return NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Text;
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
    const mark = document.createElement(HIGHLIGHT_TAG);
    mark.setAttribute('data-glossary-id', mention.id);
    mark.setAttribute('data-glossary-category', mention.category);
    if (inner) mark.setAttribute('data-glossary-inner', '');
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
