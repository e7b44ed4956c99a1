// Code the benchmark runs inside pages, kept as plain JavaScript so that it reaches the page as
// written (the TypeScript runner would otherwise add helpers the page does not have).

/**
 * The honest floor: one TreeWalker over the body's text nodes without a filter callback, and one
 * case-insensitive expression of every glossary name and acronym run on each of them, counting
 * matches, no writes. Cold: the first run on the freshly loaded page, creating and compiling the
 * expression, as our first pass must. Warm: the median of three more with the same expression.
 */
export function floorPass({ source }) {
  let re;
  function run() {
    const t0 = performance.now();
    re ??= new RegExp(source, 'giu');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let matches = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = n.data;
      nodes++;
      chars += data.length;
      re.lastIndex = 0;
      while (re.exec(data)) matches++;
    }
    return { ms: performance.now() - t0, nodes, matches, chars };
  }
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

/**
 * Run before the page's own scripts (an init script): records the main thread's tasks over 50 ms.
 * The main thread is shared by the page and the content scripts' worlds, so ours are seen too.
 */
export function watchLongTasks() {
  const tasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
}

/** The long tasks recorded since the page started that overlap [start, end]. */
export function longTasksWithin({ start, end }) {
  return (window.__benchLongTasks ?? []).filter((t) => t.start < end && t.start + t.duration > start);
}
