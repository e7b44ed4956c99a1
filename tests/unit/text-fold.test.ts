import { describe, expect, it } from 'vitest';
import { sharedTerms } from '../../glossary/schema';
import { normalizeKey, termKey } from '../../glossary/text-fold';
import { entry, names } from './helpers';

/** Whether two names are the same term: what the glossary refuses as a duplicate and the matcher resolves alike. */
const sameName = (a: string, b: string) => termKey('name', a) === termKey('name', b);

describe('text folding: which differences in writing do not matter', () => {
  it('drops quotes of every kind, wherever they are', () => {
    const plain = normalizeKey('the Blue Heart Campaign');
    for (const quoted of [
      'the "Blue Heart" Campaign',
      'the “Blue Heart” Campaign',
      'the „Blue Heart“ Campaign',
      'the «Blue Heart» Campaign',
      '"the "Blue" "Heart" Campaign"',
    ]) {
      expect(normalizeKey(quoted), quoted).toBe(plain);
    }
    expect(plain).toBe('the blue heart campaign');
  });

  it('folds case, accents, apostrophes, hyphens and runs of white space', () => {
    expect(normalizeKey('  Traite des ÊTRES   humains\n')).toBe('traite des etres humains');
    expect(sameName('Conseil de l’Europe', "conseil de l'Europe")).toBe(true);
    expect(sameName('Hors-la-Rue', 'hors la rue')).toBe(true);
    expect(sameName('Hors–la–Rue', 'Hors la Rue')).toBe(true);
  });

  it('folds British and American spellings at the start of words, in any case', () => {
    expect(sameName('International Labor Organization', 'International Labour Organisation')).toBe(true);
    expect(sameName('Co-operation', 'cooperation')).toBe(true);
    expect(sameName('COOPERATION', 'Co-Operation')).toBe(true);
    expect(sameName('Global Program', 'Global Programme')).toBe(true);
    expect(sameName('global programs', 'Global Programmes')).toBe(true);
    expect(sameName('reorganization', 'reorganisation')).toBe(false);
    expect(sameName('Labor', 'Labour')).toBe(true);
    expect(sameName('Labour', 'Laboratory')).toBe(false);
  });

  it('keeps the words that differ apart', () => {
    expect(sameName('Council of Europe', 'Council of the Europe')).toBe(false);
    expect(sameName('Coe', 'CoE')).toBe(true);
    expect(sameName('traite', 'traité')).toBe(true);
    expect(sameName('the Protocol', 'the Protocols')).toBe(false);
  });

  it('folds only white space in acronyms, which keep their case', () => {
    expect(termKey('acronym', ' UN\u00a0 GIFT ')).toBe('UN GIFT');
    expect(termKey('acronym', 'CoE')).not.toBe(termKey('acronym', 'COE'));
  });

  it('refuses a name two entries share after folding, quotes included', () => {
    const clash = [
      entry('a', { names: { en: names('the “Blue Heart” Campaign'), fr: [] } }),
      entry('b', { names: { en: names('The Blue-Heart campaign'), fr: [] } }),
    ];
    expect(sharedTerms(clash)).toEqual([
      'entry "b", field names.en.0: "The Blue-Heart campaign" is already a term of entry "a"',
    ]);
  });
});
