/**
 * The glossary's schema: one place that says what an entry is. Both the built-in glossary
 * (glossary/entries.json) and users' imported entries are checked against it, so a broken entry
 * fails with a message naming the entry and the field.
 */
import * as v from 'valibot';
import { CATEGORIES } from './categories';
import { termKey } from './text-fold';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const url = v.pipe(v.string(), v.url('must be a URL'), v.startsWith('http', 'must be an http(s) URL'));
export const EntryId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
);

/** Text in both languages of the glossary. */
const Bilingual = v.strictObject({ en: nonEmpty, fr: nonEmpty });
export type Bilingual = v.InferOutput<typeof Bilingual>;

/**
 * Words that must appear near a term before it counts as a mention (the same paragraph or
 * block). Used for acronyms that collide with names and other expansions (GRETA, IOM, HRC…).
 */
const Context = v.pipe(v.array(nonEmpty), v.minLength(1, 'needs at least one context word'));

/**
 * A name is matched tolerantly: any case, any run of white space, straight or typographic
 * apostrophes, any hyphen, British or American spelling, with or without accents.
 */
const NameTerm = v.strictObject({
  text: nonEmpty,
  /** Shown in the card as an official name unless false (aliases that only match). */
  display: v.optional(v.boolean()),
  context: v.optional(Context),
  /**
   * Matched only with a capital first letter: a title that is also a common phrase ("the Protocol
   * on Human Trafficking", not "a protocol on human trafficking" between two ministries).
   */
  proper: v.optional(v.boolean()),
});
export type NameTerm = v.InferOutput<typeof NameTerm>;

/** An acronym is matched exactly as written (case-sensitive) and never inside a run of capitals. */
const AcronymTerm = v.strictObject({
  text: nonEmpty,
  context: v.optional(Context),
});
export type AcronymTerm = v.InferOutput<typeof AcronymTerm>;

const PerLanguage = <T extends v.GenericSchema>(item: T) => v.strictObject({ en: v.array(item), fr: v.array(item) });

const FACT_KINDS = ['adopted', 'signed', 'in-force', 'founded', 'ended', 'seat', 'parent', 'other'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

const Fact = v.strictObject({
  kind: v.picklist(FACT_KINDS),
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) when the fact has one. */
  date: v.optional(v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'))),
  text: Bilingual,
  sources: v.pipe(v.array(url), v.minLength(1, 'every fact needs a source')),
});
export type Fact = v.InferOutput<typeof Fact>;

export const EntrySchema = v.strictObject({
  id: EntryId,
  category: v.picklist(CATEGORIES),
  /** What kind of thing it is, e.g. "UN treaty (protocol)". */
  kind: Bilingual,
  /** How the source document names it: named, only implied, or not at all (a related entry). */
  inDocument: v.picklist(['named', 'implicit', 'no']),
  names: PerLanguage(NameTerm),
  acronyms: PerLanguage(AcronymTerm),
  definition: Bilingual,
  facts: v.array(Fact),
  /** The source document's own passages about it, quoted exactly. */
  documentPassages: v.array(nonEmpty),
  /** France's role as the source document states it. */
  franceRole: v.nullable(Bilingual),
  /** Where the source document is wrong or loose about it. */
  correction: v.nullable(Bilingual),
  related: v.array(EntryId),
  officialUrl: v.nullable(url),
  /**
   * The body that adopted the instrument or of which the body is part (an entry id: "un", "ilo"):
   * its names may precede this entry's names, and a name written without it is a short form
   * (glossary/variants.ts).
   */
  issuer: v.optional(EntryId),
  /** An ILO convention's number (29 for C029): its numbered forms are generated from it (glossary/variants.ts). */
  number: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type Entry = v.InferOutput<typeof EntrySchema>;

export const GlossarySchema = v.pipe(
  v.array(EntrySchema),
  v.minLength(1, 'the glossary is empty'),
  v.check((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'entry ids must be unique'),
);
export type Glossary = Entry[];

/** A readable message for each issue: the entry (by id or index) and the field path. */
export function describeIssues(input: unknown, issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const index = issue.path?.[0]?.key;
    let where = 'glossary';
    if (typeof index === 'number') {
      const raw = Array.isArray(input) ? (input[index] as { id?: unknown } | undefined) : undefined;
      where = typeof raw?.id === 'string' ? `entry "${raw.id}"` : `entry #${index + 1}`;
    }
    // The path inside the entry: "3.names.en.0.text" is field "names.en.0.text" of entry #4.
    const field = v.getDotPath(issue)?.replace(/^[^.]*\.?/, '') ?? '';
    return `${where}${field ? `, field ${field}` : ''}: ${issue.message}`;
  });
}

export class GlossaryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid glossary:\n- ${problems.join('\n- ')}`);
    this.name = 'GlossaryError';
  }
}

/** Validates raw data as a glossary, including the links between entries. */
export function parseGlossary(input: unknown): Glossary {
  const result = v.safeParse(GlossarySchema, input);
  if (!result.success) throw new GlossaryError(describeIssues(input, result.issues));
  const ids = new Set(result.output.map((e) => e.id));
  const problems: string[] = [];
  for (const entry of result.output) {
    for (const [i, rel] of entry.related.entries()) {
      if (!ids.has(rel)) problems.push(`entry "${entry.id}", field related.${i}: unknown entry id "${rel}"`);
      if (rel === entry.id) problems.push(`entry "${entry.id}", field related.${i}: an entry cannot relate to itself`);
    }
    if (entry.issuer !== undefined && (!ids.has(entry.issuer) || entry.issuer === entry.id))
      problems.push(`entry "${entry.id}", field issuer: "${entry.issuer}" is not the id of another entry`);
    if (!entry.names.en.some((n) => n.display !== false))
      problems.push(`entry "${entry.id}", field names.en: needs at least one displayed name`);
  }
  problems.push(...sharedTerms(result.output));
  if (problems.length) throw new GlossaryError(problems);
  return result.output;
}

/** Names or acronyms that two entries share (after folding case, spaces and spelling). */
export function sharedTerms(entries: readonly Entry[]): string[] {
  const owners = new Map<string, string>();
  const problems: string[] = [];
  for (const entry of entries) {
    for (const lang of LANGUAGES) {
      const terms = [
        ...entry.names[lang].map((t, i) => ({ t, kind: 'name' as const, field: `names.${lang}.${i}` })),
        ...entry.acronyms[lang].map((t, i) => ({ t, kind: 'acronym' as const, field: `acronyms.${lang}.${i}` })),
      ];
      for (const { t, kind, field } of terms) {
        const key = `${kind}:${termKey(kind, t.text)}`;
        const owner = owners.get(key);
        if (owner && owner !== entry.id)
          problems.push(`entry "${entry.id}", field ${field}: "${t.text}" is already a term of entry "${owner}"`);
        owners.set(key, entry.id);
      }
    }
  }
  return problems;
}
