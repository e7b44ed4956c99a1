/**
 * The PDF reader in Chromium (built extension): the source document made into a PDF here, with
 * names broken across lines, opened through the file input, gets the entries the demo page gets,
 * a name broken across lines is one mention, and the card opens on hover; each bad input shows its
 * message and leaves the document shown before; the popup's list and the keyboard path work on the
 * reader's tab.
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { axeViolations, openPopup, openTab, store, worker } from './extension-pages';
import { open, startHarness } from './harness';
import {
  brokenAcrossLines,
  damagedPdf,
  encryptedPdf,
  type MadePdf,
  notPdf,
  SOURCE_TEXT,
  scannedPdf,
  textPdf,
} from './pdf-files';
import { restPoint } from './pointer';
import { FIXTURES, startServer } from './server';

const h = startHarness();
const dir = mkdtempSync(join(tmpdir(), 'palermo-lens-reader-'));

/** GRETA's full name, which the source document's lines break at the default width. */
const BROKEN_NAME = 'Group of Experts on Action against Trafficking in Human Beings';

let made: MadePdf | undefined;
const sourcePdf = async () => {
  made ??= await textPdf(SOURCE_TEXT);
  return made;
};

const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function openReader(): Promise<{ page: Page; tabId: number; errors: Error[] }> {
  const { page, tabId } = await openTab(h.browser, `chrome-extension://${h.browser.extensionId}/reader.html`);
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.waitForSelector('input[type=file]', { state: 'attached' });
  return { page, tabId, errors };
}

/** Opens a file through the reader's file input and waits until every page's text is read. */
async function openFile(page: Page, path: string) {
  await page.setInputFiles('input[type=file]', path);
}

const readAll = (page: Page) =>
  page.waitForFunction(() => document.querySelector('.rd-side') && !document.querySelector('.rd-progress'));

interface Highlight {
  id: string;
  text: string;
  place: string | null;
  continued: boolean;
}

/** The highlights of every page, each page brought into view in turn (pages far from view are let go). */
async function highlightsOnAllPages(page: Page): Promise<Highlight[]> {
  const found: Highlight[] = [];
  const count = await page.locator('.rd-page').count();
  for (let n = 1; n <= count; n++) {
    const section = page.locator(`.rd-page[data-page="${n}"]`);
    await section.scrollIntoViewIfNeeded();
    await section.locator('.textLayer span').first().waitFor();
    found.push(
      ...(await section.locator('[data-glossary-id]').evaluateAll((els) =>
        els.map((el) => ({
          id: el.getAttribute('data-glossary-id') as string,
          text: el.textContent ?? '',
          place: el.getAttribute('data-pdf-mention'),
          continued: el.hasAttribute('data-glossary-continued'),
        })),
      )),
    );
  }
  return found;
}

