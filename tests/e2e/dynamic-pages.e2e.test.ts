import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { idsIn, open, passes, startHarness, waitForPass } from './harness';
import { FIXTURES } from './server';

const reactBundle = await build({
  entryPoints: [`${FIXTURES}/react-app.tsx`],
  bundle: true,
  write: false,
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
});
const h = startHarness({
  '/react.html': {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React</title></head><body><div id="root"></div><script>${reactBundle.outputFiles[0]?.text.replace(/<\/script/g, '<\\/script')}</script></body></html>`,
  },
});

describe('dynamic pages (Chromium, built extension)', () => {
  it('highlights content added after the first pass, and infinite scroll', async () => {
    const { page } = await open(h, '/dynamic.html');
    await page.waitForSelector('#late [data-glossary-id="iom"]');
    await page.evaluate(() => (window as unknown as { appendBatch(n: number): void }).appendBatch(30));
    await page.waitForFunction(() => document.querySelectorAll('.batch [data-glossary-id="coe"]').length === 30);
    expect(await page.locator('.batch [data-glossary-id="forced-labour"]').count()).toBe(30);
    await page.close();
  });

  it('highlights the new view after a single-page navigation', async () => {
    const { page } = await open(h, '/dynamic.html');
    await page.click('a[data-route="agencies"]');
    await page.waitForSelector('#spa [data-glossary-id]');
    expect(page.url()).toMatch(/\/dynamic\/agencies$/);
    expect(await idsIn(page, '#spa')).toEqual(['unodc', 'un', 'osce']);
    await page.close();
  });

  it('highlights inside a same-origin iframe', async () => {
    const { page } = await open(h, '/frames.html');
    const frame = page.frame({ url: /frame-child/ });
    expect(frame).not.toBeNull();
    await frame?.waitForSelector('#in-frame [data-glossary-id="coe-convention"]');
    expect(await idsIn(page, 'body > p')).toEqual(['unodc']);
    await page.close();
  });

  it('leaves editable regions, code and hidden text alone, and keeps links working', async () => {
    const { page } = await open(h, '/editable.html');
    expect(await idsIn(page, '#plain')).toEqual(['unodc']);
    for (const selector of [
      '#editable',
      '#textbox',
      '#pre',
      '#code',
      'svg',
      '#hidden-display',
      '#hidden-attr',
      '#details',
    ])
      expect(await idsIn(page, selector), selector).toEqual([]);
    expect(await page.inputValue('#textarea')).toBe('UNODC in a textarea');
    expect(await page.inputValue('#input')).toBe('UNODC in an input');
    // Typing a name into the editable region does not get it highlighted.
    await page.click('#editable p');
    await page.keyboard.press('End');
    const typedAfter = await passes(page);
    await page.keyboard.type(' and the OSCE');
    // The typing is seen by the observer and answered by a pass (which skips the region): wait for it.
    await waitForPass(page, typedAfter);
    expect(await idsIn(page, '#editable')).toEqual([]);
    expect(await page.textContent('#editable')).toBe('UNODC in a contenteditable region and the OSCE');
    // A highlight inside a link: the link still navigates.
    expect(await idsIn(page, '#link')).toEqual(['coe']);
    await page.click('#link [data-glossary-id]');
    expect(page.url()).toMatch(/#target$/);
    // Hidden text revealed later is highlighted then.
    const before = await passes(page);
    await page.click('#details summary');
    await page.evaluate(() => document.getElementById('hidden-display')?.style.removeProperty('display'));
    await waitForPass(page, before);
    await page.waitForSelector('#hidden-display [data-glossary-id="unodc"]');
    await page.waitForSelector('#in-details [data-glossary-id="unodc"]');
    await page.close();
  });

  it('keeps a React page that re-renders working, with correct text and no errors', async () => {
    const { page, errors } = await open(h, '/react.html');
    await page.waitForFunction(() => Number(document.getElementById('tick')?.textContent) > 20);
    for (let i = 0; i < 5; i++) {
      // What React rendered is what the page shows: no stale highlighted text left behind.
      const state = await page.evaluate(() => {
        const tick = Number(document.getElementById('tick')?.textContent);
        return {
          tick,
          mixed: document.getElementById('mixed')?.textContent,
          items: document.querySelectorAll('#list li').length,
        };
      });
      expect(state.mixed).toMatch(
        /^Report \d+: (UNODC|the OSCE|the Council of Europe|the International Labour Organization) met GRETA on trafficking, and (UNODC|the OSCE) agreed\.$/,
      );
      expect(state.items).toBe(4);
      await page.waitForTimeout(120);
    }
    await page.waitForSelector('#list [data-glossary-id="forced-labour"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('handles a page that mutates itself in a loop without runaway CPU', async () => {
    const { page, errors } = await open(h, '/self-mutating.html');
    const sample = await page.evaluate(async () => {
      const busy = () =>
        performance
          .getEntriesByName('palermo-lens:highlight')
          .reduce((sum, e) => sum + ((e as PerformanceMeasure).detail?.busyMs ?? 0), 0);
      const w = window as unknown as { mutations: number };
      const [b0, m0, t0] = [busy(), w.mutations, performance.now()];
      await new Promise((r) => setTimeout(r, 3000));
      const ticker = document.getElementById('ticker')?.textContent;
      return { busyShare: (busy() - b0) / (performance.now() - t0), mutations: w.mutations - m0, ticker };
    });
    expect(sample.mutations).toBeGreaterThan(100); // the page kept running
    expect(sample.busyShare).toBeLessThan(0.15); // and the extension stayed a small share of the time
    expect(sample.ticker).toMatch(/^Tick \d+: UNODC$/);
    expect(await idsIn(page, '#static')).toEqual(['osce']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
