import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { mergeEntries } from '../../glossary/merge';
import { buildSearchIndex, DEFINITION_RANK, filterGlossary, matchRank, searchGlossary } from '../../glossary/search';
import { foldForSearch } from '../../glossary/text-fold';
import { entry, names } from './helpers';

const index = buildSearchIndex(glossary);
const ids = (query: string) => searchGlossary(index, query).map((h) => h.entry.id);

describe('foldForSearch', () => {
  it('folds case, accents, apostrophes, hyphens, punctuation and spelling', () => {
    expect(foldForSearch('  Société CIVILE ')).toBe('societe civile');
    expect(foldForSearch('Crimes et formes d’exploitation')).toBe(foldForSearch("crimes et formes d'exploitation"));
    expect(foldForSearch('UN.GIFT')).toBe('un gift');
    expect(foldForSearch('Co-operation')).toBe(foldForSearch('cooperation'));
    expect(foldForSearch('Organized crime')).toBe(foldForSearch('organised crime'));
    expect(foldForSearch('labor organization')).toBe('labour organisation');
    expect(foldForSearch('?!')).toBe('');
    expect(foldForSearch('Palermo, (the) “Protocol”…')).toBe('palermo the protocol');
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

  it('finds names of both languages, without accents, with aliases and either spelling', () => {
    expect(ids('palermo')).toContain('palermo-protocol');
    expect(ids('Palerme')).toContain('palermo-protocol');
    expect(ids('protocole de palerme')[0]).toBe('palermo-protocol');
    expect(ids('societe civile')).toEqual(ids('Société civile'));
    expect(ids('office des nations unies contre la drogue')).toContain('unodc');
    expect(ids('organisation internationale migrations')[0]).toBe('iom');
    expect(ids('travail force')).toContain('forced-labour');
    expect(ids('forced labor')[0]).toBe('forced-labour');
    expect(ids('forced begging')[0]).toBe('forced-begging');
    expect(ids('labor organization')[0]).toBe('ilo');
    expect(ids('un.gift')[0]).toBe('un-gift');
    expect(ids('ungift')[0]).toBe('un-gift');
  });

  it('tells which term matched, in which language', () => {
    const [hit] = searchGlossary(index, 'ONUDC');
    expect(hit).toMatchObject({ term: { text: 'ONUDC', lang: 'fr' }, rank: 0 });
    const [palermo] = searchGlossary(index, 'palermo protocol');
    expect(palermo).toMatchObject({ term: { text: 'Palermo Protocol', lang: 'en' } });
  });

  it('finds an entry by the words of its definition, after every entry found by a name', () => {
    // "Strasbourg" is in no name: only the Council of Europe's definition says it.
    expect(searchGlossary(index, 'Strasbourg')).toEqual([
      { entry: glossary.find((e) => e.id === 'coe'), term: null, rank: DEFINITION_RANK },
    ]);
    const hits = searchGlossary(index, 'palermo');
    const byName = hits.filter((h) => h.term !== null);
    expect(byName.map((h) => h.entry.id)).toEqual(['palermo-protocol', 'untoc']);
    expect(hits.length).toBeGreaterThan(byName.length);
    expect(hits.slice(0, byName.length)).toEqual(byName);
    // Word starts, not any substring: "ermo" is inside "Palermo" in definitions, but starts no word there.
    expect(searchGlossary(index, 'ermo').every((h) => h.term !== null)).toBe(true);
  });

  it('puts better matches first, each entry once, and keeps the glossary order on ties', () => {
    let compared = 0;
    for (const query of ['united nations', 'des', 'e', 'palermo']) {
      const hits = searchGlossary(index, query);
      const found = hits.map((h) => h.entry.id);
      expect(new Set(found).size).toBe(found.length);
      for (const [i, b] of hits.entries()) {
        const a = hits[i - 1];
        if (!a) continue;
        expect(a.rank).toBeLessThanOrEqual(b.rank);
        if (a.rank === b.rank) expect(glossary.indexOf(a.entry)).toBeLessThan(glossary.indexOf(b.entry));
        compared++;
      }
    }
    expect(ids('united nations')[0]).toBe('un');
    // A loop that compares nothing proves nothing: these queries find dozens of entries.
    expect(compared).toBeGreaterThanOrEqual(60);
  });

  it('finds nothing for a blank query, punctuation alone or a word of no entry', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('?!')).toEqual([]);
    expect(ids('zzzqqq')).toEqual([]);
    expect(ids('zzzz no such thing')).toEqual([]);
  });

  it('searches the user’s entries merged with the glossary', () => {
    const mine = entry('my-ngo', {
      names: { en: names('Friends of Tests'), fr: names('Amis des tests') },
      definition: { en: 'An association in Quimper.', fr: 'Une association à Quimper.' },
    });
    const merged = buildSearchIndex(mergeEntries(glossary, [mine]));
    expect(searchGlossary(merged, 'amis des')[0]?.entry).toBe(mine);
    expect(searchGlossary(merged, 'quimper').map((h) => h.entry)).toEqual([mine]);
  });
});

describe('filterGlossary', () => {
  it('lists every entry, in order, for a blank query, and what the search finds otherwise', () => {
    expect(filterGlossary(index, '')).toEqual(glossary);
    expect(filterGlossary(index, '  ')).toEqual(glossary);
    for (const query of ['GRETA', 'Strasbourg', 'des', '?!', 'zzzz']) {
      expect(filterGlossary(index, query)).toEqual(searchGlossary(index, query).map((h) => h.entry));
    }
  });
});
