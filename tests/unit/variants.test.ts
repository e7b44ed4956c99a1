/**
 * Forms the glossary does not list one by one (glossary/variants.ts, text-fold.ts): real writers'
 * wordings, found with the built-in glossary, and the short ones kept from matching alone.
 */
import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { compileMatcher, type Mention } from '../../glossary/matcher';
import { glossaryForms } from '../../glossary/variants';
import { entry, names } from './helpers';

const matcher = compileMatcher(glossary);
/** The outermost mentions as [id, text]. */
const found = (text: string, context = text) =>
  matcher.find(text, context).map((m) => [m.id, text.slice(m.start, m.end)]);
const only = (text: string) => {
  const [first, ...rest] = matcher.find(text);
  expect(rest, text).toEqual([]);
  return first ? [first.id, text.slice(first.start, first.end)] : undefined;
};

describe('an issuer before or after a name, or none', () => {
  it('finds a UN instrument or body written with any of the UN’s names, or none', () => {
    expect(only('the Convention against Transnational Organized Crime entered into force')).toEqual([
      'untoc',
      'Convention against Transnational Organized Crime',
    ]);
    expect(only('the U.N. General Assembly met')).toEqual(['unga', 'U.N. General Assembly']);
    expect(only('the UN Office on Drugs and Crime')).toEqual(['unodc', 'UN Office on Drugs and Crime']);
    expect(only('the General Assembly of the United Nations')).toEqual([
      'unga',
      'General Assembly of the United Nations',
    ]);
    expect(only('le Conseil des droits de l’homme de l’ONU')).toEqual([
      'hrc',
      'Conseil des droits de l’homme de l’ONU',
    ]);
    expect(only('la Convention des Nations unies relative aux droits de l’enfant')).toEqual([
      'crc',
      'Convention des Nations unies relative aux droits de l’enfant',
    ]);
    expect(only('the UN Protocol on Human Trafficking')).toEqual([
      'palermo-protocol',
      'UN Protocol on Human Trafficking',
    ]);
  });

  it('keeps the issuer a mention of its own inside the name, nested', () => {
    const [m, ...rest] = matcher.find('the ILO Forced Labour Convention');
    expect(rest).toEqual([]);
    expect([m?.id, m?.inner.map((i: Mention) => i.id)]).toEqual(['ilo-c029', ['ilo', 'forced-labour']]);
    // "Convention No. 29" alone needs evidence; with its issuer it is certain.
    const [n] = matcher.find('ILO Convention No. 29');
    expect([n?.id, n?.conditional]).toEqual(['ilo-c029', undefined]);
  });

  it('needs evidence for a short form without its issuer, and a proper name’s capital', () => {
    expect(found('The General Assembly adjourned.')).toEqual([]);
    expect(found('The General Assembly adjourned.', 'a United Nations meeting')).toEqual([
      ['unga', 'General Assembly'],
    ]);
    expect(found('la création d’une assemblée générale (AG)', 'les Nations unies')).toEqual([]);
    expect(found('l’Assemblée générale a adopté', 'le Plan d’action des Nations Unies')).toEqual([
      ['unga', 'Assemblée générale'],
    ]);
    // A description, not the name: "an international convention against transnational organized crime".
    expect(found('an international convention against transnational organized crime').map(([id]) => id)).toEqual([
      'organised-crime',
    ]);
  });
});

describe('another body’s, not ours', () => {
  it('drops a collision-prone mention followed by another body’s name', () => {
    const un = 'a page on the United Nations and trafficking';
    expect(found('the General Assembly of the association met', un)).toEqual([]);
    expect(found('l’Assemblée générale de l’association a voté', 'les Nations unies')).toEqual([]);
    expect(found('Le GRETA du Val-de-Marne forme à la lutte contre la traite')).toEqual([]);
    // Unless what follows names it (its issuer, one of its context words), or is a year.
    expect(found('GRETA of the Council of Europe').map(([id]) => id)).toEqual(['greta']);
    expect(found('the General Assembly of 2010', un).map(([id]) => id)).toEqual(['unga']);
  });

  it('matches a title that is also a common phrase only in capitals', () => {
    expect(found('the ministries signed a protocol on human trafficking').map(([id]) => id)).toEqual([
      'trafficking-in-human-beings',
    ]);
    expect(only('the Protocol on Human Trafficking')?.[0]).toBe('palermo-protocol');
    expect(found('a national plan of action to combat trafficking in persons').map(([id]) => id)).toEqual([
      'trafficking-in-human-beings',
    ]);
  });
});

describe('the Protocol’s title as writers cite it', () => {
  it('accepts a serial comma, "thereto", "supplementing" with any name of UNTOC', () => {
    expect(
      only('the Protocol to Prevent, Suppress, and Punish Trafficking in Persons, Especially Women and Children')?.[0],
    ).toBe('palermo-protocol');
    const thereto =
      'UNTOC and the Protocol thereto to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children';
    expect(found(thereto).map(([id]) => id)).toEqual(['untoc', 'palermo-protocol']);
    const supplementing =
      'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, Supplementing the UN Convention against Transnational Organized Crime';
    expect(only(supplementing)).toEqual(['palermo-protocol', supplementing]);
    const additionnel =
      'le Protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants, additionnel à la Convention des Nations unies contre la criminalité transnationale organisée';
    expect(only(additionnel)?.[1]).toBe(additionnel.slice(3));
  });
});

