/**
 * The highlighting figures per page: the built extension's first pass against the honest floor
 * (measured in the browser without an extension, on the same page), the tasks over 50 ms during
 * that pass, then incremental passes, category toggles and removal, and naive mark.js.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { glossary } from '../../glossary';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { FIRST_LOOK_MEASURE } from '../../page/first-look';
import type { PassStats } from '../../page/highlighter';
import { isSettled, SETTLED_MEASURES } from '../e2e/frame-state';
import { offlinePage, type Profile, type Profiles } from './browsers';
import { median } from './report';

const MARK_JS = resolve(import.meta.dirname, '../../node_modules/mark.js/dist/mark.min.js');
/** Loads of each page in each browser, interleaved. */
export const PAGE_LOADS = 5;
const HIGHLIGHT = 'palermo-lens:highlight';

/** Every name and acronym of the glossary, in both languages, as written there. */
export const glossaryTerms = [
  ...new Set(
    glossary.flatMap((e) => [...e.names.en, ...e.names.fr, ...e.acronyms.en, ...e.acronyms.fr].map((t) => t.text)),
  ),
];
/**
 * The floor's expression, made of none of our choices: every term escaped, longest first (so that
 * a longer name wins over its prefix), between Unicode letter-or-digit boundaries.
 */
export const floorSource = `(?<![\\p{L}\\p{N}])(?:${[...glossaryTerms]
  .sort((a, b) => b.length - a.length)
  .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|')})(?![\\p{L}\\p{N}])`;

/** Runs a function of in-page.js in the page, as written there. */
const IN_PAGE = readFileSync(resolve(import.meta.dirname, 'in-page.js'), 'utf8').replace(/^export /gm, '');
const inPage = <T>(page: Page, fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(`(() => { ${IN_PAGE}; return ${fn}(${JSON.stringify(arg ?? null)}); })()`) as Promise<T>;

interface Measure {
  start: number;
  duration: number;
  detail: PassStats;
}
const measures = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      performance.getEntriesByName(n).map((e) => ({
        start: e.startTime,
        duration: e.duration,
        detail: (e as PerformanceMeasure).detail,
      })),
    name,
  ) as Promise<Measure[]>;
async function nextMeasure(page: Page, name: string, after: number): Promise<Measure> {
  await page.waitForFunction(
    ([n, a]) => performance.getEntriesByName(n as string).length > (a as number),
    [name, after],
    {
      timeout: 120_000,
    },
  );
  return (await measures(page, name))[after] as Measure;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setSettings(ours: Profile, patch: Partial<Settings>) {
  const worker = ours.context.serviceWorkers()[0];
  if (!worker) throw new Error('the extension’s service worker is gone');
  await worker.evaluate(
    (s) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
      ).chrome.storage.sync.set({ settings: s }),
    { ...structuredClone(DEFAULT_SETTINGS), ...patch },
  );
}

/** The median and the worst of the loads. */
export interface Spread {
  median: number;
  worst: number;
}
const spread = (values: number[]): Spread => ({ median: median(values), worst: Math.max(...values) });

export interface Floor {
  /** Cold: the median over the loads of the first run on a freshly loaded page. */
  ms: number;
  warmMs: number;
  nodes: number;
  matches: number;
  chars: number;
}

export interface PassFigures {
  floor: Floor;
  /** Our first pass, median of the loads. */
  ours: PassStats;
  /**
   * Per load, the longest slice, the tasks over 50 ms that overlap the first pass and the longest
   * of both (a task holds a slice): median and worst of the loads.
   */
  longestSliceMs: Spread;
  longTasks: { count: Spread; longestMs: Spread };
  longestMs: Spread;
  /** The first batch of 50 paragraphs and the median of the next ones. */
  paragraphs: { first: number; next: number };
  /** Switching a category off then on (medians), with the highlights on the page then; null without a highlighter. */
  toggle: { off: number; on: number; highlights: number } | null;
  /** The first look: its busy time (median of the loads) and in how many loads it loaded the highlighter. */
  look: { ms: number; loaded: number };
  removeMs: number;
  naive?: { ms: number; marks: number };
}

/** The floor's figures on one fresh load of the page. */
async function floorOnce(none: Profile, url: string): Promise<Floor> {
  const page = await offlinePage(none);
  await page.goto(url, { waitUntil: 'load' });
  const floor = await inPage<Floor>(page, 'floorPass', { source: floorSource });
  await page.close();
  return floor;
}

async function naiveMarkJs(none: Profile, url: string) {
  const page = await offlinePage(none);
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ path: MARK_JS });
  const naive = await inPage<{ ms: number; marks: number }>(page, 'naiveMarkJs', glossaryTerms);
  await page.close();
  return naive;
}

/** Category toggles, each an off and an on; the median of each. */
export const TOGGLES = 3;
/** Batches of 50 paragraphs: the first, then the median of the others. */
export const BATCHES = 5;

