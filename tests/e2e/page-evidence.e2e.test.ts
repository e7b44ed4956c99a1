/**
 * Deciding with the whole page in the real browser (glossary/page-evidence.ts): articles that say
 * "GRETA shall…" with no context word are highlighted once the Convention's title is read further
 * down, or once a script adds it later; a page without evidence stays quiet.
 */
import { describe, expect, it } from 'vitest';
import { open, startHarness } from './harness';

const articles = Array.from({ length: 40 }, (_, i) => `<p>Article ${i + 2}. Each Party shall report.</p>`).join('');
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evidence</title></head><body>${body}</body></html>`;
const h = startHarness({
  '/evidence-below.html': {
    body: page(
      `<p>GRETA shall adopt its own rules of procedure.</p><p>GRETA shall elect its President.</p>${articles}` +
        '<p>Council of Europe Convention on Action against Trafficking in Human Beings</p>',
    ),
  },
  '/evidence-later.html': {
    body: page(`<p>GRETA shall adopt its own rules of procedure.</p><p>The Parties shall co-operate with GRETA.</p>`),
  },
  '/no-evidence.html': {
    body: page(
      '<p>Le GRETA du Val-de-Marne propose des formations continues.</p><p>Drug trafficking and arms trafficking are crimes.</p>' +
        '<p>The General Assembly adjourned; see C29 on the list.</p>',
    ),
  },
});
const greta = (p: import('playwright-core').Page) => p.locator('palermo-mark[data-glossary-id="greta"]').count();

describe('a collision-prone term decided with the whole page (Chromium, built extension)', () => {
  it('highlights "GRETA shall…" when the evidence is further down the page', async () => {
    const { page: p } = await open(h, '/evidence-below.html');
    expect(await greta(p)).toBe(2);
    await p.close();
  });

  it('highlights it when a script adds the evidence later', async () => {
    const { page: p } = await open(h, '/evidence-later.html');
    expect(await greta(p)).toBe(0);
    await p.evaluate(() => {
      const later = document.createElement('p');
      later.textContent = 'GRETA is the Group of Experts on Action against Trafficking in Human Beings.';
      document.body.append(later);
    });
    await p.waitForFunction(() => document.querySelectorAll('palermo-mark[data-glossary-id="greta"]').length === 4);
    await p.close();
  });

  it('leaves a page without evidence quiet', async () => {
    const { page: p } = await open(h, '/no-evidence.html');
    expect(await p.locator('palermo-mark').count()).toBe(0);
    await p.close();
  });
});
