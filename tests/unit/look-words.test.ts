/**
 * The content script's first look decides with the words each term requires whether a frame gets
 * the matcher at all: a mention it does not let through would never be highlighted. So every
 * mention the full matcher finds, in the source document and the labelled real texts, must on its
 * own make a candidate; and text without mentions, everyday phrases that begin a
 * name included, must not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { LookIndex, lookWords, requiredWords } from '../../glossary/look-words';
import { compileMatcher } from '../../glossary/matcher';
import { prepareMatcher } from '../../glossary/prepare-matcher';
import type { Entry } from '../../glossary/schema';
import { entry, names } from './helpers';

const corpus = new URL('../fixtures/corpus/', import.meta.url);
const text = (file: string) =>
  readFileSync(new URL(file, corpus), 'utf8')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ');
const files = readdirSync(corpus).filter((f) => f.endsWith('.html'));
const texts: [string, string][] = [
  [
    'source document',
    readFileSync(new URL('../../glossary/source/france-diplomatie-2013.txt', import.meta.url), 'utf8'),
  ],
  ...files.map((f): [string, string] => [f, text(f)]),
];

/** A matcher of `entries` and the look's index of the same. */
const both = (entries: readonly Entry[]) => ({
  matcher: compileMatcher([...entries]),
  index: new LookIndex(prepareMatcher([...entries]).lookTerms),
});
const builtIn = both(glossary);

/** The mentions of `text` (each paragraph its own context) that alone are no candidate for the look. */
function missed({ matcher, index }: ReturnType<typeof both>, text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n'))
    for (const m of matcher.find(paragraph, text)) {
      const mention = paragraph.slice(m.start, m.end);
      if (!index.holdsCandidate(mention)) out.push(mention);
    }
  return out;
}

describe('the first look’s words', () => {
  it('are all in every mention of the source document and the real texts', () => {
    let mentions = 0;
    for (const [name, t] of texts) {
      expect(missed(builtIn, t), name).toEqual([]);
      mentions += builtIn.matcher.find(t).length;
    }
    expect(mentions).toBeGreaterThan(300);
  });

  it('are all in every mention of the user’s entries, spelt either way', () => {
    const mine = [
      entry('custom-one', {
        names: { en: names('Anti-Slavery Day Programme'), fr: names('Journée contre l’esclavage') },
      }),
      entry('custom-two', { names: { en: names('Walk Free Organisation'), fr: [] } }),
    ];
    const t = 'On Anti Slavery Day program, the Walk Free Organization spoke; la journee contre l’Esclavage aussi.';
    expect(compileMatcher(mine).find(t)).toHaveLength(3);
    expect(missed(both(mine), t)).toEqual([]);
  });

  it('are not all in any paragraph of a page that names nothing, nor in everyday phrases that begin names', () => {
    const { index } = builtIn;
    for (const quiet of files.filter((f) => f.startsWith('quiet-') && f !== 'quiet-greta-enseignement-fr.html'))
      expect(
        text(quiet)
          .split('\n')
          .filter((p) => index.holdsCandidate(p)),
        quiet,
      ).toEqual([]);
    const everyday =
      'A group of friends met the council of the town at the office of the mayor, in the land of lakes, in the United States.';
    expect(builtIn.matcher.find(everyday)).toEqual([]);
    expect(index.holdsCandidate(everyday)).toBe(false);
    // Not even the anchor of a term (its least everyday word): the batch test passes it over.
    expect(
      index.mayHoldCandidate('A group of friends met at the office of the mayor, in the United States: I saw it.'),
    ).toBe(false);
    expect(index.mayHoldCandidate('under its protocol')).toBe(true);
    // French adult-education GRETA centres: the acronym is there, the matcher decides with evidence.
    expect(index.holdsCandidate(text('quiet-greta-enseignement-fr.html'))).toBe(true);
  });

  it('fold accents and spelling, keep acronyms’ case, and leave out the words patterns make optional', () => {
    expect(lookWords('Criminalité « organisée », d’exploitation')).toEqual([
      'Criminalite',
      'organisee',
      'd',
      'exploitation',
    ]);
    expect(requiredWords('name', 'International Labour Organization')).toBe('n:international labour organisation');
    expect(requiredWords('name', 'Convention No. 29 and Protocol, 1930')).toBe('n:convention protocol');
    expect(requiredWords('acronym', 'UNODC')).toBe('a:UNODC');
    const index = new LookIndex(['a:UNODC', 'n:forced labour']);
    expect(index.holdsCandidate('unodc and forced')).toBe(false);
    expect(index.holdsCandidate('forced LABOR')).toBe(true);
    // The words of one text only: a mention lies within one text node.
    expect(index.holdsCandidate('labour')).toBe(false);
    expect(index.holdsCandidate('The UNODC')).toBe(true);
    const lowerAcronym = new LookIndex(['a:eCPAT']);
    expect(lowerAcronym.holdsCandidate('with eCPAT')).toBe(true);
    const later = new LookIndex(['a:UNODC']);
    expect(later.holdsCandidate('The Office on Drugs')).toBe(false);
    later.addTerms(['n:drugs office']);
    expect(later.holdsCandidate('The Office on Drugs')).toBe(true);
  });
});