describe('ILO conventions by their numbers, in English and French', () => {
  const ilo = 'ILO';
  it.each([
    ['Forced Labour Convention, 1930 (No. 29)', 'ilo-c029'],
    ['the Forced Labour Convention', 'ilo-c029'],
    ['ILO Convention No. 29', 'ilo-c029'],
    ['ILO Convention 29', 'ilo-c029'],
    ['International Labor Organization Convention 29 (Forced Labor Convention)', 'ilo-c029'],
    ['Convention (n° 29) sur le travail forcé', 'ilo-c029'],
    ['la Convention n°\u202f29 sur le travail forcé', 'ilo-c029'],
    ['la convention 29 de l’OIT', 'ilo-c029'],
    ['la convention no\u00a0105 de l’OIT', 'ilo-c105'],
    ['Abolition of Forced Labour Convention, 1957 (No. 105)', 'ilo-c105'],
    ['the 2014 Protocol to the Forced Labour Convention', 'ilo-p029'],
    ['the International Labour Organisation Forced Labour Protocol', 'ilo-p029'],
    ['Protocole de 2014 relatif à la convention sur le travail forcé', 'ilo-p029'],
    [
      'Protocole 2014 de l’Organisation internationale du Travail relatif à la convention sur le travail forcé',
      'ilo-p029',
    ],
  ])('%s', (text, id) => {
    expect(found(text).map(([i]) => i)).toEqual([id]);
  });

  it('takes a year written before an instrument’s name into its mention', () => {
    expect(only('the 2014 Protocol to the Forced Labour Convention')).toEqual([
      'ilo-p029',
      '2014 Protocol to the Forced Labour Convention',
    ]);
    expect(only('the 1930 Forced Labour Convention')).toEqual(['ilo-c029', '1930 Forced Labour Convention']);
    // Not before a body, nor a number glued to something else.
    expect(found('in 2014 UNODC said')).toEqual([['unodc', 'UNODC']]);
    expect(only('A12014 Palermo Protocol')).toEqual(['palermo-protocol', 'Palermo Protocol']);
  });

  it('needs evidence for a bare number or code', () => {
    for (const text of ['Convention No. 29 applies', 'see C29 and C.29', 'la convention nº 29'])
      expect(found(text), text).toEqual([]);
    expect(found('see C29 and C.29', `the ${ilo} said`).map(([id]) => id)).toEqual(['ilo-c029', 'ilo-c029']);
    expect(found('Convention No. 29 applies', 'forced labour').map(([id]) => id)).toEqual(['ilo-c029']);
  });

  it('tells another convention on forced labour from the Convention', () => {
    expect(found('une autre convention sur le travail forcé').map(([id]) => id)).toEqual(['forced-labour']);
    expect(found('the Abolition of Forced Labour Convention').map(([id]) => id)).toEqual(['ilo-c105']);
  });
});

describe('typography', () => {
  it('takes no-break spaces, « » and “ ” quotes, any apostrophe and number sign', () => {
    expect(only('the Council\u00a0of\u202fEurope')?.[0]).toBe('coe');
    expect(found('les fonds « good governance » de l’OSCE').map(([id]) => id)).toEqual(['osce']);
    expect(found('« good governance » funds of the OSCE').map(([id]) => id)).toEqual([
      'osce-good-governance-funds',
      'osce',
    ]);
    for (const sign of ['No.', 'No', 'no', 'n°', 'nº', 'N°', 'Nº'])
      expect(found(`ILO Convention ${sign} 29`)[0]?.[0], sign).toBe('ilo-c029');
    expect(only('forced and compulsory labour')?.[0]).toBe('forced-labour');
  });

  it('writes capital acronyms with dots too', () => {
    expect(only('the U.N.O.D.C. report')).toEqual(['unodc', 'U.N.O.D.C.']);
    expect(only('l’O.I.T.')).toEqual(['ilo', 'O.I.T.']);
  });
});

describe('generated forms', () => {
  const forms = (id: string) => glossaryForms(glossary).get(id);

  it('come after the listed ones, which keep their context', () => {
    const greta = forms('greta');
    expect(greta?.listed.find((f) => f.text === 'GRETA')?.context).toContain('trafficking');
    expect(greta?.generated.find((f) => f.text === 'G.R.E.T.A.')?.context).toContain('trafficking');
  });

  it('replace a name inside a name only where it is referred to, after an article', () => {
    const c105 = forms('ilo-c105')?.generated.map((f) => f.text) ?? [];
    expect(c105.some((t) => /Abolition of .*No\. 29/.test(t))).toBe(false);
    const p029 = forms('ilo-p029')?.generated.map((f) => f.text) ?? [];
    expect(p029).toContain('Protocol of 2014 to the Convention concerning Forced or Compulsory Labour');
  });

  it('follow an entry’s issuer and number only', () => {
    const plain = [entry('x', { names: { en: names('United Nations Thing'), fr: [] } })];
    expect(glossaryForms(plain).get('x')?.generated).toEqual([]);
    const issued = [
      entry('un', { names: { en: names('United Nations'), fr: [] } }),
      entry('x', { names: { en: names('United Nations Thing'), fr: [] }, issuer: 'un' }),
    ];
    expect(
      glossaryForms(issued)
        .get('x')
        ?.generated.map((f) => [f.text, f.context?.length ?? 0]),
    ).toEqual([['Thing', 1]]);
  });
});
