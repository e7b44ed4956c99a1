/** Large pages the benchmark generates itself, so that it runs where shared/pages is absent. */
import { readFileSync } from 'node:fs';

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

/** A deterministic sequence, so that every run measures the same page. */
function* sequence(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x;
  }
}

/** About `bytes` of article text: paragraphs of filler, one in five quoting the source document. */
export function articlePage(bytes: number): string {
  const rnd = sequence(7);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const sentences = Array.from({ length: 4 }, () => {
      const n = rnd.next().value as number;
      return n % 5 === 0 ? (SOURCE[n % SOURCE.length] as string) : (FILLER[n % FILLER.length] as string);
    });
    const p = i % 40 === 0 ? `<h2>Section ${i / 40 + 1}</h2>` : `<p>${sentences.join(' ')}</p>`;
    parts.push(p);
    size += p.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated article</title></head><body><main>${parts.join('\n')}</main></body></html>`;
}

/** About `bytes` of a dense application page: nested divs, many small text nodes, tables. */
export function densePage(bytes: number): string {
  const rnd = sequence(11);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const n = rnd.next().value as number;
    const text =
      n % 7 === 0 ? (SOURCE[n % SOURCE.length] as string).slice(0, 160) : (FILLER[n % FILLER.length] as string);
    const row = `<div class="row"><div class="cell"><span>${i}</span><span class="a">${text.slice(0, 60)}</span></div><div class="cell"><em>${text.slice(60)}</em> <a href="#r${i}">link</a></div><table><tr><td>${n % 1000}</td><td>${text.split(' ').slice(0, 6).join(' ')}</td></tr></table></div>`;
    parts.push(row);
    size += row.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated dense page</title></head><body><div id="app">${parts.join('')}</div></body></html>`;
}
