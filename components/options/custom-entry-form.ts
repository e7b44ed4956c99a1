/**
 * The options page's form for the user's own entries: its fields, an entry from them (checked by
 * glossary/custom-entries.ts as an imported one is) and back, and the list after saving or
 * deleting one. Pure: no DOM, no browser APIs.
 */
import { CATEGORIES } from '../../glossary/categories';
import { checkCustomEntry } from '../../glossary/custom-entries';
import type { Entry, Glossary } from '../../glossary/schema';
import { stripAccents } from '../../glossary/text-fold';

/** What an entry made in the form is, in the card. */
const CUSTOM_KIND = { en: 'Custom entry', fr: 'Entrée personnalisée' } as const;

/** The fields of the options page's form, as typed. */
export interface CustomEntryFields {
  /** One name per line; the first is the title. */
  namesEn: string;
  namesFr: string;
  /** Separated by commas or new lines. */
  acronymsEn: string;
  acronymsFr: string;
  category: string;
  definitionEn: string;
  definitionFr: string;
  officialUrl: string;
}
export type FieldName = keyof CustomEntryFields;

export const EMPTY_FIELDS: CustomEntryFields = {
  namesEn: '',
  namesFr: '',
  acronymsEn: '',
  acronymsFr: '',
  category: CATEGORIES[0],
  definitionEn: '',
  definitionFr: '',
  officialUrl: '',
};

/** The form's fields for an existing entry (to edit it). */
export function fieldsOfEntry(entry: Entry): CustomEntryFields {
  const lines = (terms: readonly { text: string }[], separator: string) => terms.map((t) => t.text).join(separator);
  return {
    namesEn: lines(entry.names.en, '\n'),
    namesFr: lines(entry.names.fr, '\n'),
    acronymsEn: lines(entry.acronyms.en, ', '),
    acronymsFr: lines(entry.acronyms.fr, ', '),
    category: entry.category,
    definitionEn: entry.definition.en,
    definitionFr: entry.definition.fr === entry.definition.en ? '' : entry.definition.fr,
    officialUrl: entry.officialUrl ?? '',
  };
}

const unique = (items: string[]) => [...new Set(items)];
const splitLines = (text: string) => unique(text.split(/\r?\n/).map((s) => s.trim())).filter(Boolean);
const splitAcronyms = (text: string) => unique(text.split(/[,\n]/).map((s) => s.trim())).filter(Boolean);

/** An id from an English name: "custom-" and the name's words, unique among `taken`. */
export function customId(name: string, taken: ReadonlySet<string>): string {
  const slug = stripAccents(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const base = `custom-${slug || 'entry'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The form field that a problem's entry field belongs to. */
function fieldOf(path: string): FieldName | null {
  const [head, lang] = path.split('.');
  const suffix = lang === 'fr' ? 'Fr' : 'En';
  if (head === 'names' || head === 'acronyms' || head === 'definition') return `${head}${suffix}` as FieldName;
  if (head === 'category') return 'category';
  if (head === 'officialUrl') return 'officialUrl';
  return null;
}

export interface FieldError {
  /** The form field at fault, or null when the problem is with the entry as a whole. */
  field: FieldName | null;
  message: string;
}

export type FormResult = { ok: true; entry: Entry } | { ok: false; errors: FieldError[] };

/**
 * A full entry from the form's fields, checked like an imported one against the built-in
 * glossary and the user's `others` entries. `base` is the entry being edited: it keeps its id and
 * what the form does not show (facts, related entries, a term's context words and display flag).
 * A new entry gets an id from its English name. A definition in one language stands for both.
 */
export function entryFromFields(
  fields: CustomEntryFields,
  builtIn: Glossary,
  others: readonly Entry[],
  base?: Entry,
): FormResult {
  const namesEn = splitLines(fields.namesEn);
  // Every problem at once: the checks go on with stand-ins for what is missing.
  const errors: FieldError[] = [];
  if (namesEn.length === 0) errors.push({ field: 'namesEn', message: 'needs at least one English name' });
  const en = fields.definitionEn.trim();
  const fr = fields.definitionFr.trim();
  if (!en && !fr) errors.push({ field: 'definitionEn', message: 'write a definition in English or in French' });
  const definition = en || fr || '-';

  const taken = new Set([...builtIn.map((e) => e.id), ...others.map((e) => e.id)]);
  const url = fields.officialUrl.trim();
  /** Terms from the form, keeping the base entry's options for the texts it already had. */
  const terms = <T extends { text: string }>(texts: string[], old: readonly T[] = []) =>
    texts.map((text) => old.find((t) => t.text === text) ?? { text });
  const raw = {
    ...(base ?? {
      kind: { ...CUSTOM_KIND },
      inDocument: 'no',
      facts: [],
      documentPassages: [],
      franceRole: null,
      correction: null,
      related: [],
    }),
    id: base?.id ?? customId(namesEn[0] ?? '', taken),
    category: fields.category,
    names: {
      en: terms(namesEn, base?.names.en),
      fr: terms(splitLines(fields.namesFr), base?.names.fr),
    },
    acronyms: {
      en: terms(splitAcronyms(fields.acronymsEn), base?.acronyms.en),
      fr: terms(splitAcronyms(fields.acronymsFr), base?.acronyms.fr),
    },
    definition: { en: en || definition, fr: fr || definition },
    officialUrl: url || null,
  };
  const checked = checkCustomEntry(raw, builtIn, others);
  if (checked.ok) return errors.length ? { ok: false, errors } : { ok: true, entry: checked.entry };
  for (const p of checked.problems) {
    // Said above in the form's words.
    if (p.field === 'names.en' && namesEn.length === 0) continue;
    errors.push({ field: fieldOf(p.field), message: p.message });
  }
  return { ok: false, errors };
}

/** The user's entries after saving `entry` (replacing the one with its id, else added at the end). */
export function withEntry(entries: readonly Entry[], entry: Entry): Entry[] {
  const at = entries.findIndex((e) => e.id === entry.id);
  return at < 0 ? [...entries, entry] : entries.map((e, i) => (i === at ? entry : e));
}

/** The user's entries without the one with `id`, and without links to it from the others (a rule of custom entries). */
export function withoutEntry(entries: readonly Entry[], id: string): Entry[] {
  return entries
    .filter((e) => e.id !== id)
    .map((e) => (e.related.includes(id) ? { ...e, related: e.related.filter((r) => r !== id) } : e));
}
