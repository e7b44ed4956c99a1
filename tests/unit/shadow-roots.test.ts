// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FirstMentions } from '../../page/first-mentions';
import { HIGHLIGHT_TAG } from '../../page/highlight-plan';
import { precedes, queryAllInPage, ShadowRoots } from '../../page/shadow-roots';

beforeAll(() => {
  if (!globalThis.CSS?.escape) vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/["\\]/g, '\\$&') });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** Test markup only: nothing from a page is ever parsed so. */
function html(target: Element | ShadowRoot, markup: string): void {
  target.innerHTML = markup;
}

/** A page: "a", then a host whose root holds "b" and a nested host whose root holds "c", then "d". */
function nestedPage() {
  html(document.body, '<p id="a">a</p><x-outer></x-outer><p id="d">d</p>');
  const outer = (document.querySelector('x-outer') as Element).attachShadow({ mode: 'open' });
  html(outer, '<p id="b">b</p><x-inner></x-inner>');
  const inner = (outer.querySelector('x-inner') as Element).attachShadow({ mode: 'open' });
  html(inner, '<p id="c">c</p>');
  const [a, d] = [document.getElementById('a'), document.getElementById('d')] as [Element, Element];
  return { a, b: outer.getElementById('b') as Element, c: inner.getElementById('c') as Element, d, outer, inner };
}

describe('page order with shadow roots', () => {
  it('puts a shadow root’s content at its host’s place, nested roots included', () => {
    const { a, b, c, d } = nestedPage();
    const order = [a, b, c, d];
    for (const [i, x] of order.entries())
      for (const [j, y] of order.entries()) expect(precedes(x, y), `${x.id} before ${y.id}`).toBe(i < j);
    // A host comes before the content of its shadow root.
    expect(precedes(document.querySelector('x-outer') as Element, c)).toBe(true);
    expect(precedes(c, document.querySelector('x-outer') as Element)).toBe(false);
  });

  it('lists matches of the document and of the roots in page order, whatever order the roots come in', () => {
    const { outer, inner } = nestedPage();
    expect(queryAllInPage(document.body, [inner, outer], 'p').map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(queryAllInPage(document.body, [], 'p').map((p) => p.id)).toEqual(['a', 'd']);
  });

  it('keeps the first mention of an entry first across shadow roots', () => {
    const { a, c, outer, inner } = nestedPage();
    const mark = (where: Element) => {
      const m = document.createElement(HIGHLIGHT_TAG);
      m.setAttribute('data-glossary-id', 'greta');
      where.append(m);
      return m;
    };
    const inC = mark(c);
    const inA = mark(a);
    const book = new FirstMentions(document.body, () => [outer, inner]);
    book.note(inC, 'greta');
    expect(inC.hasAttribute('data-glossary-first')).toBe(true);
    book.note(inA, 'greta');
    expect([inA.hasAttribute('data-glossary-first'), inC.hasAttribute('data-glossary-first')]).toEqual([true, false]);
    // The first one removed: the one in the nested shadow root is found and becomes first.
    inA.remove();
    book.repair();
    expect(inC.hasAttribute('data-glossary-first')).toBe(true);
  });
});

/** Defines a custom element; `attach` says whether it attaches an open shadow root when constructed. */
function define(name: string, attach: boolean): void {
  customElements.define(
    name,
    class extends HTMLElement {
      constructor() {
        super();
        if (attach) this.attachShadow({ mode: 'open' });
      }
    },
  );
}

describe('finding shadow roots', () => {
  it('follows each root once, and a custom element’s root once it is defined', () => {
    vi.useFakeTimers();
    html(document.body, '<x-early></x-early><x-late></x-late><x-light></x-light>');
    define('x-light', false);
    const early = (document.querySelector('x-early') as Element).attachShadow({ mode: 'open' });
    const late = document.querySelector('x-late') as Element;
    const followed: ShadowRoot[] = [];
    const roots = new ShadowRoots((root) => followed.push(root));
    roots.meet(document.querySelector('x-early') as Element);
    roots.meet(document.querySelector('x-early') as Element);
    roots.meet(late);
    expect(followed).toEqual([early]);
    // A defined element without a root is no candidate: nothing else is pending.
    roots.meet(document.querySelector('x-light') as Element);
    // Defined later, the element gets its root (the observer sees nothing): the timer finds it.
    define('x-late', true);
    vi.advanceTimersByTime(250);
    expect(followed).toEqual([early, late.shadowRoot]);
    expect(vi.getTimerCount()).toBe(0);
    expect(roots.inPage()).toEqual([early, late.shadowRoot]);
    // A host taken out of the page: its root is forgotten (it is met again if put back).
    late.remove();
    expect(roots.inPage()).toEqual([early]);
  });

  it('checks candidates on a timer that backs off to every 4 s while some are undefined, and stops with the highlighter', () => {
    vi.useFakeTimers();
    html(document.body, '<x-slow></x-slow><x-never></x-never>');
    const slow = document.querySelector('x-slow') as Element;
    const followed: ShadowRoot[] = [];
    const roots = new ShadowRoots((root) => followed.push(root));
    roots.meet(slow);
    roots.meet(document.querySelector('x-never') as Element);
    // Checked after 250, 750, 1750, 3750 and 7750 ms, then every 4 s.
    vi.advanceTimersByTime(3750);
    define('x-slow', true);
    vi.advanceTimersByTime(3999);
    expect(followed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(followed).toEqual([slow.shadowRoot]);
    vi.advanceTimersByTime(60_000);
    expect(vi.getTimerCount()).toBe(1);
    // Defined without a root: dropped, and with no candidate left, no timer.
    define('x-never', false);
    vi.advanceTimersByTime(4000);
    expect(vi.getTimerCount()).toBe(0);
    // A new candidate starts the timer again, and a pass's check finds a root as the timer does.
    const fresh = document.body.appendChild(document.createElement('x-fresh'));
    roots.meet(fresh);
    expect(vi.getTimerCount()).toBe(1);
    define('x-fresh', true);
    roots.check();
    expect(followed).toEqual([slow.shadowRoot, fresh.shadowRoot]);
    // Stopped: nothing is checked any more, but the known roots stay known for their highlights.
    roots.meet(document.body.appendChild(document.createElement('x-other')));
    roots.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(roots.inPage()).toEqual([slow.shadowRoot, fresh.shadowRoot]);
    // After a stop, a root met again is followed again (the observer was disconnected).
    roots.meet(slow);
    expect(followed).toEqual([slow.shadowRoot, fresh.shadowRoot, slow.shadowRoot]);
    roots.forget();
    expect(roots.inPage()).toEqual([]);
  });
});
