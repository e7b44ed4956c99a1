// Code the benchmark runs inside pages, kept as plain JavaScript so that it reaches the page as
// written (the TypeScript runner would otherwise add helpers the page does not have).

/** The floor: one TreeWalker pass over the same text nodes and the same expression, no writes. */
export function floorPass({ source, skipped }) {
  const skip = new Set(skipped);
  const re = new RegExp(source, 'gu');
  function run() {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.nodeType === Node.TEXT_NODE
          ? NodeFilter.FILTER_ACCEPT
          : skip.has(n.nodeName.toUpperCase()) || n.isContentEditable
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP,
    });
    let nodes = 0;
    let candidates = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes++;
      chars += n.data.length;
      re.lastIndex = 0;
      if (re.test(n.data)) candidates++;
    }
    return { ms: performance.now() - t0, nodes, candidates, chars };
  }
  // Cold: the first run on a fresh page, compiling the expression, as our first pass does.
  // Warm: the median of three more, for reference.
  const cold = run();
  const runs = [run(), run(), run()].sort((a, b) => a.ms - b.ms);
  return { ...cold, warmMs: runs[1].ms };
}

/** The naive baseline: mark.js called with every name, as most highlighters do. */
export function naiveMarkJs(terms) {
  return new Promise((done) => {
    const t0 = performance.now();
    new window.Mark(document.body).mark(terms, {
      separateWordSearch: false,
      accuracy: 'exactly',
      done: (marks) => done({ ms: performance.now() - t0, marks }),
    });
  });
}

/** Appends 50 paragraphs that name glossary entries. */
export function appendParagraphs() {
  const host = document.querySelector('main, #app, body');
  for (let k = 0; k < 50; k++) {
    const el = document.createElement('p');
    el.textContent = `Update ${k}: the Council of Europe, UNODC and the International Labour Organization discussed forced labour.`;
    host.append(el);
  }
}
