import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher } from '../../glossary/matcher';
import { mergePrepared, prepareMatcher } from '../../glossary/prepare-matcher';
import { sharedTerms } from '../../glossary/schema';
import { normalizeKey } from '../../glossary/text-fold';
import { entry, names } from './helpers';

const glossary = [
  entry('coe', {
    names: { en: names('Council of Europe'), fr: names("Conseil de l'Europe") },
    acronyms: { en: [{ text: 'CoE' }], fr: [] },
  }),
  entry('coe-convention', {
    category: 'instruments',
    names: { en: names('Council of Europe Convention on Action against Trafficking in Human Beings'), fr: [] },
  }),
  entry('thb', {
    category: 'exploitation',
    names: { en: names('trafficking in human beings'), fr: names('traite des êtres humains') },
  }),
  entry('ilo', {
    names: { en: names('International Labour Organisation'), fr: [] },
    acronyms: { en: [{ text: 'ILO' }], fr: [{ text: 'OIT' }] },
  }),
  entry('un', { acronyms: { en: [{ text: 'UN' }, { text: 'U.N.' }], fr: [] } }),
  entry('greta', { acronyms: { en: [{ text: 'GRETA', context: ['trafficking', 'traite'] }], fr: [] } }),
  entry('gift', { acronyms: { en: [{ text: 'UN.GIFT' }], fr: [] } }),
  entry('cooperation', { names: { en: names('Co-operation in Europe'), fr: [] } }),
  entry('hlr', { category: 'civil-society', names: { en: names('Hors la Rue'), fr: [] } }),
];
const matcher = compileMatcher(glossary);
const ids = (text: string, context?: string) => matcher.find(text, context).map((m) => m.id);
const spans = (text: string) => matcher.find(text).map((m) => text.slice(m.start, m.end));

describe('matcher', () => {
  it('prefers the longest name and nests the shorter ones inside it', () => {
    const text =
      'France ratified the Council of Europe Convention on Action against Trafficking in Human Beings in 2008.';
    const [m, ...rest] = matcher.find(text);
    expect(rest).toEqual([]);
    expect(m?.id).toBe('coe-convention');
    expect(text.slice(m?.start, m?.end)).toBe(
      'Council of Europe Convention on Action against Trafficking in Human Beings',
    );
    expect(m?.inner.map((i) => [i.id, text.slice(i.start, i.end)])).toEqual([
      ['coe', 'Council of Europe'],
      ['thb', 'Trafficking in Human Beings'],
    ]);
  });

  it('tolerates case, line breaks, runs of spaces and apostrophes', () => {
    expect(spans('the COUNCIL OF\n   EUROPE said')).toEqual(['COUNCIL OF\n   EUROPE']);
    expect(ids("le Conseil de l’Europe et le Conseil de l'Europe")).toEqual(['coe', 'coe']);
    expect(ids('la traite des etres humains')).toEqual(['thb']);
  });

  it('accepts British and American spellings and hyphen variants', () => {
    expect(ids('International Labor Organization')).toEqual(['ilo']);
    expect(ids('International Labour Organisation')).toEqual(['ilo']);
    expect(ids('Cooperation in Europe; co-operation in Europe')).toEqual(['cooperation', 'cooperation']);
    expect(ids('the Hors-la-Rue team')).toEqual(['hlr']);
  });

  it('matches acronyms case-sensitively and only as whole words', () => {
    expect(ids('The ILO and the OIT')).toEqual(['ilo', 'ilo']);
    expect(ids('Ilo, silo, ilot, Milo')).toEqual([]);
    expect(ids('un homme, une femme, the un')).toEqual([]);
    expect(ids('the U.N. and the UN.')).toEqual(['un', 'un']);
    expect(ids('a UN-led effort, non-UN funds')).toEqual(['un', 'un']);
  });

  it('skips acronyms inside runs of capitals', () => {
    expect(ids('UN JOUR DE PLUS')).toEqual([]);
    expect(ids('WELCOME TO GRETA', 'trafficking')).toEqual([]);
    expect(ids('the UN General Assembly')).toEqual(['un']);
  });

  it('requires context words for context terms', () => {
    expect(ids('Greta and GRETA went home')).toEqual([]);
    expect(ids('GRETA evaluates trafficking policy')).toEqual(['greta']);
    expect(ids('GRETA', 'a paragraph on la traite des êtres humains')).toEqual(['greta']);
  });

  it('treats regex metacharacters in terms literally', () => {
    expect(ids('UN.GIFT and UNxGIFT')).toEqual(['gift']);
    expect(ids('a gift for the UN')).toEqual(['un']);
  });

  it('finds nothing in empty text and handles odd input', () => {
    expect(ids('')).toEqual([]);
    expect(ids('(.*+?^${}()|[]\\/)')).toEqual([]);
  });

  it('honours enabled categories and hidden entries', () => {
    const text = 'the Council of Europe and Hors la Rue';
    expect(
      compileMatcher(glossary, { categories: ['civil-society'] })
        .find(text)
        .map((m) => m.id),
    ).toEqual(['hlr']);
    expect(
      compileMatcher(glossary, { hiddenIds: new Set(['hlr']) })
        .find(text)
        .map((m) => m.id),
    ).toEqual(['coe']);
  });

  it('refuses a name that belongs to two entries', () => {
    const clash = [
      entry('a', { names: { en: names('Same Name'), fr: [] } }),
      entry('b', { names: { en: names('same  name'), fr: [] } }),
    ];
    expect(sharedTerms(clash)).toEqual(['entry "b", field names.en.0: "same  name" is already a term of entry "a"']);
  });

  it('normalises keys the same way as the patterns match', () => {
    expect(normalizeKey('International Labor  Organization')).toBe(normalizeKey('international labour organisation'));
    expect(normalizeKey('Conseil de l’Europe')).toBe(normalizeKey("conseil de l'europe"));
  });
});

