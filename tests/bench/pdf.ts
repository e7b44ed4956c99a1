/**
 * The reader on a long PDF: a 300-page report made with pdf-lib (the source document over and
 * over), opened through the reader's file input in the built extension. Measured in the page: the
 * time from the file's choice to its first page drawn (canvas) and highlighted, to the whole text
 * read (the side list complete), and the tasks over 50 ms (`PerformanceObserver('longtask')`,
 * installed before the reader's scripts) while it opens and while the view scrolls through pages.
 * `tsx tests/bench/pdf.ts` runs it alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium';
import { SOURCE_TEXT, textPdf } from '../e2e/pdf-files';
import { median } from './report';

export const PDF_PAGES = 300;
export const PDF_LOADS = 3;
/** Pages scrolled through, a page's height at a time (with the wheel), each waited for until drawn. */
export const SCROLLED_PAGES = 20;

interface Tasks {
  count: number;
  longestMs: number;
}

export interface PdfFigures {
  pages: number;
  megabytes: number;
  firstPageMs: number;
  allTextMs: number;
  open: Tasks;
  scrolling: Tasks;
}

declare global {
  interface Window {
    palermoBench: { chosen: number; tasks: { start: number; end: number }[] };
  }
}

/** Installed before the reader's scripts: the long tasks, and when a file is chosen. */
const INIT = () => {
  window.palermoBench = { chosen: 0, tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.palermoBench.tasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'change',
    () => {
      window.palermoBench.chosen = performance.now();
    },
    { capture: true },
  );
};

const tasksBetween = (page: Page, from: number, to: number): Promise<Tasks> =>
  page.evaluate(
    ([a, b]) => {
      const tasks = window.palermoBench.tasks.filter((t) => t.end > a && t.start < b);
      return { count: tasks.length, longestMs: Math.max(0, ...tasks.map((t) => t.end - t.start)) };
    },
    [from, to] as const,
  );

async function oneLoad(page: Page, file: string): Promise<Omit<PdfFigures, 'pages' | 'megabytes'>> {
  await page.setInputFiles('input[type=file]', file);
  await page.waitForFunction(
    () => !!document.querySelector('.rd-page[data-page="1"][data-drawn] [data-glossary-id]'),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const firstPage = await page.evaluate(() => performance.now());
  await page.waitForFunction(
    () => !!document.querySelector('.rd-side') && !document.querySelector('.rd-progress'),
    undefined,
    {
      polling: 100,
      timeout: 120_000,
    },
  );
  const allText = await page.evaluate(() => performance.now());
  const chosen = await page.evaluate(() => window.palermoBench.chosen);
  const open = await tasksBetween(page, chosen, allText);
  const step = await page.evaluate(() => {
    const [a, b] = document.querySelectorAll<HTMLElement>('.rd-page');
    return (b?.offsetTop ?? 0) - (a?.offsetTop ?? 0);
  });
  const scrollStart = await page.evaluate(() => performance.now());
  for (let n = 2; n <= SCROLLED_PAGES; n++) {
    await page.mouse.wheel(0, step);
    await page.waitForFunction((p) => !!document.querySelector(`.rd-page[data-page="${p}"][data-drawn]`), n, {
      polling: 'raf',
      timeout: 30_000,
    });
  }
  const scrollEnd = await page.evaluate(() => performance.now());
  return {
    firstPageMs: firstPage - chosen,
    allTextMs: allText - chosen,
    open,
    scrolling: await tasksBetween(page, scrollStart, scrollEnd),
  };
}

export async function measureLargePdf(): Promise<PdfFigures> {
  const made = await textPdf(SOURCE_TEXT, { repeat: Math.ceil(PDF_PAGES / 2) + 1 });
  const dir = mkdtempSync(join(tmpdir(), 'palermo-lens-bench-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, made.bytes);
  const browser = await launchChromium();
  const loads: Omit<PdfFigures, 'pages' | 'megabytes'>[] = [];
  try {
    for (let i = 0; i < PDF_LOADS; i++) {
      const page = await browser.context.newPage();
      await page.addInitScript(INIT);
      await page.goto(`chrome-extension://${browser.extensionId}/reader.html`);
      await page.mouse.move(600, 400);
      loads.push(await oneLoad(page, file));
      await page.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const med = (pick: (l: (typeof loads)[number]) => number) => median(loads.map(pick));
  return {
    pages: made.pages.length,
    megabytes: made.bytes.length / 2 ** 20,
    firstPageMs: med((l) => l.firstPageMs),
    allTextMs: med((l) => l.allTextMs),
    open: { count: med((l) => l.open.count), longestMs: med((l) => l.open.longestMs) },
    scrolling: { count: med((l) => l.scrolling.count), longestMs: med((l) => l.scrolling.longestMs) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureLargePdf());
