/**
 * `npm run bench`: measures the highlighter in headless Chromium on large pages (generated here,
 * plus ../shared/pages/*.html when that folder exists) and prints one table, each figure next to
 * its baseline measured in the same run. Writes the table to docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { glossary } from '../../glossary';
import { compileMatcher } from '../../glossary/matcher';
import { prepareMatcher } from '../../glossary/prepare-matcher';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { SKIPPED_TAGS } from '../../page/highlight-plan';
import type { PassStats } from '../../page/highlighter';
import { CHROME_BUILD, CHROMIUM, launchChromium } from '../e2e/chromium';
import { type Route, startServer } from '../e2e/server';
import { articlePage, densePage } from './pages';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED_PAGES = resolve(ROOT, '../shared/pages');
const MARK_JS = resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js');

const pages: { name: string; html: string }[] = [
  { name: 'generated article 1 MB', html: articlePage(1_000_000) },
  { name: 'generated dense app 2 MB', html: densePage(2_000_000) },
];
if (existsSync(SHARED_PAGES)) {
  for (const file of readdirSync(SHARED_PAGES)
    .filter((f) => f.endsWith('.html'))
    .sort())
    pages.push({ name: `shared/${basename(file)}`, html: readFileSync(resolve(SHARED_PAGES, file), 'utf8') });
}
const routes: Record<string, Route> = {
  '/empty.html': { body: '<!doctype html><html><head></head><body></body></html>' },
};
pages.forEach((p, i) => {
  routes[`/page-${i}.html`] = { body: p.html };
});

const source = prepareMatcher(glossary).source;
const nodeMatcher = compileMatcher(glossary);
/** Whether the page's text (tags, scripts and styles stripped, roughly) names a glossary entry. */
const namesEntries = (html: string) =>
  nodeMatcher.find(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' '),
  ).length > 0;
const allTerms = [
  ...new Set(
    glossary.flatMap((e) => [...e.names.en, ...e.names.fr, ...e.acronyms.en, ...e.acronyms.fr].map((t) => t.text)),
  ),
];

const server = await startServer([], routes);
const ext = await launchChromium();
const plain = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

/** Pages may reference the network, which this machine does not have: only loopback loads. */
async function offline(page: Page) {
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
}

type Measure = { duration: number; detail: Record<string, number> | null };
const measures = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      performance.getEntriesByName(n).map((e) => ({ duration: e.duration, detail: (e as PerformanceMeasure).detail })),
    name,
  ) as Promise<Measure[]>;
async function nextMeasure(page: Page, name: string, after: number, timeout = 120_000): Promise<Measure> {
  await page.waitForFunction(
    ([n, a]) => performance.getEntriesByName(n as string).length > (a as number),
    [name, after],
    {
      timeout,
    },
  );
  return (await measures(page, name))[after] as Measure;
}
async function setSettings(patch: Partial<Settings>) {
  const worker = ext.context.serviceWorkers()[0];
  const settings = { ...structuredClone(DEFAULT_SETTINGS), ...patch };
  await worker?.evaluate(
    (s) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
      ).chrome.storage.sync.set({
        settings: s,
      }),
    settings,
  );
}

