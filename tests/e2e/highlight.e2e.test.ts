import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { open as openPage, startHarness } from './harness';

const h = startHarness();
const open = async (path: string) => (await openPage(h, path)).page;

describe('highlights on the demo page (Chromium, built extension)', () => {
  it('highlights every entry the source document names, with the highlight contract', async () => {
    const page = await open('/demo.html');
    const found = await page.$$eval('[data-glossary-id]', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-glossary-id'),
        category: el.getAttribute('data-glossary-category'),
        text: el.textContent,
      })),
    );
    const named = glossary.filter((e) => e.inDocument === 'named');
    const foundIds = new Set(found.map((f) => f.id));
    expect(named.filter((e) => !foundIds.has(e.id)).map((e) => e.id)).toEqual([]);
    for (const f of found) {
      expect(glossary.find((e) => e.id === f.id)?.category, `${f.id} (${f.text})`).toBe(f.category);
    }
    // The longest name is one mention, not "Council of Europe" plus "Convention".
    const convention = found.find((f) => f.id === 'coe-convention');
    expect(convention?.text).toBe('Council of Europe Convention on Action against Trafficking in Human Beings');
    // The document's typo "HCR" is not taken for the Human Rights Council.
    expect(found.some((f) => f.text === 'HCR')).toBe(false);
    await page.close();
  });

  it('leaves the text of the page unchanged', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url('/demo.html'));
    const textWith = await page.evaluate(async () => {
      while (performance.getEntriesByName('palermo-lens:highlight').length === 0)
        await new Promise((r) => setTimeout(r, 50));
      return document.body.innerText;
    });
    const res = await fetch(h.server.url('/demo.html'));
    const raw = await res.text();
    const plain = await h.browser.context.newPage();
    // setContent pages are about:blank, where the extension does not run: the text without highlights.
    await plain.setContent(raw);
    const textWithout = await plain.evaluate(() => document.body.innerText);
    expect(textWith).toBe(textWithout);
    await page.close();
    await plain.close();
  });

  it('highlights nothing on a page of trap sentences', async () => {
    const page = await open('/traps.html');
    const found = await page.$$eval('[data-glossary-id]', (els) =>
      els.map((el) => `${el.getAttribute('data-glossary-id')}: ${el.textContent}`),
    );
    expect(found).toEqual([]);
    await page.close();
  });
});
