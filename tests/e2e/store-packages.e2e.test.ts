/** The store packages that `npm run zip` makes install and work in both browsers. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { FIXTURES, type StaticServer, startServer } from './server';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const zip = (browser: string) => join(OUTPUT, `palermo-lens-${version}-${browser}.zip`);
let server: StaticServer;
beforeAll(async () => {
  server = await startServer([FIXTURES]);
});
afterAll(() => server?.close());

describe('store packages', () => {
  it('makes the Chrome and Firefox packages and the sources archive', () => {
    const files = readdirSync(OUTPUT);
    for (const name of ['chrome', 'firefox', 'sources']) expect(files).toContain(`palermo-lens-${version}-${name}.zip`);
  });

  it('the Chrome package, unpacked, highlights the demo page in Chromium', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palermo-lens-zip-'));
    execFileSync('python3', ['-m', 'zipfile', '-e', zip('chrome'), dir]);
    const browser = await launchChromium({ extensionDir: dir });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/demo.html'));
      await page.waitForSelector('[data-glossary-id="greta"]');
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Firefox package installs as it is and highlights the demo page in Firefox', async () => {
    const ff = await launchFirefox({ extensionPath: zip('firefox') });
    try {
      const page = await ff.browser.newPage();
      await page.goto(server.url('/demo.html'));
      await page.waitForSelector('[data-glossary-id="greta"]', { timeout: 15_000 });
    } finally {
      await ff.close();
    }
  });
});