describe('the PDF reader (Chromium, built extension)', () => {
  it('highlights the entries the demo page gets, a name broken across lines as one mention, with the card on hover', async () => {
    const pdf = await sourcePdf();
    expect(brokenAcrossLines(pdf.pages, BROKEN_NAME)).toBe(true);
    const demo = (await open(h, '/demo.html')).page;
    const onDemo = new Set(
      await demo.$$eval('[data-glossary-id]', (els) => els.map((el) => el.getAttribute('data-glossary-id') as string)),
    );
    await demo.close();

    const { page, errors } = await openReader();
    await openFile(page, file('source.pdf', pdf.bytes));
    await readAll(page);
    expect(await page.locator('.rd-count').textContent()).toBe(`of ${pdf.pages.length}`);
    const highlights = await highlightsOnAllPages(page);
    expect([...new Set(highlights.map((m) => m.id))].sort()).toEqual([...onDemo].sort());

    // The broken name: two highlights, the second marked as the first's continuation, same entry.
    const texts = highlights.filter((m) => m.id === 'greta' && m.place);
    const continued = texts.find((t) => t.continued);
    expect(continued, JSON.stringify(texts)).toBeDefined();
    const head = texts.find((t) => t.place === continued?.place && !t.continued);
    expect(`${head?.text} ${continued?.text}`).toBe(BROKEN_NAME);

    // The side list goes to a mention on a page let go since; the card opens on hover there.
    await page.locator('.rd-side [data-entry-id="unodc"] .rd-page-link').first().click();
    const mark = page.locator('[data-glossary-id="unodc"]').first();
    await mark.waitFor();
    const point = await restPoint(mark);
    await page.mouse.move(point.x, point.y);
    await page.waitForSelector('palermo-lens-card .pl-card');
    expect(
      await page.locator('palermo-lens-card .pl-card h2, palermo-lens-card .pl-card h3').first().textContent(),
    ).toMatch(/United Nations Office on Drugs and Crime|UNODC/);
    await page.keyboard.press('Escape');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what is wrong with a bad file, and leaves the document shown before', async () => {
    const pdf = await sourcePdf();
    const { page } = await openReader();
    await openFile(page, file('source.pdf', pdf.bytes));
    await readAll(page);
    const shown = await page.locator('.rd-page').count();
    const big = file('big.pdf', new Uint8Array(0));
    truncateSync(big, 101 * 1024 * 1024);
    const cases: [string, string, RegExp][] = [
      [file('notes.pdf', notPdf()), 'not-pdf', /not a PDF/],
      [file('damaged.pdf', damagedPdf()), 'damaged', /damaged/],
      [file('locked.pdf', await encryptedPdf()), 'encrypted', /password/],
      [big, 'too-big', /larger than 100 MB/],
    ];
    for (const [path, problem, message] of cases) {
      await openFile(page, path);
      const alert = page.locator(`.rd-problem[data-problem="${problem}"]`);
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(message);
      expect(await page.locator('.rd-page').count()).toBe(shown);
      expect(await page.locator('.rd-name').textContent()).toBe('source.pdf');
    }

    await openFile(page, file('scan.pdf', await scannedPdf()));
    const noText = page.locator('.rd-problem[data-problem="no-text"]');
    await noText.waitFor();
    expect(await noText.textContent()).toMatch(/no text layer/);
    await page.close();
  });

  it('answers the popup and the keyboard path in the reader’s tab', async () => {
    const pdf = await sourcePdf();
    const { page, tabId } = await openReader();
    await openFile(page, file('source.pdf', pdf.bytes));
    await readAll(page);
    const { popup, errors } = await openPopup(h.browser, tabId);
    const row = popup.locator('.pp-entries [data-entry-id="greta"]');
    await row.waitFor();
    // Mentions on pages not drawn yet count too: the popup has the document's count.
    const sideCount = await page.locator('.rd-side [data-entry-id="greta"]').count();
    expect(sideCount).toBe(1);
    await row.click();
    await page.waitForSelector('[data-glossary-id="greta"][data-glossary-flash]');
    expect(errors).toEqual([]);
    await popup.close();

    // The keyboard path, as the background relays a command: the next highlight, with its card.
    await page.bringToFront();
    await worker(h.browser).evaluate(async (id) => {
      type Tabs = { sendMessage(id: number, m: object, o: object): Promise<unknown> };
      await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.sendMessage(
        id,
        { type: 'step-mention', direction: 1 },
        { frameId: 0 },
      );
    }, tabId);
    await page.waitForSelector('palermo-lens-card .pl-card');
    await page.close();
  });

  it('opens the PDF of a tab from the popup, fetched from its address by the reader', async () => {
    file('report.pdf', (await sourcePdf()).bytes);
    const server = await startServer([dir]);
    const url = server.url('/report.pdf');
    // The tab shows the PDF in the browser's viewer, where no content script runs.
    const { page: tab, tabId } = await openTab(h.browser, url);
    const { popup, errors } = await openPopup(h.browser, tabId);
    const opened = h.browser.context.waitForEvent('page');
    await popup.locator('[data-testid="pdf"] button').click();
    const reader = await opened;
    expect(reader.url()).toBe(`chrome-extension://${h.browser.extensionId}/reader.html?src=${encodeURIComponent(url)}`);
    await reader.waitForSelector('.rd-page [data-glossary-id="greta"]');
    expect(await reader.locator('.rd-name').textContent()).toBe(url);
    expect(errors).toEqual([]);
    await Promise.all([reader.close(), tab.close(), popup.close()]);
    await server.close();
  });

  it('highlights the user’s own entries, and their card opens', async () => {
    const [entry] = JSON.parse(readFileSync(join(FIXTURES, 'custom/valid.json'), 'utf8')).entries;
    const mine = {
      ...entry,
      id: 'karlsruhe-forum',
      names: { en: [{ text: 'Karlsruhe Anti-Trafficking Forum' }], fr: [] },
      related: [],
    };
    await store(h.browser, 'local', { customEntries: [mine] });
    const { page } = await openReader();
    const pdf = await textPdf('In 2012 the Karlsruhe Anti-Trafficking Forum met the GRETA delegation.');
    await openFile(page, file('mine.pdf', pdf.bytes));
    const mark = page.locator('[data-glossary-id="karlsruhe-forum"]');
    await mark.waitFor();
    const point = await restPoint(mark);
    await page.mouse.move(point.x, point.y);
    const card = page.locator('palermo-lens-card .pl-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('Karlsruhe Anti-Trafficking Forum');
    await store(h.browser, 'local', { customEntries: [] });
    await page.close();
  });

  it('speaks French in a French browser, and stays axe-clean', async () => {
    const fr = await launchChromium({ locale: 'fr' });
    try {
      const page = await fr.context.newPage();
      await page.goto(`chrome-extension://${fr.extensionId}/reader.html`);
      await page.waitForSelector('input[type=file]', { state: 'attached' });
      expect(await page.locator('h1').textContent()).toBe('Lecteur PDF Palermo Lens');
      await page.setInputFiles('input[type=file]', file('notes.pdf', notPdf()));
      expect(await page.locator('.rd-problem[data-problem="not-pdf"]').textContent()).toBe(
        'Ce fichier n’est pas un PDF. Rien d’autre n’a changé.',
      );
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await fr.close();
    }
  });
});
