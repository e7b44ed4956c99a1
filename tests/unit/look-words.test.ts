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
import { LookIndex } from '../../glossary/look-index';
import { lookTerms, requiredWords } from '../../glossary/look-terms';
import { lookWords } from '../../glossary/look-words';
import { compileMatcher } from '../../glossary/matcher';
import { prepareLookTerms } from '../../glossary/prepare-matcher';
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
  index: new LookIndex(prepareLookTerms([...entries])),
});
const builtIn = both(glossary);

/** The mentions of `text` (each paragraph its own context) that alone are no candidate for the look. */
function missed({ matcher, index }: ReturnType<typeof both>, text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n'))
    for (const m of matcher.find(paragraph, text)) {
      const mention = paragraph.slice(m.start, m.end);
      if (!index.holdsCandidate(mention)) out.push(mention);
      // In a batch, between texts whose letters run into it, one of them with accents.
      else if (index.findCandidate(['Résumé U.', mention, 'N. res'], (i) => i !== 0) !== 1)
        out.push(`${mention} (batch)`);
      // In the text of a part of a page, run into its neighbours' letters.
      else if (!index.mayHoldCandidateWithin(`Résumé${mention}ab`)) out.push(`${mention} (within)`);
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
    expect(requiredWords('acronym', 'U.N.O.D.C.')).toBe('a:U N O D C');
    // A number is required, unless it is a year that ends the name (patterns make it optional).
    expect(requiredWords('name', 'A/RES/64/293')).toBe('n:293 res');
    const index = new LookIndex(lookTerms(['a:UNODC', 'n:forced labour']));
    expect(index.holdsCandidate('unodc and forced')).toBe(false);
    expect(index.holdsCandidate('forced LABOR')).toBe(true);
    // The words of one text only: a mention lies within one text node.
    expect(index.holdsCandidate('labour')).toBe(false);
    expect(index.holdsCandidate('The UNODC')).toBe(true);
    const lowerAcronym = new LookIndex(lookTerms(['a:eCPAT']));
    expect(lowerAcronym.holdsCandidate('with eCPAT')).toBe(true);
    const later = new LookIndex(lookTerms(['a:UNODC']));
    expect(later.holdsCandidate('The Office on Drugs')).toBe(false);
    later.addTerms(lookTerms(['n:drugs office']));
    expect(later.holdsCandidate('The Office on Drugs')).toBe(true);
    // Released between looks, the anchors are built again, the user's terms with them.
    later.release();
    expect(later.holdsCandidate('The Office on Drugs')).toBe(true);
    expect(later.mayHoldCandidateWithin('the UNODC')).toBe(true);
    expect(later.holdsCandidate('The Office')).toBe(false);
  });

  it('find the first text of a batch that holds a candidate, where the page says it is prose', () => {
    const index = new LookIndex(lookTerms(['a:U N', 'n:forced labour', 'n:293 res']));
    const batch = ['Research results', 'UN', 'the U.N. said', 'Forced labour', 'after U.', 'N. and A/RES/64/293'];
    expect(index.findCandidate(batch)).toBe(2);
    expect(index.findCandidate(batch, (i) => i !== 2)).toBe(3);
    expect(index.findCandidate(batch, (i) => i > 3)).toBe(5);
    expect(index.findCandidate(['Travail forcé, Européenne', 'Forced labour'])).toBe(1);
    const filler = Array<string>(300).fill('a b');
    expect(index.findCandidate(['x', 'y']) + 1).toBe(0);
    expect(index.findCandidate([...filler, 'Forced labour', ...filler])).toBe(300);
    // An anchor that starts within another, which runs from one text into the next.
    expect(new LookIndex(lookTerms(['a:U N', 'a:N U'])).findCandidate(['U', 'N.U. said'])).toBe(1);
    expect(index.findCandidate([])).toBe(-1);
    expect(index.findCandidate(['labour', 'forced'])).toBe(-1);
  });

  it('tell a part of a page that may hold a candidate, its texts run together, from one that cannot', () => {
    const index = new LookIndex(lookTerms(['a:U N', 'n:council europe', 'n:action national plan', 'n:forced labour']));
    expect(index.mayHoldCandidateWithin('The council met.')).toBe(false);
    expect(index.mayHoldCandidateWithin('The council met.In Europe, too')).toBe(true);
    expect(index.mayHoldCandidateWithin('Labor unions were forcedto act')).toBe(true);
    // "national" within "international", the plan and action elsewhere.
    expect(index.mayHoldCandidateWithin('planned international reactions')).toBe(true);
    expect(index.mayHoldCandidateWithin('planned international reports')).toBe(false);
    expect(index.mayHoldCandidateWithin('Ask theU.N.')).toBe(true);
    expect(index.mayHoldCandidateWithin('UNITED')).toBe(false);
    // Pages that name nothing, their texts run together as a page's are (tags taken away).
    for (const quiet of ['quiet-greta-thunberg-en.html', 'quiet-palermo-buenos-aires-en.html', 'quiet-biome-en.html']) {
      const whole = text(quiet).replace(/\n/g, '');
      expect(builtIn.index.mayHoldCandidateWithin(whole), quiet).toBe(false);
    }
  });
});
