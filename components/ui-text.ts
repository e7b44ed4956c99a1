/**
 * The labels of the glossary entry view (and of the card, popup and options page around it), in
 * the glossary's two languages. French labels use the typographic apostrophe (’).
 */
import type { FactKind, Language } from '../glossary/schema';

export interface UiText {
  alsoKnownAs: string;
  definition: string;
  keyFacts: string;
  inSourceDocument: string;
  franceRole: string;
  correction: string;
  relatedEntries: string;
  officialSite: string;
  sources: string;
  back: string;
  hideEntry: string;
  siteOff: string;
  openGlossary: string;
  pin: string;
  unpin: string;
  close: string;
  /** What goes between a label and its text: ": " in English, " : " (no-break space) in French. */
  colon: string;
  /** The label of each kind of key fact. */
  factKinds: Record<FactKind, string>;
  /** A section label followed by how many items it holds, e.g. "Key facts (4)". */
  withCount: (label: string, count: number) => string;
}

export const UI_TEXT: Record<Language, UiText> = {
  en: {
    alsoKnownAs: 'Also known as',
    definition: 'Definition',
    keyFacts: 'Key facts',
    inSourceDocument: 'In the source document',
    franceRole: 'France’s role',
    correction: 'Correction',
    relatedEntries: 'Related entries',
    officialSite: 'Official site',
    sources: 'Sources',
    back: 'Back',
    hideEntry: 'Hide this entry',
    siteOff: 'Turn off on this site',
    openGlossary: 'Open in the full glossary',
    pin: 'Pin',
    unpin: 'Unpin',
    close: 'Close',
    colon: ': ',
    factKinds: {
      adopted: 'Adopted',
      signed: 'Signed',
      'in-force': 'In force',
      founded: 'Founded',
      ended: 'Ended',
      seat: 'Seat',
      parent: 'Part of',
      other: 'Other',
    },
    withCount: (label, count) => `${label} (${count})`,
  },
  fr: {
    alsoKnownAs: 'Autres noms',
    definition: 'Définition',
    keyFacts: 'Faits essentiels',
    inSourceDocument: 'Dans le document source',
    franceRole: 'Rôle de la France',
    correction: 'Rectification',
    relatedEntries: 'Entrées associées',
    officialSite: 'Site officiel',
    sources: 'Sources',
    back: 'Retour',
    hideEntry: 'Masquer cette entrée',
    siteOff: 'Désactiver sur ce site',
    openGlossary: 'Ouvrir dans le glossaire complet',
    pin: 'Épingler',
    unpin: 'Détacher',
    close: 'Fermer',
    colon: '\u00a0: ',
    factKinds: {
      adopted: 'Adoption',
      signed: 'Signature',
      'in-force': 'Entrée en vigueur',
      founded: 'Création',
      ended: 'Fin',
      seat: 'Siège',
      parent: 'Rattachement',
      other: 'Autre',
    },
    withCount: (label, count) => `${label} (${count})`,
  },
};

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language, precision: 'year' | 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: 'UTC',
      year: 'numeric',
      ...(precision !== 'year' && { month: 'long' }),
      ...(precision === 'day' && { day: 'numeric' }),
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A glossary date (YYYY, YYYY-MM or YYYY-MM-DD) in words: "15 November 2000", "November 2000",
 * "2000"; in French "15 novembre 2000", "1er mars 2006", "novembre 2000". Anything else is
 * returned unchanged.
 */
export function formatDate(iso: string, lang: Language): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // 31 February and the like roll over into the next month: not a real date.
  if (date.getUTCMonth() !== month - 1) return iso;
  const precision = m[3] !== undefined ? 'day' : m[2] !== undefined ? 'month' : 'year';
  const parts = formatter(lang, precision).formatToParts(date);
  return parts.map((p) => (p.type === 'day' && lang === 'fr' && day === 1 ? '1er' : p.value)).join('');
}
