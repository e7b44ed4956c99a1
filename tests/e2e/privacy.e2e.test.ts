/** Nothing leaves the machine: loading pages with the extension makes no request of its own. */
import { describe, expect, it } from 'vitest';
import { open, startHarness } from './harness';
import { restPoint } from './pointer';

const h = startHarness();

describe('privacy (Chromium, built extension)', () => {
  it('makes no network request from any extension context while pages load and cards open', async () => {
    const requests: { url: string; fromExtension: boolean }[] = [];
    const record = (url: string, frameUrl: string) =>
      requests.push({
        url,
        fromExtension: frameUrl.startsWith('chrome-extension://') || url.startsWith('chrome-extension://'),
      });
    h.browser.context.on('request', (r) => {
      let frameUrl = '';
      try {
        frameUrl = r.frame().url();
      } catch {
        frameUrl = 'service-worker';
      }
      record(r.url(), frameUrl);
    });
    for (const path of ['/demo.html', '/demo-fr.html', '/dynamic.html', '/frames.html']) {
      const { page } = await open(h, path);
      const mark = page.locator('[data-glossary-id]').first();
      await mark.scrollIntoViewIfNeeded();
      const point = await restPoint(mark);
      await page.mouse.move(point.x, point.y);
      await page.waitForSelector('palermo-lens-card .pl-card');
      await page.close();
    }
    const origin = new URL(h.server.url('/')).origin;
    // Only the pages' own requests to the local server; none from the extension, none elsewhere.
    const foreign = requests.filter((r) => !r.url.startsWith(origin));
    expect(foreign.filter((r) => !r.url.startsWith('chrome-extension://'))).toEqual([]);
    expect(requests.filter((r) => r.fromExtension && !r.url.startsWith('chrome-extension://'))).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
  });

  it('asks for no permission beyond storage and its content script', async () => {
    const worker = h.browser.context.serviceWorkers()[0];
    const manifest = (await worker?.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }
      ).chrome.runtime.getManifest(),
    )) as Record<string, unknown>;
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect((manifest.content_security_policy as { extension_pages: string }).extension_pages).toBe(
      "script-src 'self'; object-src 'self'",
    );
  });
});
