import { describe, expect, it } from 'vitest';
import { entryById, glossary } from '../../glossary';
import { mergeEntries } from '../../glossary/merge';
import { entry, names } from './helpers';

describe('mergeEntries', () => {
  const mine = entry('my-ngo', { names: { en: names('Friends of Tests'), fr: names('Amis des tests') } });

  it('adds the user’s entries after the built-in ones, in their order', () => {
    const other = entry('my-other', { names: { en: names('Other Friends'), fr: [] } });
    const all = mergeEntries(glossary, [mine, other]);
    expect(all).toEqual([...glossary, mine, other]);
    expect(all[glossary.length]).toBe(mine);
  });

  it('keeps the built-in entry when a custom entry has its id', () => {
    const impostor = entry('greta', { names: { en: names('My GRETA'), fr: [] } });
    const all = mergeEntries(glossary, [impostor, mine]);
    expect(all).toHaveLength(glossary.length + 1);
    expect(all.filter((e) => e.id === 'greta')).toEqual([entryById('greta')]);
    expect(all).not.toContain(impostor);
    expect(all.at(-1)).toBe(mine);
  });

  it('keeps the first of two custom entries with one id', () => {
    const again = entry('my-ngo', { names: { en: names('Friends of Tests, again'), fr: [] } });
    expect(mergeEntries(glossary, [mine, again]).slice(glossary.length)).toEqual([mine]);
  });

  it('returns the built-in glossary alone when there are no custom entries', () => {
    expect(mergeEntries(glossary, [])).toEqual(glossary);
  });
});
