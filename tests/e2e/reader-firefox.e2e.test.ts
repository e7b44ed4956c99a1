/**
 * The PDF reader in Firefox ESR (built extension): the source document made into a PDF here,
 * opened through the reader's file input, gets the entries the demo page gets, with a name broken
 * across lines as one mention, and the card on hover; each bad input shows its message; the
 * popup's list works on the reader's tab. Extension pages are read through plain evaluations
 * (firefox.ts says why).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxWithExtension, launchFirefox, openExtensionPage } from './firefox';
import { brokenAcrossLines, damagedPdf, encryptedPdf, notPdf, SOURCE_TEXT, scannedPdf, textPdf } from './pdf-files';
import { FIXTURES, type StaticServer, startServer } from './server';

let ff: FirefoxWithExtension;
let server: StaticServer;
beforeAll(async () => {
  server = await startServer([FIXTURES]);
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const BROKEN_NAME = 'Group of Experts on Action against Trafficking in Human Beings';

/** Waits until an expression is true in the page. */
async function until(page: Page, expression: string, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await page.evaluate(expression).catch(() => false)) !== true) {
    if (Date.now() > deadline) throw new Error(`still false after ${timeout} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Puts a file into the reader's file input, as choosing it in the file dialog does. */
const chooseFile = (page: Page, name: string, bytes: Uint8Array) =>
  page.evaluate(`(() => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(Buffer.from(bytes).toString('base64'))}), (c) => c.charCodeAt(0));
    const input = document.querySelector('input[type=file]');
    const files = new DataTransfer();
    files.items.add(new File([bytes], ${JSON.stringify(name)}, { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);

const readAll = (page: Page) =>
  until(page, "!!document.querySelector('.rd-side') && !document.querySelector('.rd-progress')");

describe('the PDF reader (Firefox ESR, built extension)', () => {
  it('highlights the entries the demo page gets, a broken name as one mention, the card on hover; bad files get their message', async () => {
    const pdf = await textPdf(SOURCE_TEXT);
    expect(brokenAcrossLines(pdf.pages, BROKEN_NAME)).toBe(true);
    const demo = await ff.browser.newPage();
    await demo.goto(server.url('/demo.html'));
    await demo.waitForFunction(() => performance.getEntriesByName('palermo-lens:highlight').length > 0, {
      timeout: 15_000,
    });
    const onDemo = await demo.$$eval('[data-glossary-id]', (els) => [
      ...new Set(els.map((el) => el.getAttribute('data-glossary-id') as string)),
    ]);
    await demo.close();

    const page = await openExtensionPage(ff, '/reader.html', 'input[type=file]');
    await chooseFile(page, 'source.pdf', pdf.bytes);
    await readAll(page);
    const found = new Set<string>();
    const parts: { id: string; text: string; place: string; continued: boolean }[] = [];
    for (let n = 1; n <= pdf.pages.length; n++) {
      const section = `.rd-page[data-page="${n}"]`;
      await page.evaluate(`document.querySelector('${section}').scrollIntoView()`);
      await until(page, `!!document.querySelector('${section} .textLayer span')`);
      const marks = JSON.parse(
        (await page.evaluate(`JSON.stringify([...document.querySelectorAll('${section} [data-glossary-id]')].map((el) => ({
          id: el.getAttribute('data-glossary-id'), text: el.textContent,
          place: el.getAttribute('data-pdf-mention'), continued: el.hasAttribute('data-glossary-continued') })))`)) as string,
      ) as typeof parts;
      for (const mark of marks) found.add(mark.id);
      parts.push(...marks.filter((m) => m.id === 'greta' && m.place));
    }
    expect([...found].sort()).toEqual([...onDemo].sort());
    const continued = parts.find((p) => p.continued);
    const head = parts.find((p) => p.place === continued?.place && !p.continued);
    expect(`${head?.text} ${continued?.text}`).toBe(BROKEN_NAME);

    // The card: the pointer rests on a highlight.
    await page.evaluate(`document.querySelector('.rd-side [data-entry-id="unodc"] .rd-page-link').click()`);
    await until(page, `!!document.querySelector('[data-glossary-id="unodc"]')`);
    const point = JSON.parse(
      (await page.evaluate(`(() => {
        const el = document.querySelector('[data-glossary-id="unodc"]');
        el.scrollIntoView({ block: 'center' });
        const r = el.getClientRects()[0];
        return JSON.stringify({ x: r.x + Math.min(4, r.width / 2), y: r.y + r.height / 2 });
      })()`)) as string,
    ) as { x: number; y: number };
    await page.mouse.move(point.x, point.y);
    await until(page, "!!document.querySelector('palermo-lens-card')?.shadowRoot?.querySelector('.pl-card')");

    const cases: [string, Uint8Array, string][] = [
      ['notes.pdf', notPdf(), 'not-pdf'],
      ['damaged.pdf', damagedPdf(), 'damaged'],
      ['locked.pdf', await encryptedPdf(), 'encrypted'],
      ['scan.pdf', await scannedPdf(), 'no-text'],
    ];
    for (const [name, bytes, problem] of cases) {
      await chooseFile(page, name, bytes);
      await until(page, `!!document.querySelector('.rd-problem[data-problem="${problem}"]')`);
    }
    await page.close();
  });

  it('the popup lists the document’s entries on the reader’s tab', async () => {
    const page = await openExtensionPage(ff, '/reader.html', 'input[type=file]');
    await chooseFile(page, 'source.pdf', (await textPdf(SOURCE_TEXT)).bytes);
    await readAll(page);
    await page.bringToFront();
    const probe = await openExtensionPage(ff, '/popup.html', 'h1');
    await page.bringToFront();
    const tabId = await probe.evaluate(
      'browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab.id)',
    );
    const popup = await openExtensionPage(ff, `/popup.html?tab=${tabId}`, '.pp-entries [data-entry-id="greta"]');
    await popup.evaluate(`document.querySelector('.pp-entries [data-entry-id="greta"]').click()`);
    await until(page, `!!document.querySelector('[data-glossary-id="greta"][data-glossary-flash]')`);
    await Promise.all([page.close(), probe.close(), popup.close()]);
  });
});
