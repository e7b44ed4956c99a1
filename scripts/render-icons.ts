/**
 * Renders assets/icon.svg to the PNG sizes the stores ask for (public/icon/*.png), in headless
 * Chromium. Run it after changing the SVG: `npx tsx scripts/render-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(ROOT, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: resolve(ROOT, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
