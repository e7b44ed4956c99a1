/**
 * The content script's first look decides with the words each term requires whether a frame gets
 * the matcher at all: a mention it does not let through would never be highlighted. So every
 * mention the full matcher finds, in the source document and the labelled real texts, must on its
 * own make the look's index complete; and text without mentions, everyday phrases that begin a
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

/** The mentions of `text` (each paragraph its own context) that alone do not complete the look. */
function missed(entries: readonly Entry[], text: string): string[] {
  const matcher = compileMatcher([...entries]);
  const { lookTerms } = prepareMatcher([...entries]);
  const out: string[] = [];
  for (const paragraph of text.split('\n'))
    for (const m of matcher.find(paragraph, text)) {
      const mention = paragraph.slice(m.start, m.end);
      if (!new LookIndex(lookTerms).add(mention)) out.push(mention);
    }
  return out;
}

describe('the first look’s words', () => {
  it('are completed by every mention of the source document and the real texts, each on its own', () => {
    let mentions = 0;
    for (const [name, t] of texts) {
      expect(missed(glossary, t), name).toEqual([]);
      mentions += compileMatcher(glossary).find(t).length;
    }
    expect(mentions).toBeGreaterThan(300);
  });

  it('are completed by the user’s entries, spelt either way', () => {
    const mine = [
      entry('custom-one', {
        names: { en: names('Anti-Slavery Day Programme'), fr: names('Journée contre l’esclavage') },
      }),
      entry('custom-two', { names: { en: names('Walk Free Organisation'), fr: [] } }),
    ];
    const t = 'On Anti Slavery Day program, the Walk Free Organization spoke; la journee contre l’Esclavage aussi.';
    expect(compileMatcher(mine).find(t)).toHaveLength(3);
    expect(missed(mine, t)).toEqual([]);
  });

  it('are not completed by a page that names nothing, nor by everyday phrases that begin names', () => {
    const { lookTerms } = prepareMatcher(glossary);
    for (const quiet of files.filter((f) => f.startsWith('quiet-') && f !== 'quiet-greta-enseignement-fr.html'))
      expect(new LookIndex(lookTerms).add(text(quiet)), quiet).toBe(false);
    const everyday =
      'A group of friends met the council of the town at the office of the mayor, in the land of lakes, in the United States.';
    expect(compileMatcher(glossary).find(everyday)).toEqual([]);
    expect(new LookIndex(lookTerms).add(everyday)).toBe(false);
    // French adult-education GRETA centres: the acronym is there, the matcher decides with evidence.
    expect(new LookIndex(lookTerms).add(text('quiet-greta-enseignement-fr.html'))).toBe(true);
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
    expect(index.add('unodc and forced')).toBe(false);
    expect(index.add('LABOR')).toBe(true);
    const later = new LookIndex(['a:UNODC']);
    later.add('The Office on Drugs');
    expect(later.addTerms(['n:drugs office'])).toBe(true);
  });
});