/** Runs a function of in-page.js in the page, as written there. */
const IN_PAGE = readFileSync(resolve(import.meta.dirname, 'in-page.js'), 'utf8').replace(/^export /gm, '');
const inPage = <T>(page: Page, fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(`(() => { ${IN_PAGE}; return ${fn}(${JSON.stringify(arg ?? null)}); })()`) as Promise<T>;

const rows: string[][] = [];
const fmt = (n: number | undefined, digits = 1) => (n === undefined ? 'n/a' : n.toFixed(digits));
let smallest = 0;
pages.forEach((p, i) => {
  if (p.html.length < (pages[smallest] as { html: string }).html.length) smallest = i;
});
/**
 * A target: `value` against `limit` (`atMost`: lower is better; otherwise higher is). The run fails
 * when one is missed by more than NOISE_MARGIN of its limit: repeated runs on the two-core
 * machines vary by up to about a fifth, so a smaller miss is reported but not taken as a
 * regression.
 */
interface Check {
  target: string;
  value: number;
  limit: number;
  atMost: boolean;
  shown: string;
}
const NOISE_MARGIN = 0.25;
const met = (c: Check) => (c.atMost ? c.value <= c.limit : c.value >= c.limit);
const beyondNoise = (c: Check) =>
  c.atMost ? c.value > c.limit * (1 + NOISE_MARGIN) : c.value < c.limit * (1 - NOISE_MARGIN);
const checks: Check[] = [];
/** Pages that name glossary entries yet got no highlight: the benchmark measured nothing. */
const blind: string[] = [];

for (const [i, p] of pages.entries()) {
  const url = server.url(`/page-${i}.html`);
  process.stderr.write(`${p.name}…\n`);

  const base = await plain.newPage();
  await offline(base);
  await base.goto(url, { waitUntil: 'load' });
  const floor = await inPage<{ ms: number; warmMs: number; nodes: number; candidates: number; chars: number }>(
    base,
    'floorPass',
    {
      source,
      skipped: [...SKIPPED_TAGS],
    },
  );
  let naive: { ms: number; marks: number } | undefined;
  if (i === smallest) {
    await base.addScriptTag({ path: MARK_JS });
    naive = await inPage(base, 'naiveMarkJs', allTerms);
  }
  await base.close();

  // The first pass runs while the browser is still busy with the page: three loads, the median.
  const loads: PassStats[] = [];
  for (let k = 0; k < 3; k++) {
    const load = await ext.context.newPage();
    await offline(load);
    await load.goto(url, { waitUntil: 'load' });
    loads.push((await nextMeasure(load, 'palermo-lens:highlight', 0)).detail as unknown as PassStats);
    await load.close();
  }
  loads.sort((a, b) => a.busyMs - b.busyMs);
  const ours = { ...(loads[1] as PassStats), longestSliceMs: Math.max(...loads.map((l) => l.longestSliceMs)) };
  const page = await ext.context.newPage();
  await offline(page);
  await page.goto(url, { waitUntil: 'load' });
  await nextMeasure(page, 'palermo-lens:highlight', 0);
  const passes = (await measures(page, 'palermo-lens:highlight')).length;
  await inPage(page, 'appendParagraphs');
  const firstBatch = (await nextMeasure(page, 'palermo-lens:highlight', passes)).detail as unknown as PassStats;
  await inPage(page, 'appendParagraphs');
  const incremental = (await nextMeasure(page, 'palermo-lens:highlight', passes + 1)).detail as unknown as PassStats;
  const restyles = (await measures(page, 'palermo-lens:restyle')).length;
  await setSettings({ categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#8250df' } } });
  const toggleOff = await nextMeasure(page, 'palermo-lens:restyle', restyles);
  await setSettings({});
  const toggleOn = await nextMeasure(page, 'palermo-lens:restyle', restyles + 1);
  await setSettings({ sites: ['127.0.0.1'] });
  const removal = await nextMeasure(page, 'palermo-lens:remove', 0);
  await setSettings({});
  await page.close();

  const ratio = ours.busyMs / floor.ms;
  const speedup = naive ? naive.ms / ours.busyMs : undefined;
  rows.push([
    p.name,
    fmt(floor.chars / 1024, 0),
    String(floor.nodes),
    String(ours.highlights),
    `${fmt(floor.ms)} / ${fmt(floor.warmMs)}`,
    fmt(ours.busyMs),
    `${fmt(ratio, 2)}x / ${fmt(ours.busyMs / floor.warmMs, 2)}x`,
    fmt(ours.longestSliceMs),
    naive ? `${fmt(naive.ms, 0)} (${naive.marks})` : 'not run',
    speedup ? `${fmt(speedup, 0)}x` : '',
    `${fmt(firstBatch.busyMs)} / ${fmt(incremental.busyMs)}`,
    `${fmt(toggleOff.duration)} / ${fmt(toggleOn.duration)}`,
    fmt(removal.duration),
  ]);
  if (ours.highlights === 0 && namesEntries(p.html)) blind.push(p.name);
  const toggleMs = Math.max(toggleOff.duration, toggleOn.duration);
  checks.push(
    { target: `${p.name}: total ≤ 2.5x floor`, value: ratio, limit: 2.5, atMost: true, shown: `${fmt(ratio, 2)}x` },
    {
      target: `${p.name}: no slice over 50 ms`,
      value: ours.longestSliceMs,
      limit: 50,
      atMost: true,
      shown: `${fmt(ours.longestSliceMs)} ms`,
    },
    {
      target: `${p.name}: +50 paragraphs under 10 ms`,
      value: incremental.busyMs,
      limit: 10,
      atMost: true,
      shown: `${fmt(incremental.busyMs)} ms`,
    },
    {
      target: `${p.name}: category toggle under 16 ms`,
      value: toggleMs,
      limit: 16,
      atMost: true,
      shown: `${fmt(toggleMs)} ms`,
    },
  );
  if (speedup !== undefined)
    checks.push({
      target: `${p.name}: ≥ 30x faster than naive mark.js`,
      value: speedup,
      limit: 30,
      atMost: false,
      shown: `${fmt(speedup, 0)}x`,
    });
}

const startups: number[] = [];
for (let k = 0; k < 5; k++) {
  const page = await ext.context.newPage();
  await page.goto(server.url('/empty.html'));
  startups.push(((await nextMeasure(page, 'palermo-lens:startup', 0)).detail as { busyMs: number }).busyMs);
  await page.close();
}
const startup = startups.sort((a, b) => a - b)[2] as number;
checks.push({
  target: 'start-up on an empty page under 5 ms',
  value: startup,
  limit: 5,
  atMost: true,
  shown: `${fmt(startup, 2)} ms (median of 5)`,
});
const bundle = readFileSync(resolve(CHROME_BUILD, 'content-scripts/content.js'));

await ext.close();
await plain.close();
await server.close();

const header = [
  'page',
  'text (KB)',
  'text nodes',
  'highlights',
  'floor, cold / warm (ms)',
  'ours, total (ms)',
  'ours / floor, cold / warm',
  'longest slice (ms)',
  'naive mark.js (ms, matches)',
  'naive / ours',
  '+50 paragraphs, first / next (ms)',
  'category off / on (ms)',
  'remove all (ms)',
];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; ${chromiumVersion}; Node ${process.version}`;
const report = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.

Main-thread time in headless Chromium. *Floor*: one TreeWalker pass over the same text nodes with
the same combined expression, no DOM writes, in a page without the extension: *cold* is its first
run on the freshly loaded page (compiling the expression, as our first pass must), *warm* the
median of three more. The targets are checked against the cold floor, which faces what our first
pass faces; the ratio to the warm floor is shown too. *Ours*: the built
extension's first highlighting pass, the sum of its slices (\`palermo-lens:highlight\` measure),
including the first compilation of the per-word expressions (median of 3 loads; the longest slice
is the longest of the 3). *Naive mark.js*:
\`mark(allNames, { separateWordSearch: false, accuracy: 'exactly' })\` with the ${allTerms.length}
names and acronyms, on the smallest page only (it walks the page once per term). *+50
paragraphs*: the incremental pass after appending 50 paragraphs that name glossary entries, the first
time (it includes first-use costs on a page that had no highlight: compiling the expressions of
terms met for the first time, inserting the style sheet) and the next time. *Category off / on*: rewriting the
style sheet and the style recalculation it causes. *Remove all*: turning the extension off for
the site.

${table}

- Start-up on an empty page (main-thread time, without the wait for storage): ${fmt(startup, 2)} ms (median of 5).
- Content script bundle: ${fmt(bundle.length / 1024)} KB (${fmt(gzipSync(bundle).length / 1024)} KB gzipped).

## Targets

Why some are missed, and what the highlighter does about speed: [performance.md](performance.md).

${checks.map((c) => `- ${met(c) ? 'met' : '**missed**'}: ${c.target}: ${c.shown}`).join('\n')}

A miss by more than ${NOISE_MARGIN * 100}% of its limit (beyond this machine's run-to-run noise) makes
\`npm run bench\` exit with an error, and so does a page that names glossary entries but got no highlight.
`;
writeFileSync(resolve(ROOT, 'docs/benchmarks.md'), report);
console.log(report);
const regressions = checks.filter(beyondNoise);
for (const name of blind) console.error(`FAILED: ${name} names glossary entries but got no highlight`);
for (const c of regressions) console.error(`FAILED: ${c.target}: ${c.shown}, beyond the noise margin`);
if (blind.length || regressions.length) process.exitCode = 1;
