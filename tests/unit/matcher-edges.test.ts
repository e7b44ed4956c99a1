/**
 * The matcher's rules at their edges: what is found, and what is not, in which text. Each case
 * is a behaviour a reader sees (a highlight or none, a nested highlight or none).
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, lazyMatcher } from '../../glossary/matcher';
import { prepareMatcher } from '../../glossary/prepare-matcher';
import { entry, names } from './helpers';

const acronyms = (...texts: string[]) => ({ en: texts.map((text) => ({ text })), fr: [] });
const glossary = [
  entry('un', { acronyms: acronyms('UN') }),
  entry('ilo', { acronyms: acronyms('ILO') }),
  entry('greta', { acronyms: { en: [{ text: 'GRETA', context: ['trafficking'] }], fr: [] } }),
  entry('gift', { acronyms: acronyms('UN.GIFT') }),
  entry('un-women', { acronyms: acronyms('UN Women') }),
  // Typed with two spaces, as a user may: white space in acronyms is any run of it.
  entry('un-act', { acronyms: acronyms('UN  ACT') }),
  entry('thb', {
    category: 'exploitation',
    names: { en: names('Trafficking in Human Beings'), fr: names('traite des êtres humains') },
  }),
  entry('coe', { names: { en: names('Council of Europe'), fr: [] } }),
  entry('coe-convention', {
    category: 'instruments',
    names: {
      en: names(
        'Council of Europe Convention on Action against Trafficking in Human Beings',
        'Council of Europe Convention',
      ),
      fr: [],
    },
  }),
  entry('glo-act', { names: { en: names('Global Programme against Trafficking'), fr: [] } }),
  entry('osce', { names: { en: names('Organization for Security and Co-operation in Europe'), fr: [] } }),
  entry('lbl', { category: 'civil-society', names: { en: names('Labour Behind the Label'), fr: [] } }),
  // The short name first, so that the longest name has to win on its length, not on its place.
  entry('blue-heart', {
    names: { en: names('“Blue Heart” Campaign', 'Blue Heart Campaign against Human Trafficking'), fr: [] },
  }),
];
const matcher = compileMatcher(glossary);
const ids = (text: string, context?: string) => matcher.find(text, context).map((m) => m.id);

describe('acronyms beside capitals', () => {
  it('skips an acronym whose neighbouring word is in capitals, across any run of white space', () => {
    expect(ids('UN  JOUR DE PLUS')).toEqual([]);
    expect(ids('WELCOME TO\n  GRETA', 'trafficking')).toEqual([]);
    // The neighbour is the word just before, even at the start of a long paragraph.
    expect(ids('THE UN, and then a long sentence in lower case about its work')).toEqual([]);
  });

  it('looks only at the adjacent word, and only at words of two capitals or more', () => {
    expect(ids('ANNUAL REPORT. Then the UN said so')).toEqual(['un']);
    expect(ids('the UN (SEE ANNEX) said so')).toEqual(['un']);
    expect(ids('A UN team and an ILO office')).toEqual(['un', 'ilo']);
  });

  it('finds an acronym between words of a script without capitals', () => {
    expect(ids('تقرير ILO السنوي')).toEqual(['ilo']);
    expect(ids('国际劳工组织 ILO 报告')).toEqual(['ilo']);
  });
});

describe('context words', () => {
  it('count only as whole words', () => {
    expect(ids('GRETA met', 'an antitrafficking law')).toEqual([]);
    expect(ids('GRETA met', 'the traffickings')).toEqual([]);
    expect(ids('GRETA met', 'antitrafficking work, then trafficking itself')).toEqual(['greta']);
  });

  it('are read from a function only when a term needs them, once per search', () => {
    let calls = 0;
    const paragraph = () => {
      calls++;
      return 'a paragraph on trafficking';
    };
    expect(matcher.find('the UN and the ILO', paragraph).map((m) => m.id)).toEqual(['un', 'ilo']);
    expect(calls).toBe(0);
    expect(matcher.find('GRETA, and GRETA again', paragraph).map((m) => m.id)).toEqual(['greta', 'greta']);
    expect(calls).toBe(1);
    expect(matcher.find('GRETA met', () => 'a paragraph on the weather')).toEqual([]);
  });
});

describe('terms of several words, and nesting', () => {
  it('finds an acronym of two words, whatever the white space between them', () => {
    expect(ids('UN Women and UN\nWomen')).toEqual(['un-women', 'un-women']);
    expect(ids('UNWomen')).toEqual([]);
    expect(ids('the UN ACT project')).toEqual(['un-act']);
  });

  it('does not nest an acronym inside a longer acronym it is part of', () => {
    const [gift, ...rest] = matcher.find('the UN.GIFT team');
    expect(rest).toEqual([]);
    expect(gift).toMatchObject({ id: 'gift', inner: [] });
  });

  it('never nests an entry inside one of its own longer names', () => {
    const text = 'the Council of Europe Convention on Action against Trafficking in Human Beings';
    const [outer, ...rest] = matcher.find(text);
    expect(rest).toEqual([]);
    expect(outer?.id).toBe('coe-convention');
    const inner = outer?.inner.map((i) => i.id);
    expect(inner).not.toContain('coe-convention');
    expect(inner).toContain('thb');
    expect(ids('the Council of Europe Convention')).toEqual(['coe-convention']);
  });

  it('finds a name whose first word has a British and an American spelling, in either', () => {
    for (const text of [
      'Labour Behind the Label',
      'Labor Behind the Label',
      'the Global Programme against Trafficking',
      'the Global Program against Trafficking',
      'THE GLOBAL PROGRAMME AGAINST TRAFFICKING',
    ]) {
      expect(ids(text), text).toHaveLength(1);
    }
  });

  it('finds a name with any hyphen, or none, where a spelling allows one, in any case', () => {
    for (const text of [
      'the Organization for Security and Co-operation in Europe',
      'the Organisation for Security and Cooperation in Europe',
      'the Organization for Security and Co\u2011operation in Europe',
      'the Organization for Security and Co\u2013operation in Europe',
      'THE ORGANIZATION FOR SECURITY AND CO-OPERATION IN EUROPE',
    ]) {
      expect(ids(text), text).toEqual(['osce']);
    }
  });

  it('finds a name written with quotes whatever quotes the text uses, or none', () => {
    for (const text of [
      'the “Blue Heart” Campaign',
      'the "Blue Heart" Campaign',
      'the «Blue Heart» campaign',
      'the Blue Heart Campaign',
    ]) {
      expect(ids(text), text).toEqual(['blue-heart']);
    }
    expect(ids('the Blue Heart of the Campaign')).toEqual([]);
  });

  it('highlights the longest name, even when a shorter one with quotes is listed first', () => {
    const text = 'the Blue Heart Campaign against Human Trafficking';
    expect(matcher.find(text).map((m) => [m.id, text.slice(m.start, m.end)])).toEqual([
      ['blue-heart', 'Blue Heart Campaign against Human Trafficking'],
    ]);
  });

  it('finds accented names in capitals, with or without their accents', () => {
    for (const text of ['LA TRAITE DES ÊTRES HUMAINS', 'LA TRAITE DES ETRES HUMAINS', 'la traite des etres humains']) {
      expect(ids(text), text).toEqual(['thb']);
    }
  });
});

describe('a matcher with no terms', () => {
  it('finds nothing, and its expression matches no text', () => {
    const empty = compileMatcher(glossary, { categories: [] });
    expect(empty.find('the UN and the Council of Europe')).toEqual([]);
    expect(empty.regex.test('the UN and the Council of Europe')).toBe(false);
    expect(empty.regex.test('')).toBe(false);
  });
});

describe('the lazy matcher', () => {
  it('finds what the matcher finds, with the same expression', () => {
    const lazy = lazyMatcher(prepareMatcher(glossary));
    const text = 'GRETA on trafficking, the UN.GIFT and the Council of Europe';
    expect(lazy.find(text)).toEqual(matcher.find(text));
    expect(lazy.find('GRETA', 'trafficking').map((m) => m.id)).toEqual(['greta']);
    expect(lazy.regex.source).toBe(matcher.regex.source);
  });
});
