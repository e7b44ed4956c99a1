import { describe, expect, it } from 'vitest';
import { pluralForm, summarizeMentions, tabIdFromSearch } from '../../components/popup/popup-state';
import { entryById } from '../../glossary';

describe('tabIdFromSearch (the testing hook)', () => {
  it('reads ?tab=<id>', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tab=1568712642')).toBe(1568712642);
    expect(tabIdFromSearch('')).toBeUndefined();
    expect(tabIdFromSearch('?tab=')).toBeUndefined();
    expect(tabIdFromSearch('?tab=-1')).toBeUndefined();
    expect(tabIdFromSearch('?tab=1e3')).toBeUndefined();
    expect(tabIdFromSearch('?tab=abc')).toBeUndefined();
  });
});

describe('summarizeMentions', () => {
  it('keeps the order of first appearance and adds up each category', () => {
    const s = summarizeMentions(
      [
        ['greta', 4],
        ['unodc', 2],
        ['palermo-protocol', 3],
        ['iom', 1],
        ['gone-entry', 5],
        ['greta', 9],
        ['forced-labour', 0],
      ],
      entryById,
    );
    expect(s.entries.map((e) => [e.entry.id, e.count])).toEqual([
      ['greta', 4],
      ['unodc', 2],
      ['palermo-protocol', 3],
      ['iom', 1],
    ]);
    expect(s.categories).toEqual({
      instruments: 3,
      bodies: 3,
      mechanisms: 4,
      initiatives: 0,
      'civil-society': 0,
      exploitation: 0,
    });
    expect(s.total).toBe(10);
  });
});

describe('pluralForm', () => {
  it('follows each language’s rule', () => {
    expect(pluralForm(1, 'en')).toBe('one');
    expect(pluralForm(0, 'en')).toBe('other');
    expect(pluralForm(2, 'en')).toBe('other');
    expect(pluralForm(0, 'fr')).toBe('one');
    expect(pluralForm(1, 'fr')).toBe('one');
    expect(pluralForm(2, 'fr')).toBe('other');
  });
});
