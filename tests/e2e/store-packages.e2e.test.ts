/** The store packages that `npm run zip` makes install and work in both browsers. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
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

/** Each file of a zip and the SHA-256 of its content. */
const zipContents = (path: string): Record<string, string> =>
  JSON.parse(
    execFileSync('python3', [
      '-c',
      'import hashlib, json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist() if not n.endswith("/")}))',
      path,
    ]).toString(),
  );

/** Each file under `dir` (relative path) and the SHA-256 of its content. */
function dirContents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

describe('store packages', () => {
  it('packs exactly the fresh build for each browser, and the current sources', () => {
    for (const browser of ['chrome', 'firefox']) {
      const built = dirContents(join(OUTPUT, `${browser}-mv3`));
      expect(Object.keys(built)).toContain('manifest.json');
      expect(zipContents(zip(browser)), browser).toEqual(built);
    }
    const sources = zipContents(zip('sources'));
    for (const file of ['package.json', 'package-lock.json', 'wxt.config.ts', 'glossary/entries.json']) {
      const current = createHash('sha256')
        .update(readFileSync(resolve(import.meta.dirname, '../..', file)))
        .digest('hex');
      expect(sources[file], file).toBe(current);
    }
    expect(Object.keys(sources).some((f) => f.startsWith('screenshots/') || f.startsWith('docs/'))).toBe(false);
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