describe('merged matchers', () => {
  it('finds the terms of both, the longest across both winning', () => {
    const custom = [
      entry('coe-anniversary', { names: { en: names('Council of Europe anniversary'), fr: [] } }),
      entry('acme', { category: 'civil-society', names: { en: names('Acme Foundation'), fr: [] } }),
    ];
    const merged = loadMatcher(mergePrepared(prepareMatcher(glossary), prepareMatcher(custom)));
    const text = 'The Acme Foundation and the Council of Europe anniversary; the Council of Europe.';
    expect(merged.find(text).map((m) => m.id)).toEqual(['acme', 'coe-anniversary', 'coe']);
  });
});

describe('a mention starts and ends at a word boundary', () => {
  it('finds nothing glued to a letter before it, ASCII or accented', () => {
    const glued = [
      'NGRETA on trafficking',
      'aCouncil of Europe',
      'ÉCouncil of Europe',
      'éILO',
      'xILO and yOIT',
      'ÉOIT',
      'àGRETA et la traite',
      '1ILO',
      '_GRETA on trafficking',
      'ntrafficking in human beings',
      'ètraite des êtres humains',
    ];
    for (const text of glued) expect(ids(text), text).toEqual([]);
  });

  it('finds nothing glued to a letter after it', () => {
    for (const text of ['GRETAs on trafficking', 'Council of Europeans', 'ILOé', 'OITx'])
      expect(ids(text), text).toEqual([]);
  });

  it('still finds the same names after punctuation, quotes or apostrophes', () => {
    expect(ids('(GRETA) on trafficking')).toEqual(['greta']);
    expect(ids('«Council of Europe»')).toEqual(['coe']);
    expect(ids("l'OIT")).toEqual(['ilo']);
    expect(ids('l’OIT, the ILO')).toEqual(['ilo', 'ilo']);
    expect(ids('-ILO-')).toEqual(['ilo']);
  });
});
