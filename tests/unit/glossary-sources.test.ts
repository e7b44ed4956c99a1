/**
 * The glossary is quoted by lawyers and diplomats (issue 13): every fact must rest on at least one
 * official source, and the errors found by the independent check must stay fixed.
 */
import { describe, expect, it } from 'vitest';
import rawEntries from '../../glossary/entries.json';
import { type Entry, parseGlossary } from '../../glossary/schema';

const glossary = parseGlossary(rawEntries);

/**
 * Domains whose pages count as official sources. A page on one of them, or on one of their
 * subdomains (treaties.un.org, docstore.ohchr.org, eur-lex.europa.eu…), is official; any other
 * source (a library, a mirror, a news site) may stand beside an official one but never alone.
 */
const OFFICIAL_DOMAINS = [
  // United Nations: Secretariat, General Assembly, UN Treaty Collection (depositary), press and news.
  'un.org',
  // Office of the UN High Commissioner for Human Rights: special procedures, treaty texts, UN documents.
  'ohchr.org',
  // UN Office on Drugs and Crime: custodian of UNTOC and its protocols, secretariat of their Conference of the Parties.
  'unodc.org',
  // UN Office and UN Information Service at Vienna (UNOV/UNIS): official UN press releases.
  'unvienna.org',
  // UN Office at Geneva: official meeting summaries of the Human Rights Council.
  'ungeneva.org',
  // UN iLibrary: the United Nations' own publishing platform.
  'un-ilibrary.org',
  // UN.GIFT, the UN initiative run by UNODC: its own site.
  'ungift.org',
  // UN Regional Information Centre for Western Europe: a UN information office.
  'unric.org',
  // ReliefWeb, run by the UN Office for the Coordination of Humanitarian Affairs (OCHA): hosts UN reports.
  'reliefweb.int',
  // International Labour Organization, including NORMLEX (conventions, ratifications, supervisory comments).
  'ilo.org',
  // International Organization for Migration, including its country offices.
  'iom.int',
  // Council of Europe: treaty office, GRETA, Parliamentary Assembly (assembly.coe.int).
  'coe.int',
  // Organization for Security and Co-operation in Europe.
  'osce.org',
  // European Union institutions, including EUR-Lex (the EU's official journal and law database).
  'europa.eu',
  // Légifrance: the French State's official journal and legislation.
  'legifrance.gouv.fr',
  // French Ministry for Europe and Foreign Affairs, publisher of the source document.
  'diplomatie.gouv.fr',
  // French permanent representations to international organisations (Vienna, Geneva…).
  'delegfrance.org',
  // Former domain of France's Permanent Mission to the UN in Geneva.
  'franceonugeneve.org',
  // French Senate: bills authorising ratification and answers of ministers.
  'senat.fr',
  // French National Assembly: bills and impact studies on treaties.
  'assemblee-nationale.fr',
  // Vie publique: the French government's official information site (Council of Ministers reports).
  'vie-publique.fr',
  // Défenseur des droits: France's independent constitutional authority for rights, including children's rights.
  'defenseurdesdroits.fr',
  // German Federal Foreign Office, including its Permanent Representation to the OSCE in Vienna.
  'diplo.de',
  // Hors la Rue's own site: first-party, and so authoritative only for facts about the association itself.
  'horslarue.org',
] as const;