/** What follows the first pass, on one loaded page: toggles, new paragraphs, then removal. */
async function afterFirstPass(page: Page, ours: Profile) {
  const highlights = await page.evaluate(() => document.querySelectorAll('[data-glossary-id]').length);
  const off: number[] = [];
  const on: number[] = [];
  // Where the first look found nothing, no highlighter is loaded and a toggle has nothing to do.
  const loaded = (await measures(page, HIGHLIGHT)).length > 0;
  for (let k = 0; loaded && k < TOGGLES; k++) {
    const restyles = (await measures(page, 'palermo-lens:restyle')).length;
    await setSettings(ours, {
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#8250df' } },
    });
    off.push((await nextMeasure(page, 'palermo-lens:restyle', restyles)).duration);
    await setSettings(ours, {});
    on.push((await nextMeasure(page, 'palermo-lens:restyle', restyles + 1)).duration);
  }
  const batches: number[] = [];
  for (let k = 0; k < BATCHES; k++) {
    const passes = (await measures(page, HIGHLIGHT)).length;
    await inPage(page, 'appendParagraphs');
    batches.push((await nextMeasure(page, HIGHLIGHT, passes)).detail.busyMs);
  }
  await setSettings(ours, { sites: ['127.0.0.1'] });
  const removeMs = (await nextMeasure(page, 'palermo-lens:remove', 0)).duration;
  await setSettings(ours, {});
  return {
    paragraphs: { first: batches[0] as number, next: median(batches.slice(1)) },
    toggle: loaded ? { off: median(off), on: median(on), highlights } : null,
    removeMs,
  };
}

/** A page's settled state: the first look's measure, and the first pass if it loaded the highlighter. */
async function settledMeasures(page: Page): Promise<{ look: Measure; pass: Measure | undefined }> {
  await page.waitForFunction(isSettled, SETTLED_MEASURES, { timeout: 120_000 });
  const [look] = await measures(page, FIRST_LOOK_MEASURE);
  const [pass] = await measures(page, HIGHLIGHT);
  if (!look) throw new Error('no first look');
  return { look, pass };
}

const NO_PASS: PassStats = { textNodes: 0, highlights: 0, busyMs: 0, wallMs: 0, longestSliceMs: 0 };

/**
 * Our first pass on one fresh load of the page, from the content script's first look to the end
 * of the highlighter's pass (when the look loaded it), with the tasks over 50 ms that overlap it.
 * Its busy time is the look's and the pass's: the look walks the page until its first candidate.
 */
async function oursOnce(page: Page, url: string) {
  await page.addInitScript(`(() => { ${IN_PAGE}; watchLongTasks(); })()`);
  await page.goto(url, { waitUntil: 'load' });
  const { look, pass } = await settledMeasures(page);
  await sleep(200); // the long-task observer reports after the task
  const end = pass ? pass.start + pass.duration : look.start + look.duration;
  const tasks = await inPage<{ start: number; duration: number }[]>(page, 'longTasksWithin', {
    start: look.start,
    end,
  });
  const passStats = pass?.detail ?? NO_PASS;
  const lookMs = (look.detail as unknown as { busyMs: number }).busyMs;
  const stats: PassStats = { ...passStats, busyMs: lookMs + passStats.busyMs };
  return { stats, lookMs, loaded: pass !== undefined, tasks };
}

export async function measurePage(profiles: Profiles, url: string, withNaive: boolean): Promise<PassFigures> {
  const floors: Floor[] = [];
  const loads: Awaited<ReturnType<typeof oursOnce>>[] = [];
  let after: Awaited<ReturnType<typeof afterFirstPass>> | undefined;
  // Interleaved, so that the machine's other work weighs on both alike.
  for (let k = 0; k < PAGE_LOADS; k++) {
    floors.push(await floorOnce(profiles.none, url));
    const page = await offlinePage(profiles.ours);
    loads.push(await oursOnce(page, url));
    if (k === PAGE_LOADS - 1) after = await afterFirstPass(page, profiles.ours);
    await page.close();
  }
  const naive = withNaive ? await naiveMarkJs(profiles.none, url) : undefined;
  const byBusy = loads.map((l) => l.stats).sort((a, b) => a.busyMs - b.busyMs);
  const longestTask = (l: (typeof loads)[number]) => Math.max(0, ...l.tasks.map((t) => t.duration));
  return {
    floor: {
      ...(floors[0] as Floor),
      ms: median(floors.map((f) => f.ms)),
      warmMs: median(floors.map((f) => f.warmMs)),
    },
    ours: byBusy[Math.floor(byBusy.length / 2)] as PassStats,
    look: { ms: median(loads.map((l) => l.lookMs)), loaded: loads.filter((l) => l.loaded).length },
    longestSliceMs: spread(loads.map((l) => l.stats.longestSliceMs)),
    longTasks: { count: spread(loads.map((l) => l.tasks.length)), longestMs: spread(loads.map(longestTask)) },
    longestMs: spread(loads.map((l) => Math.max(l.stats.longestSliceMs, longestTask(l)))),
    ...(after as Awaited<ReturnType<typeof afterFirstPass>>),
    naive,
  };
}
