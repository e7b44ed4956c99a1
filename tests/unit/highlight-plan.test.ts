// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../glossary/matcher';
import { FirstMentions } from '../../page/first-mentions';
import {
  contextText,
  HIGHLIGHT_TAG,
  highlightableTextNodes,
  highlightPieces,
  isInAddressLink,
  isInsideSkipped,
  isSkipped,
  UI_ATTRIBUTE,
  type WalkOptions,
} from '../../page/highlight-plan';

// jsdom has no CSS.escape; the ids here need no escaping, but must go through it as in a browser.
beforeAll(() => {
  if (!globalThis.CSS?.escape) vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/["\\]/g, '\\$&') });
});
afterEach(() => {
  document.body.replaceChildren();
});

/** A fragment of page, in the body. Only test markup: nothing from a page is ever parsed so. */
function page(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

const texts = (root: Node, options?: WalkOptions) =>
  [...highlightableTextNodes(root, options)].map((t) => (t === null ? null : t.data));

describe('what the highlighter skips', () => {
  it('skips code, forms, scripts, editable text, hidden text, its own UI and its own highlights', () => {
    const skipped = [
      '<code>c</code>',
      '<kbd>k</kbd>',
      '<samp>s</samp>',
      '<pre><code>const x = 1;</code></pre>',
      '<pre class="language-js">UNODC</pre>',
      '<pre class="lang-py">UNODC</pre>',
      '<pre class="hljs">UNODC</pre>',
      '<pre class="prettyprint">UNODC</pre>',
      '<pre class="sourceCode r">UNODC</pre>',
      '<pre class="highlight">UNODC</pre>',
      '<pre data-lang="sh">UNODC</pre>',
      '<pre>const agency = "UNODC";\nif (agency) {\n  report(agency);\n}</pre>',
      '<textarea>t</textarea>',
      '<button>b</button>',
      '<script>s</script>',
      '<svg><text>v</text></svg>',
      '<div contenteditable>e</div>',
      '<div contenteditable="true">e</div>',
      '<div role="textbox">r</div>',
      '<div hidden>h</div>',
      '<div aria-hidden="true">a</div>',
      `<div ${UI_ATTRIBUTE}>u</div>`,
      `<${HIGHLIGHT_TAG}>m</${HIGHLIGHT_TAG}>`,
    ];
    for (const html of skipped) expect(isSkipped(page(html).firstElementChild as Element), html).toBe(true);
    const kept = [
      '<p>p</p>',
      '<div contenteditable="false">f</div>',
      '<div aria-hidden="false">a</div>',
      '<a>l</a>',
      // Prose in <pre>: a plain-text document (browsers show one as a <pre>), a poem, a report.
      '<pre>UNODC and GRETA\n\nThe Palermo Protocol, article 3 (a):\n"Trafficking in persons" shall mean…;</pre>',
      '<pre class="poem">The ILO is in Geneva,\n  and GRETA in Strasbourg.</pre>',
    ];
    for (const html of kept) expect(isSkipped(page(html).firstElementChild as Element), html).toBe(false);
  });

  it('walks the text nodes in document order, leaving skipped subtrees out whole', () => {
    const root = page('<p>one <b>two</b></p><code>no <i>never</i></code><div hidden><p>no</p></div><p>three</p>');
    expect(texts(root)).toEqual(['one ', 'two', 'three']);
  });

  it('checks only the text that passes the first test, and pauses when out of time without losing any', () => {
    const root = page(
      `<p>UNODC one</p><code>UNODC in code</code><p>two</p>${'<p>x</p>'.repeat(600)}<p>UNODC three</p><div hidden>UNODC</div>`,
    );
    const counts = { textNodes: 0 };
    const withName = { test: (text: string) => text.includes('UNODC'), counts };
    expect(texts(root, withName)).toEqual(['UNODC one', 'UNODC three']);
    // Every text node is walked, those in skipped subtrees too: only candidates are checked for them.
    expect(counts.textNodes).toBe(605);
    // Out of time every time it is asked: it pauses every few hundred nodes, and goes on.
    const paused = texts(root, { ...withName, outOfTime: () => true });
    expect(paused.filter((t) => t === null).length).toBeGreaterThanOrEqual(2);
    expect(paused.filter((t) => t !== null)).toEqual(['UNODC one', 'UNODC three']);
  });

  it('yields a text node root only outside skipped ancestors, and nothing under a skipped root', () => {
    const root = page('<p>yes</p><code><span>no</span></code>');
    const yes = root.querySelector('p')?.firstChild as Text;
    const no = root.querySelector('span')?.firstChild as Text;
    expect(texts(yes)).toEqual(['yes']);
    expect(texts(no)).toEqual([]);
    expect(texts(root.querySelector('span') as Element)).toEqual([]);
  });
});

describe('open shadow roots', () => {
  /** A host in the page with an open shadow root holding `html`. */
  function host(html: string, tag = 'x-card'): { host: Element; root: ShadowRoot } {
    const el = document.createElement(tag);
    const root = el.attachShadow({ mode: 'open' });
    root.innerHTML = html;
    page('').append(el);
    return { host: el, root };
  }

  it('are reported by the walk, which does not enter them; walked as roots, their text comes out', () => {
    const { host: el, root } = host('<p>in the shadow <b>root</b></p>');
    const light = page('<p>light</p><x-pending>slotted</x-pending><div>plain</div>');
    const hosts: Element[] = [];
    const walked = texts(document.body, { onHost: (h) => hosts.push(h) });
    expect(walked).toEqual(['light', 'slotted', 'plain']);
    // The host with a root, and a custom element that may get one (it is not defined yet).
    expect(hosts).toEqual([el, light.querySelector('x-pending')]);
    expect(texts(root)).toEqual(['in the shadow ', 'root']);
    // A host given as the root of a walk is reported too (a component inserted by script).
    const reported: Element[] = [];
    [...highlightableTextNodes(el, { onHost: (h) => reported.push(h) })];
    expect(reported).toEqual([el]);
  });

  it('are found on built-in elements with nothing of their own in the page, as widgets are', () => {
    const widget = host('<p>in a widget</p>', 'div').host;
    const hosts: Element[] = [];
    texts(document.body, { onHost: (h) => hosts.push(h) });
    expect(hosts).toEqual([widget]);
  });

  it('are skipped with their host, and a text node directly in a root is walked', () => {
    const { host: el, root } = host('<p>skipped</p>');
    el.setAttribute('aria-hidden', 'true');
    expect(texts(root)).toEqual([]);
    expect(isInsideSkipped(root.querySelector('p') as Element)).toBe(true);
    const direct = host('text directly in the root').root;
    expect(texts(direct)).toEqual(['text directly in the root']);
    expect(texts(direct.firstChild as Text)).toEqual(['text directly in the root']);
    const inCode = document.createElement('code');
    page('').append(inCode);
    const root2 = inCode.appendChild(document.createElement('x-in-code')).attachShadow({ mode: 'open' });
    root2.innerHTML = '<p>UNODC</p>';
    expect(texts(root2)).toEqual([]);
  });

  it('give a term its context from their block, or from the whole root without one', () => {
    const { root } = host('<p>The <b>IOM</b> and migration.</p><span>IOM</span> <i>migrants</i>');
    expect(contextText(root.querySelector('b') as Element)).toBe('The IOM and migration.');
    expect(contextText(root.querySelector('span') as Element)).toBe('The IOM and migration.IOM migrants');
  });
});

describe('links that show their address', () => {
  it('hold no mention, while a link with prose does', () => {
    const root = page(
      '<a href="https://www.ilo.org/forced-labour/"><span>https://www.ilo.org/</span><wbr><span>forced-labour/</span></a>' +
        '<a href="mailto:info@iom.int">info@iom.int</a><a href="https://www.ilo.org/">the ILO on forced labour</a>',
    );
    const [url, mail, prose] = [...root.querySelectorAll('a')] as unknown as [Element, Element, Element];
    expect(isInAddressLink(url.lastElementChild as Element)).toBe(true);
    expect(isInAddressLink(mail)).toBe(true);
    expect(isInAddressLink(prose)).toBe(false);
    expect(isInAddressLink(root)).toBe(false);
  });
});

describe('the context of a term', () => {
  it('is the text of the enclosing block, or of the element itself outside any block', () => {
    const root = page('<ul><li>The <b>IOM</b> works on <i>migration</i>.</li></ul><div><span>alone</span></div>');
    expect(contextText(root.querySelector('b') as Element)).toBe('The IOM works on migration.');
    // No block below the body but the body itself: the body is the last resort.
    expect(contextText(root.querySelector('span') as Element)).toBe(document.body.textContent);
    const detached = document.createElement('span');
    detached.textContent = 'detached';
    expect(contextText(detached)).toBe('detached');
  });
});

const mention = (id: string, start: number, end: number, inner: Mention[] = []): Mention => ({
  id,
  category: 'bodies',
  start,
  end,
  inner,
});

/** The pieces as readable strings: text as is, a highlight as [id|inner?: its pieces]. */
function show(nodes: readonly Node[]): string {
  return nodes
    .map((n) => {
      if (n.nodeType === Node.TEXT_NODE) return (n as Text).data;
      const el = n as Element;
      const inner = el.hasAttribute('data-glossary-inner') ? '|inner' : '';
      return `[${el.getAttribute('data-glossary-id')}${inner}: ${show([...el.childNodes])}]`;
    })
    .join('');
}

describe('what a text node becomes', () => {
  it('is the text before the first mention, then each mention wrapped, with the text between them', () => {
    const text = 'Both UNODC and GRETA reported.';
    const marks: HTMLElement[] = [];
    const nodes = highlightPieces(text, [mention('unodc', 5, 10), mention('greta', 15, 20)], marks);
    expect(show(nodes)).toBe('Both [unodc: UNODC] and [greta: GRETA] reported.');
    expect(nodes[0]?.nodeType).toBe(Node.TEXT_NODE);
    expect(nodes.map((n) => n.textContent).join('')).toBe(text);
    expect(marks.map((m) => m.getAttribute('data-glossary-id'))).toEqual(['unodc', 'greta']);
    for (const mark of marks) {
      expect(mark.tagName.toLowerCase()).toBe(HIGHLIGHT_TAG);
      expect(mark.getAttribute('data-glossary-category')).toBe('bodies');
      expect(mark.hasAttribute('data-glossary-inner')).toBe(false);
    }
  });

  it('starts with an empty text node when a mention opens the text (the original node keeps it)', () => {
    const nodes = highlightPieces('GRETA', [mention('greta', 0, 5)], []);
    expect(nodes).toHaveLength(2);
    expect((nodes[0] as Text).data).toBe('');
    expect(show(nodes)).toBe('[greta: GRETA]');
  });

  it('nests the mentions inside a mention, marked inner, outer highlight first', () => {
    const text = 'See the Optional Protocol on the sale of children now.';
    const start = text.indexOf('Optional');
    const end = text.indexOf(' now');
    const saleAt = text.indexOf('sale');
    const marks: HTMLElement[] = [];
    const nodes = highlightPieces(
      text,
      [mention('opsc', start, end, [mention('sale-of-children', saleAt, saleAt + 'sale of children'.length)])],
      marks,
    );
    expect(show(nodes)).toBe(
      'See the [opsc: Optional Protocol on the [sale-of-children|inner: sale of children]] now.',
    );
    expect(marks.map((m) => m.getAttribute('data-glossary-id'))).toEqual(['opsc', 'sale-of-children']);
    expect(nodes.map((n) => n.textContent).join('')).toBe(text);
  });

  it('puts no empty text node inside a highlight whose inner mention opens it', () => {
    const text = 'The Council of Europe Convention applies.';
    const start = text.indexOf('Council');
    const marks: HTMLElement[] = [];
    const nodes = highlightPieces(
      text,
      [mention('coe-convention', start, start + 28, [mention('council-of-europe', start, start + 17)])],
      marks,
    );
    expect(show(nodes)).toBe('The [coe-convention: [council-of-europe|inner: Council of Europe] Convention] applies.');
    expect([...(marks[0] as Element).childNodes].map((n) => n.nodeName)).toEqual([
      HIGHLIGHT_TAG.toUpperCase(),
      '#text',
    ]);
  });
});

describe('the first mention of each entry', () => {
  const marksOf = (root: Element) => [...root.querySelectorAll<HTMLElement>(HIGHLIGHT_TAG)];
  const firsts = (root: Element) =>
    marksOf(root).map((m) => (m.hasAttribute('data-glossary-first') ? m.getAttribute('data-glossary-id') : '-'));

  it('stays on the earliest highlight in document order, whatever order they arrive in', () => {
    const root = page(
      `<p><${HIGHLIGHT_TAG} data-glossary-id="a"></${HIGHLIGHT_TAG}><${HIGHLIGHT_TAG} data-glossary-id="b"></${HIGHLIGHT_TAG}></p>` +
        `<p><${HIGHLIGHT_TAG} data-glossary-id="a"></${HIGHLIGHT_TAG}><${HIGHLIGHT_TAG} data-glossary-id="a"></${HIGHLIGHT_TAG}></p>`,
    );
    const [a1, b, a2, a3] = marksOf(root) as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    const book = new FirstMentions(root);
    // A later mention first (highlights queued from a subtree added later), then earlier ones.
    book.note(a3, 'a');
    expect(firsts(root)).toEqual(['-', '-', '-', 'a']);
    book.note(a2, 'a');
    book.note(b, 'b');
    expect(firsts(root)).toEqual(['-', 'b', 'a', '-']);
    book.note(a1, 'a');
    expect(firsts(root)).toEqual(['a', 'b', '-', '-']);
    // A later one changes nothing; noting the first again keeps it.
    book.note(a3, 'a');
    book.note(a1, 'a');
    expect(firsts(root)).toEqual(['a', 'b', '-', '-']);
  });

  it('compares positions across ordered runs only: within one, highlights come in page order', () => {
    const mark = `<${HIGHLIGHT_TAG} data-glossary-id="a"></${HIGHLIGHT_TAG}>`;
    const root = page(`<p>${mark}</p><p>${mark}${mark}</p>`);
    const [a1, a2, a3] = marksOf(root) as [HTMLElement, HTMLElement, HTMLElement];
    const book = new FirstMentions(root);
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    for (const m of [a1, a2, a3]) book.note(m, 'a', 1);
    expect(compare).not.toHaveBeenCalled();
    expect(firsts(root)).toEqual(['a', '-', '-']);
    // Another run (a subtree the page added before them): compared, and first.
    const a0 = a1.cloneNode() as HTMLElement;
    root.prepend(a0);
    book.note(a0, 'a', 2);
    expect(compare).toHaveBeenCalled();
    expect(firsts(root)).toEqual(['a', '-', '-', '-']);
    expect(a0.hasAttribute('data-glossary-first')).toBe(true);
    compare.mockRestore();
  });

  it('passes to the next highlight of its entry when the page removes the first', () => {
    const root = page(
      `<p><${HIGHLIGHT_TAG} data-glossary-id="a"></${HIGHLIGHT_TAG}></p><p><${HIGHLIGHT_TAG} data-glossary-id="a"></${HIGHLIGHT_TAG}><${HIGHLIGHT_TAG} data-glossary-id="b"></${HIGHLIGHT_TAG}></p>`,
    );
    const [a1, a2, b] = marksOf(root) as [HTMLElement, HTMLElement, HTMLElement];
    const book = new FirstMentions(root);
    for (const [mark, id] of [
      [a1, 'a'],
      [a2, 'a'],
      [b, 'b'],
    ] as const)
      book.note(mark, id);
    a1.remove();
    b.remove();
    book.repair();
    expect(firsts(root)).toEqual(['a']);
    expect(a2.hasAttribute('data-glossary-first')).toBe(true);

    // A new highlight after the first's removal is compared with the highlight now first.
    a2.remove();
    const later = document.createElement(HIGHLIGHT_TAG);
    later.setAttribute('data-glossary-id', 'a');
    const earlier = later.cloneNode() as HTMLElement;
    root.append(earlier, later);
    book.note(later, 'a');
    expect(earlier.hasAttribute('data-glossary-first')).toBe(true);
    expect(later.hasAttribute('data-glossary-first')).toBe(false);

    // After clear(), the next highlight noted is first again (the page was cleared of them all).
    book.clear();
    const fresh = document.createElement(HIGHLIGHT_TAG);
    root.append(fresh);
    book.note(fresh, 'a');
    expect(fresh.hasAttribute('data-glossary-first')).toBe(true);
  });
});