/** Whether `url` is on an official domain (the domain itself or a subdomain, never a lookalike). */
function isOfficial(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return OFFICIAL_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

const allFacts = glossary.flatMap((entry) => entry.facts.map((fact) => ({ entry, fact })));

/** Every text of an entry in `lang`: kind, definition, facts, France's role and correction. */
function texts(entry: Entry, lang: 'en' | 'fr'): string[] {
  return [
    entry.kind[lang],
    entry.definition[lang],
    ...entry.facts.map((f) => f.text[lang]),
    ...(entry.franceRole ? [entry.franceRole[lang]] : []),
    ...(entry.correction ? [entry.correction[lang]] : []),
  ];
}

function get(id: string): Entry {
  const entry = glossary.find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
}

describe('official sources', () => {
  it('lists each official domain once, as a bare lower-case host name', () => {
    expect(new Set(OFFICIAL_DOMAINS).size).toBe(OFFICIAL_DOMAINS.length);
    for (const domain of OFFICIAL_DOMAINS) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('accepts a domain and its subdomains, and nothing else', () => {
    expect(isOfficial('https://treaties.un.org/Pages/ViewDetails.aspx')).toBe(true);
    expect(isOfficial('https://www.un.org/en/')).toBe(true);
    expect(isOfficial('http://UN.ORG/')).toBe(true);
    expect(isOfficial('https://eur-lex.europa.eu/eli/dir/2011/36/oj')).toBe(true);
    expect(isOfficial('https://en.wikipedia.org/wiki/United_Nations')).toBe(false);
    expect(isOfficial('https://notun.org/')).toBe(false);
    expect(isOfficial('https://un.org.example.com/')).toBe(false);
    expect(isOfficial('https://web.test.ohchr.un-icc.cloud/fr/node/3409')).toBe(false);
  });

  it('backs every fact with at least one source on an official domain', () => {
    expect(allFacts.length).toBeGreaterThanOrEqual(100);
    const unsourced = allFacts
      .filter(({ fact }) => !fact.sources.some(isOfficial))
      .map(({ entry, fact }) => `${entry.id}: ${fact.text.en}`);
    expect(unsourced).toEqual([]);
  });

  it('cites no OHCHR test server, and gives official sites as official URLs', () => {
    const bad = allFacts.flatMap(({ entry, fact }) =>
      fact.sources.filter((s) => /un-icc\.cloud/.test(s)).map((s) => `${entry.id}: ${s}`),
    );
    expect(bad).toEqual([]);
    for (const entry of glossary) if (entry.officialUrl) expect(isOfficial(entry.officialUrl), entry.id).toBe(true);
  });
});

describe('the errors found by the independent check', () => {
  it('dates France’s ratification of the CRC to its deposit, 7 August 1990', () => {
    const crc = get('crc');
    const ratification = crc.facts.find((f) => f.date === '1990-08-07');
    expect(ratification?.text.en).toContain('7 August 1990');
    expect(ratification?.text.fr).toContain('7 août 1990');
    expect(ratification?.sources.some((s) => s.startsWith('https://treaties.un.org/'))).toBe(true);
    // 2 July 1990 (the authorising law) is nowhere given as the date of ratification.
    for (const entry of glossary) {
      for (const text of texts(entry, 'en')) expect(text, entry.id).not.toMatch(/ratified (it )?(on )?2 July 1990/i);
      for (const text of texts(entry, 'fr')) expect(text, entry.id).not.toMatch(/ratifiée? le 2 juillet 1990/i);
      for (const fact of entry.facts) expect(fact.date, entry.id).not.toBe('1990-07-02');
    }
  });

  it('never makes UNODC the depositary of UNTOC: the Secretary-General is, UNODC is its custodian', () => {
    for (const entry of glossary)
      for (const text of texts(entry, 'fr'))
        for (const sentence of text.split(/[.;]\s/))
          if (/dépositaire/i.test(sentence)) expect(sentence, entry.id).not.toMatch(/ONUDC|UNODC/);
    for (const id of ['untoc', 'unodc']) {
      expect(get(id).definition.en, id).toMatch(/custodian/);
      expect(get(id).definition.fr, id).toMatch(/gardien/);
    }
    const depositary = get('untoc').facts.find((f) => /depositary/.test(f.text.en));
    expect(depositary?.text.en).toMatch(/Secretary-General/);
    expect(depositary?.text.fr).toMatch(/Secrétaire général/);
  });

  it('names the French mission in Vienna by its official name, apart from the representation to the OSCE', () => {
    const mission = get('fr-mission-vienna');
    const names = [...mission.names.en, ...mission.names.fr].map((n) => n.text);
    for (const name of names) expect(name).not.toMatch(/ONUDC et de l.OSCE|UNODC and (the )?OSCE/);
    expect(mission.names.fr.filter((n) => n.display !== false).map((n) => n.text)).toContain(
      "Représentation permanente de la France auprès de l'Office des Nations unies et des organisations internationales à Vienne",
    );
    expect(mission.definition.en).toMatch(/separate permanent representation to the OSCE/);
    expect(mission.definition.fr).toMatch(/représentation permanente distincte/);
  });
});
