/**
 * Deciding with the whole page (glossary/page-evidence.ts), pure: pages as lists of paragraphs,
 * read in order as the highlighter reads them (each paragraph's mentions, the evidence they give,
 * then a look again at what was rejected for want of evidence).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { compileMatcher, type Mention } from '../../glossary/matcher';
import { PAGE_CONTEXT_WORDS } from '../../glossary/page-evidence';

const matcher = compileMatcher(glossary);

/** The entry ids highlighted in each paragraph of a page, after one pass and its look again. */
function readPage(paragraphs: readonly string[]): string[][] {
  const evidence = matcher.pageEvidence();
  const found: Mention[][] = [];
  const read = new Set<number>();
  const rejected: number[] = [];
  const look = (i: number) => {
    const text = paragraphs[i] as string;
    let wanting = false;
    const mentions = matcher.find(text, text, (term) => {
      if (evidence.supports(term)) return true;
      wanting = true;
      return false;
    });
    found[i] = mentions;
    if (evidence.noteMentions(mentions) && !read.has(i)) {
      read.add(i);
      evidence.readParagraph(text);
    }
    if (wanting) rejected.push(i);
  };
  paragraphs.forEach((_, i) => {
    look(i);
  });
  for (const i of rejected.splice(0)) look(i);
  return found.map((ms) => ms.map((m) => m.id));
}

const ids = (paragraphs: readonly string[]) => readPage(paragraphs).flat();

describe('a collision-prone term decided with the whole page', () => {
  it('counts with a context word in its own paragraph, as before', () => {
    expect(ids(['GRETA evaluates how Parties fight trafficking.'])).toEqual(['greta']);
    expect(ids(['GRETA shall adopt its rules of procedure.'])).toEqual([]);
  });

  it('counts when its expansion is mentioned anywhere on the page, even further down', () => {
    const convention = [
      'GRETA shall adopt its rules of procedure.',
      'GRETA shall elect its President.',
      'The Parties shall co-operate with GRETA.',
      'Article 36: a Group of Experts on Action against Trafficking in Human Beings is set up.',
    ];
    expect(readPage(convention)).toEqual([['greta'], ['greta'], ['greta'], ['greta']]);
    expect(readPage(convention.slice(0, 3))).toEqual([[], [], []]);
    // IOM by its French acronym, which needs no evidence.
    expect(ids(['IOM staff met the minister.', 'L’OIM a publié un rapport.'])).toEqual(['iom', 'iom']);
  });

  it(`counts when its context words occur ${PAGE_CONTEXT_WORDS} times in paragraphs with a certain mention`, () => {
    const once = ['GRETA shall visit.', 'The Council of Europe met.'];
    expect(ids(once)).toEqual(['coe']);
    const twice = ['GRETA shall visit.', 'The Council of Europe met on trafficking.'];
    expect(ids(twice)).toEqual(['greta', 'coe']);
  });

  it('takes no evidence from paragraphs that mention nothing for certain', () => {
    const page = [
      'Drug trafficking and arms trafficking are crimes; wildlife trafficking too; the Convention says so.',
      'Le GRETA du Val-de-Marne propose des formations continues pour adultes.',
    ];
    expect(ids(page)).toEqual([]);
  });

  it('shortens a UN name only where the page names the UN', () => {
    expect(ids(['The General Assembly adopted the resolution.'])).toEqual([]);
    expect(ids(['The General Assembly adopted the resolution.', 'A United Nations plan.'])).toEqual(['unga', 'un']);
    expect(ids(['Convention No. 29 applies.', 'The ILO says so.'])).toEqual(['ilo-c029', 'ilo']);
  });

  it('keeps the trap sentences and the quiet corpus pages quiet', () => {
    const paragraphs = (file: string) =>
      [
        ...readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8').matchAll(
          /<(p|li|h\d)[^>]*>(.*?)<\/\1>/gs,
        ),
      ]
        .map((m) => (m[2] as string).replace(/<[^>]+>/g, ''))
        .filter(Boolean);
    for (const file of [
      'traps.html',
      'corpus/quiet-greta-enseignement-fr.html',
      'corpus/quiet-greta-thunberg-en.html',
      'corpus/quiet-palermo-buenos-aires-en.html',
      'corpus/quiet-hcr-actualites-fr.html',
    ]) {
      const page = paragraphs(file);
      expect(page.length, file).toBeGreaterThan(3);
      expect(ids(page), file).toEqual([]);
    }
  });
});

describe('the evidence’s bookkeeping', () => {
  it('grows only with certain mentions and the words of their paragraphs', () => {
    const evidence = matcher.pageEvidence();
    const version = () => evidence.version;
    expect(evidence.noteMentions(matcher.find('GRETA on trafficking'))).toBe(false);
    expect(version()).toBe(0);
    expect(evidence.noteMentions(matcher.find('the Council of Europe'))).toBe(true);
    const afterMention = version();
    expect(afterMention).toBeGreaterThan(0);
    evidence.noteMentions(matcher.find('the Council of Europe'));
    expect(version()).toBe(afterMention);
    evidence.readParagraph('nothing to count here');
    expect(version()).toBe(afterMention);
    evidence.readParagraph('trafficking, and trafficking again; not antitrafficking nor traffickingx');
    expect(version()).toBe(afterMention + 2);
  });

  it('counts a context word in capitals only in capitals', () => {
    const evidence = matcher.pageEvidence();
    evidence.noteMentions(matcher.find('the Council of Europe'));
    evidence.readParagraph('un homme, une femme, un enfant');
    const [greta] = matcher.find('GRETA', 'trafficking');
    expect(greta?.conditional).toBe(true);
    expect(matcher.find('General Assembly', '', (term) => evidence.supports(term))).toEqual([]);
    evidence.readParagraph('UN, and the U.N.');
    expect(matcher.find('General Assembly', '', (term) => evidence.supports(term)).map((m) => m.id)).toEqual(['unga']);
  });
});
