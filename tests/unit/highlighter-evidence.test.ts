// @vitest-environment jsdom
/**
 * The highlighter decides collision-prone terms with the whole page (glossary/page-evidence.ts):
 * evidence found further down the page, or added later by a script, turns the text it had
 * rejected into highlights; a page without evidence stays quiet.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../glossary';
import { compileMatcher } from '../../glossary/matcher';
import { Highlighter } from '../../page/highlighter';

const matcher = compileMatcher(glossary);
let controller: AbortController;

async function highlight(html: string): Promise<Highlighter> {
  document.body.innerHTML = html;
  controller = new AbortController();
  const highlighter = new Highlighter({ matcher, root: document.body, signal: controller.signal });
  await highlighter.start();
  return highlighter;
}
const marked = (id: string) =>
  [...document.querySelectorAll(`palermo-mark[data-glossary-id="${id}"]`)].map((m) => m.textContent);

afterEach(() => controller.abort());

describe('the highlighter and the page’s evidence', () => {
  it('highlights "GRETA shall…" once the Convention’s title is read, far below', async () => {
    const articles = Array.from({ length: 30 }, (_, i) => `<p>Article ${i + 1}: the Parties shall report.</p>`);
    await highlight(
      `<p>GRETA shall adopt its rules of procedure.</p><p>GRETA shall elect its President.</p>${articles.join('')}` +
        '<p>Council of Europe Convention on Action against Trafficking in Human Beings</p>',
    );
    expect(marked('greta')).toEqual(['GRETA', 'GRETA']);
    expect(marked('coe-convention')).toHaveLength(1);
  });

  it('highlights them when a script adds the evidence later, pieces of split text included', async () => {
    await highlight('<p>The UNODC and GRETA shall meet.</p><p>GRETA shall elect its President.</p>');
    expect(marked('unodc')).toEqual(['UNODC']);
    expect(marked('greta')).toEqual([]);
    const later = document.createElement('p');
    later.textContent =
      'The Group of Experts on Action against Trafficking in Human Beings (GRETA) was set up in 2008.';
    document.body.append(later);
    await vi.waitFor(() => expect(marked('greta')).toHaveLength(4), { timeout: 3000 });
    // "GRETA" after "UNODC" lived in a piece of the first paragraph's split text node.
    expect(document.body.querySelector('p')?.textContent).toBe('The UNODC and GRETA shall meet.');
    expect(document.body.querySelectorAll('p palermo-mark[data-glossary-id="greta"]')[0]?.textContent).toBe('GRETA');
  });

  it('leaves a page without evidence quiet, and gives it back whole', async () => {
    const html =
      '<p>Le GRETA du Val-de-Marne propose des formations continues.</p>' +
      '<p>Drug trafficking and arms trafficking are crimes; the Convention was signed.</p>' +
      '<p>The General Assembly adjourned.</p>';
    const highlighter = await highlight(html);
    expect(document.querySelectorAll('palermo-mark')).toHaveLength(0);
    highlighter.removeAll();
    expect(document.body.innerHTML).toBe(html);
  });
});
