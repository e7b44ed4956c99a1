/**
 * What the highlighter decides without touching the page: the highlight contract's names, which
 * subtrees it never enters (code among them), which text is a term's context, and the nodes a text
 * node becomes once its mentions are wrapped. The highlighter (highlighter.ts) reads the page,
 * calls these and writes their result.
 */
import type { Mention } from '../glossary/matcher';
import { isAddress, looksLikeCode } from '../glossary/prose';

/** The element of every highlight. A custom tag: no page rule for `mark` or `span` reaches it. */
export const HIGHLIGHT_TAG = 'palermo-mark';
export const HIGHLIGHT_NODE_NAME = HIGHLIGHT_TAG.toUpperCase();
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

/** Whether an element or one of its ancestors is skipped. */
export function isInsideSkipped(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}

/** The text nodes under `root` that may be highlighted, skipping excluded subtrees whole. */
export function* highlightableTextNodes(root: Node): Generator<Text> {
  if (root.nodeType === Node.TEXT_NODE) {
    if (root.parentElement && !isInsideSkipped(root.parentElement)) yield root as Text;
    return;
  }
  if (!(root instanceof Element) || isInsideSkipped(root)) return;
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

/** The text of the block around `el`: what a term's context words must appear in. */
export const contextText = (el: Element): string => (el.closest(BLOCK_SELECTOR) ?? el).textContent ?? '';

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
