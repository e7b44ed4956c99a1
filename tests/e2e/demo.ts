/**
 * `npm run demo`: opens the demo page in Chromium with the built extension. With a display, a
 * real window stays open until you close it; without one, it runs headless and writes
 * screenshots of the highlighted page and of an open card, of the popup, the options page and the
 * PDF reader (the source document made into a PDF), and prints their paths.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from './chromium';
import { SOURCE_TEXT, textPdf } from './pdf-files';
import { restPoint } from './pointer';
import { FIXTURES, startServer } from './server';

const OUT = resolve(import.meta.dirname, '../../screenshots');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const server = await startServer([FIXTURES]);
const browser = await launchChromium({ headless });
// The window's first tab, rather than a second one beside an empty tab.
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(server.url('/demo.html'));
await page.waitForSelector('[data-glossary-id]');

if (headless) {
  mkdirSync(OUT, { recursive: true });
  const shots: string[] = [];
  const shot = async (name: string, fullPage = false) => {
    const path = resolve(OUT, name);
    await page.screenshot({ path, fullPage });
    shots.push(path);
  };
  await shot('demo-page.png');
  /** Opens the card on an entry and pins it, for a screenshot. */
  const card = async (id: string, name: string) => {
    await page.keyboard.press('Escape');
    const mark = page.locator(`[data-glossary-id="${id}"]`).first();
    await mark.scrollIntoViewIfNeeded();
    await page.mouse.move(5, 5);
    const point = await restPoint(mark);
    await page.mouse.move(point.x, point.y);
    await page.waitForSelector('palermo-lens-card .pl-card');
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(300);
    await shot(name);
  };
  await card('greta', 'demo-card.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await card('hrc', 'demo-card-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(server.url('/demo-fr.html'));
  await page.waitForSelector('[data-glossary-id]');
  await card('coe-convention', 'demo-card-fr.png');

  // The toolbar popup for the demo tab (opened as a page, through its ?tab= hook), and options.
  await page.goto(server.url('/demo.html'));
  await page.waitForSelector('[data-glossary-id]');
  const worker = browser.context.serviceWorkers()[0];
  const tabId = await worker?.evaluate(async () => {
    type Tabs = { query(q: object): Promise<{ id?: number }[]> };
    const [tab] = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({ active: true });
    return tab?.id;
  });
  const extension = `chrome-extension://${browser.extensionId}`;
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`${extension}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.pp-entries [data-entry-id]');
  await popup.screenshot({ path: resolve(OUT, 'demo-popup.png') });
  shots.push(resolve(OUT, 'demo-popup.png'));
  const options = await browser.context.newPage();
  await options.goto(`${extension}/options.html`);
  await options.waitForSelector('palermo-mark, [data-glossary-id]');
  await options.screenshot({ path: resolve(OUT, 'demo-options.png') });
  shots.push(resolve(OUT, 'demo-options.png'));

  // The PDF reader on the source document made into a PDF, with the card open on a highlight.
  const pdfPath = resolve(mkdtempSync(join(tmpdir(), 'palermo-lens-demo-')), 'source.pdf');
  writeFileSync(pdfPath, (await textPdf(SOURCE_TEXT)).bytes);
  const reader = await browser.context.newPage();
  await reader.setViewportSize({ width: 1280, height: 860 });
  await reader.goto(`${extension}/reader.html`);
  await reader.setInputFiles('input[type=file]', pdfPath);
  await reader.waitForSelector('.rd-page[data-page="1"][data-drawn] [data-glossary-id="unodc"]');
  await reader.waitForFunction(() => !document.querySelector('.rd-progress'));
  const mark = reader.locator('[data-glossary-id="unodc"]').first();
  await mark.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  const point = await restPoint(mark);
  await reader.mouse.move(point.x, point.y);
  await reader.waitForSelector('palermo-lens-card .pl-card');
  await reader.mouse.click(point.x, point.y);
  await reader.waitForTimeout(300);
  await reader.screenshot({ path: resolve(OUT, 'demo-reader.png') });
  shots.push(resolve(OUT, 'demo-reader.png'));
  console.log(`Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  await browser.close();
  await server.close();
} else {
  console.log('Chromium is open on the demo page with Palermo Lens loaded. Close the window to finish.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
}
