/**
 * What being installed costs a page with nothing to highlight: the same pages loaded in the three
 * browsers, interleaved, read through CDP's Performance domain. Nothing is asked of the extension:
 * its whole cost (evaluating the bundle included) shows up in the renderer's metrics.
 */
import type { Page } from 'playwright-core';
import { FIRST_LOOK_MEASURE } from '../../page/first-look';
import { EMPTY_EXTENSION_MARK, type Profile, type Profiles } from './browsers';
import { plainArticle, withFrames } from './pages';
import { median } from './report';

export const LOADS = 9;
export const SETTLE_MS = 1200;
export const FRAMES = 20;

/** The figures read from one load. */
export interface Metrics {
  /** Main thread CPU time (CDP `ThreadTime`), ms. */
  cpu: number;
  /** Time spent in the main thread's tasks, wall clock (CDP `TaskDuration`), ms. */
  tasks: number;
  /** Time spent running JavaScript, every world (CDP `ScriptDuration`), ms. */
  script: number;
  /** JavaScript heap after a forced garbage collection (CDP `JSHeapUsedSize`), KB. */
  heap: number;
}
export const METRICS: { key: keyof Metrics; label: string }[] = [
  { key: 'cpu', label: 'main-thread CPU (ms)' },
  { key: 'tasks', label: 'task time, wall (ms)' },
  { key: 'script', label: 'script (ms)' },
  { key: 'heap', label: 'JS heap after GC (KB)' },
];

export interface StartupPage {
  name: string;
  path: string;
  frames: number;
}

const plain = plainArticle(100_000);
/** The routes the start-up pages need: the article alone, with frames, and without a body. */
export const startupRoutes = {
  '/plain.html': plain,
  '/framed.html': withFrames(plain, FRAMES, (k) => `/frame-${k}.html`),
  // The page takes its body away before the content scripts run: ours returns at once
  // (`if (!document.body) return`), so what it costs there is evaluating its bundle.
  '/bodiless.html': plain.replace('</body>', '<script>document.body.remove()</script></body>'),
  ...Object.fromEntries(Array.from({ length: FRAMES }, (_, k) => [`/frame-${k}.html`, plainArticle(4_000, 100 + k)])),
};
export const STARTUP_PAGES: StartupPage[] = [
  { name: `plain article (${Math.round(plain.length / 1024)} KB, no mention)`, path: '/plain.html', frames: 1 },
  { name: `the same with ${FRAMES} same-origin iframes`, path: '/framed.html', frames: FRAMES + 1 },
  { name: 'the same, body removed by the page: ours only evaluates its bundle', path: '/bodiless.html', frames: 1 },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** In how many of the page's frames `entry` (a mark or measure name) was recorded. */
async function framesWith(page: Page, entry: string): Promise<number> {
  const found = await Promise.all(
    page.frames().map((f) => f.evaluate((n) => performance.getEntriesByName(n).length > 0, entry).catch(() => false)),
  );
  return found.filter(Boolean).length;
}

async function loadOnce(profile: Profile, url: string, marker?: string): Promise<{ m: Metrics; ran?: number }> {
  const page = await profile.context.newPage();
  const cdp = await profile.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await sleep(SETTLE_MS);
  const read = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  // Times before the forced collection (it is not the page's work), the heap after it.
  const times = await read();
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await read();
  const ran = marker ? await framesWith(page, marker) : undefined;
  await page.close();
  return {
    m: {
      cpu: (times.ThreadTime ?? Number.NaN) * 1000,
      tasks: (times.TaskDuration ?? Number.NaN) * 1000,
      script: (times.ScriptDuration ?? Number.NaN) * 1000,
      heap: (heap.JSHeapUsedSize ?? Number.NaN) / 1024,
    },
    ran,
  };
}

export type Browser = 'none' | 'empty' | 'ours';
export const BROWSERS: Browser[] = ['none', 'empty', 'ours'];

export interface StartupResult {
  /** Medians by page path, then browser. */
  medians: Record<string, Record<Browser, Metrics>>;
  /** The fewest frames, over the loads, in which ours had finished its first pass. */
  oursFinished: Record<string, number>;
}

export async function measureStartup(profiles: Profiles, url: (path: string) => string): Promise<StartupResult> {
  // Which mark says that each extension ran in a frame; ours leaves none on the page without a body.
  const markers: Record<Browser, (page: StartupPage) => string | undefined> = {
    none: () => undefined,
    empty: () => EMPTY_EXTENSION_MARK,
    ours: (p) => (p.path === '/bodiless.html' ? undefined : FIRST_LOOK_MEASURE),
  };
  const samples: Record<string, Record<Browser, Metrics[]>> = {};
  const oursFinished: Record<string, number> = {};
  for (let k = 0; k < LOADS; k++) {
    process.stderr.write(`start-up, round ${k + 1} of ${LOADS}…\n`);
    // Interleaved, so that the machine's other work weighs on the three alike.
    for (const page of STARTUP_PAGES)
      for (const browser of BROWSERS) {
        const { m, ran } = await loadOnce(profiles[browser], url(page.path), markers[browser](page));
        samples[page.path] ??= { none: [], empty: [], ours: [] };
        samples[page.path]?.[browser].push(m);
        if (browser === 'empty' && ran === 0) throw new Error(`the empty extension did not run on ${page.path}`);
        if (browser === 'ours' && ran !== undefined)
          oursFinished[page.path] = Math.min(oursFinished[page.path] ?? page.frames, ran);
      }
  }
  const medians: StartupResult['medians'] = {};
  for (const [path, byBrowser] of Object.entries(samples))
    medians[path] = Object.fromEntries(
      BROWSERS.map((b) => [
        b,
        Object.fromEntries(
          METRICS.map(({ key }) => [key, median(byBrowser[b].map((m) => m[key]))]),
        ) as unknown as Metrics,
      ]),
    ) as Record<Browser, Metrics>;
  return { medians, oursFinished };
}
