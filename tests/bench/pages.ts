/** Large pages the benchmark generates itself, so that it runs where shared/pages is absent. */
import { readFileSync } from 'node:fs';
import { newsParagraph, newsSentence, pick, sequence, specProse, specStep } from './neutral-text';

const SOURCE = readFileSync(new URL('../../glossary/source/france-diplomatie-2013.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.length > 80);
const FILLER = [
  'The committee met on Tuesday to discuss the budget for the coming year and the state of the roads.',
  'Local businesses reported a quiet quarter, with sales of garden furniture slightly down on last year.',
  'Weather forecasters expect rain in the north and sunshine in the south for most of the week ahead.',
  'The museum will open a new wing in the spring, devoted to maps and instruments of navigation.',
  'Residents were invited to comment on the plans for a cycle path along the river before the summer.',
];

const html = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

/** About `bytes` of article text: paragraphs of filler, one in five quoting the source document. */
export function articlePage(bytes: number): string {
  const rnd = sequence(7);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const sentences = Array.from({ length: 4 }, () => {
      const n = rnd.next().value;
      return n % 5 === 0 ? (SOURCE[n % SOURCE.length] as string) : (FILLER[n % FILLER.length] as string);
    });
    const p = i % 40 === 0 ? `<h2>Section ${i / 40 + 1}</h2>` : `<p>${sentences.join(' ')}</p>`;
    parts.push(p);
    size += p.length;
  }
  return html('Generated article', `<main>${parts.join('\n')}</main>`);
}

/** About `bytes` of a dense application page: nested divs, many small text nodes, tables. */
export function densePage(bytes: number): string {
  const rnd = sequence(11);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const n = rnd.next().value;
    const text =
      n % 7 === 0 ? (SOURCE[n % SOURCE.length] as string).slice(0, 160) : (FILLER[n % FILLER.length] as string);
    const row = `<div class="row"><div class="cell"><span>${i}</span><span class="a">${text.slice(0, 60)}</span></div><div class="cell"><em>${text.slice(60)}</em> <a href="#r${i}">link</a></div><table><tr><td>${n % 1000}</td><td>${text.split(' ').slice(0, 6).join(' ')}</td></tr></table></div>`;
    parts.push(row);
    size += row.length;
  }
  return html('Generated dense page', `<div id="app">${parts.join('')}</div>`);
}

const ARTICLE_STYLE =
  '<style>body{font:16px/1.5 Georgia,serif;margin:0}header,footer{background:#eee;padding:1em}main{max-width:40em;margin:auto}figure{margin:1em 0}aside{float:right;width:12em;font-size:.9em}iframe{width:18em;height:8em;border:1px solid #ccc}</style>';

/**
 * About `bytes` of a news article that names no glossary entry, laid out as news sites do: a
 * navigation bar, headings, paragraphs with links, a figure, an aside and a footer.
 */
export function plainArticle(bytes: number, seed = 3): string {
  const rnd = sequence(seed);
  const links = (n: number) =>
    Array.from({ length: n }, (_, i) => `<li><a href="#s${i}">${newsSentence(rnd).split(' ', 3).join(' ')}</a></li>`);
  const header = `<header><nav><ul>${links(12).join('')}</ul></nav></header>`;
  const footer = `<footer><ul>${links(20).join('')}</ul><p>${newsSentence(rnd)}</p></footer>`;
  const parts = [`<h1>${newsSentence(rnd).replace(/\.$/, '')}</h1>`, `<p class="byline">By the local desk</p>`];
  let size = header.length + footer.length;
  for (let i = 1; size < bytes; i++) {
    const part =
      i % 8 === 0
        ? `<h2 id="s${i / 8}">${newsSentence(rnd).replace(/\.$/, '')}</h2>`
        : i % 17 === 0
          ? `<figure><figcaption>${newsSentence(rnd)}</figcaption></figure><aside><p>${newsSentence(rnd)}</p></aside>`
          : newsParagraph(rnd, 3 + (rnd.next().value % 4));
    parts.push(part);
    size += part.length;
  }
  return html('Local news', `${header}<main><article>${parts.join('\n')}</article></main>${footer}`, ARTICLE_STYLE);
}

/** The same page with `frames` same-origin iframes at the end of its article, served at `src(k)`. */
export const withFrames = (page: string, frames: number, src: (k: number) => string) =>
  page.replace(
    '</article>',
    `${Array.from({ length: frames }, (_, k) => `<iframe src="${src(k)}" title="Related ${k + 1}"></iframe>`).join('\n')}</article>`,
  );

/**
 * A specification-like page that names no glossary entry: numbered sections of prose and
 * algorithm steps, where most text runs are a few characters long between inline elements
 * (var, code, a), about `textBytes` of text in all.
 */
export function specPage(textBytes: number): string {
  const rnd = sequence(5);
  const parts: string[] = [];
  let size = 0;
  for (let section = 1; size < textBytes; section++) {
    const steps = Array.from({ length: 6 + (rnd.next().value % 8) }, () => specStep(rnd));
    const part = `<section id="sec-${section}"><h3>${section}. ${pick(rnd, ['Processing', 'Parsing', 'Serializing', 'Comparing'])} model ${section}</h3>\n${specProse(rnd)}\n<ol>\n${steps.join('\n')}\n</ol>\n</section>`;
    parts.push(part);
    size += part.replace(/<[^>]+>/g, '').length;
  }
  return html('Generated specification', `<main>${parts.join('\n')}</main>`);
}
