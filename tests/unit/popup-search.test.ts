import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { buildSearchIndex, matchRank, searchGlossary } from '../../glossary/search';
import { foldForSearch } from '../../glossary/text-fold';

const index = buildSearchIndex(glossary);
const ids = (query: string) => searchGlossary(index, query).map((h) => h.entry.id);

describe('foldForSearch', () => {
  it('folds case, accents, apostrophes, hyphens, punctuation and spelling', () => {
    expect(foldForSearch('  Société CIVILE ')).toBe('societe civile');
    expect(foldForSearch('Crimes et formes d’exploitation')).toBe(foldForSearch("crimes et formes d'exploitation"));
    expect(foldForSearch('UN.GIFT')).toBe('un gift');
    expect(foldForSearch('Co-operation')).toBe(foldForSearch('cooperation'));
    expect(foldForSearch('Organized crime')).toBe(foldForSearch('organised crime'));
    expect(foldForSearch('?!')).toBe('');
  });
});

describe('matchRank', () => {
  it('ranks whole terms, starts, word starts, anywhere, scattered words and spaceless matches', () => {
    expect(matchRank('palermo protocol', 'palermo protocol')).toBe(0);
    expect(matchRank('palermo protocol', 'pal')).toBe(1);
    expect(matchRank('palermo protocol', 'proto')).toBe(2);
    expect(matchRank('palermo protocol', 'ermo')).toBe(3);
    expect(matchRank('palermo protocol', 'protocol palermo')).toBe(4);
    expect(matchRank('un gift', 'ungift')).toBe(5);
    expect(matchRank('palermo protocol', 'convention')).toBeUndefined();
  });
});

describe('searchGlossary', () => {
  it('finds acronyms of both languages, whatever their case', () => {
    expect(ids('ONUDC')[0]).toBe('unodc');
    expect(ids('onudc')[0]).toBe('unodc');
    expect(ids('UNODC')[0]).toBe('unodc');
    expect(ids('oim')[0]).toBe('iom');
    expect(ids('GRETA')[0]).toBe('greta');
  });

  it('finds names of both languages, without accents and with aliases', () => {
    expect(ids('palermo')).toContain('palermo-protocol');
    expect(ids('Palerme')).toContain('palermo-protocol');
    expect(ids('protocole de palerme')[0]).toBe('palermo-protocol');
    expect(ids('societe civile')).toEqual(ids('Société civile'));
    expect(ids('office des nations unies contre la drogue')).toContain('unodc');
    expect(ids('travail force')).toContain('forced-labour');
    expect(ids('forced labor')[0]).toBe('forced-labour');
    expect(ids('un.gift')[0]).toBe('un-gift');
  });

  it('tells which term matched, in which language', () => {
    const [hit] = searchGlossary(index, 'ONUDC');
    expect(hit).toMatchObject({ term: 'ONUDC', termLang: 'fr', rank: 0 });
    const [palermo] = searchGlossary(index, 'palermo protocol');
    expect(palermo).toMatchObject({ term: 'Palermo Protocol', termLang: 'en' });
  });

  it('puts better matches first, each entry once, and keeps the glossary order on ties', () => {
    const hits = searchGlossary(index, 'united nations');
    const found = hits.map((h) => h.entry.id);
    expect(new Set(found).size).toBe(found.length);
    expect(found[0]).toBe('un');
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1], hits[i]];
      if (!a || !b) continue;
      expect(a.rank <= b.rank).toBe(true);
      if (a.rank === b.rank) expect(glossary.indexOf(a.entry) < glossary.indexOf(b.entry)).toBe(true);
    }
  });

  it('finds nothing for an empty query or a word of no entry, and respects the limit', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('zzzqqq')).toEqual([]);
    expect(searchGlossary(index, 'e', 3)).toHaveLength(3);
  });
});
