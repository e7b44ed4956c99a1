/**
 * The user's own glossary entries: the rules they follow and their file format. They are validated
 * with the built-in glossary's schema, plus the rules that keep them from breaking highlighting
 * (unique ids and terms, names long enough not to match everywhere, related entries that exist).
 * Pure: no DOM, no browser APIs. Every refusal says which entry (by id, else #index from 1) and
 * which field, and nothing is returned with it. The options page's form maps its fields onto
 * entries in components/options/custom-entry-form.ts.
 */
import * as v from 'valibot';
import { checkFileHeader, isRecord, readJsonFile } from './json-file';
import { describeIssues, type Entry, EntrySchema, type Glossary, LANGUAGES, sharedTerms } from './schema';

export const ENTRIES_FORMAT = 'palermo-lens-entries';
export const ENTRIES_FILE_VERSION = 1;
export const CUSTOM_ENTRIES_MAX_BYTES = 512 * 1024;
export const CUSTOM_ENTRIES_MAX = 500;

export type EntriesResult = { ok: true; entries: Entry[] } | { ok: false; errors: string[] };

/** A problem with one entry: where (its id or its index) and which field. */
interface Problem {
  entry: string;
  /** The entry's place in the list checked, from 0. */
  index: number;
  field: string;
  message: string;
}
const format = (p: Problem) => `${p.entry}${p.field ? `, field ${p.field}` : ''}: ${p.message}`;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const TWO_CAPITALS = /^\p{Lu}{2}$/u;

/**
 * The rules beyond the schema, for `entries` (already schema-valid) next to the built-in
 * glossary and `others` (the user's other entries, already saved and checked). `numbers` are the
 * entries' numbers in the messages (their place in the list the user knows).
 */
function ruleProblems(
  entries: readonly Entry[],
  builtIn: Glossary,
  others: readonly Entry[],
  numbers: readonly number[] = entries.map((_, i) => i + 1),
): Problem[] {
  const problems: Problem[] = [];
  const builtInIds = new Set(builtIn.map((e) => e.id));
  const otherIds = new Set(others.map((e) => e.id));
  const fileIds = new Set(entries.map((e) => e.id));
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    const where = `entry "${entry.id}"`;
    const add = (field: string, message: string) => problems.push({ entry: where, index, field, message });
    const first = firstIndex.get(entry.id);
    if (first === undefined) firstIndex.set(entry.id, index);
    else add('id', `the id is used twice, by entries #${numbers[first]} and #${numbers[index]}`);
    if (builtInIds.has(entry.id)) add('id', `"${entry.id}" is the id of a built-in entry`);
    if (otherIds.has(entry.id)) add('id', `"${entry.id}" is already the id of another of your entries`);

    if (!entry.names.en.some((n) => n.display !== false)) add('names.en', 'needs at least one displayed English name');
    for (const lang of LANGUAGES) {
      entry.names[lang].forEach((name, i) => {
        const field = `names.${lang}.${i}`;
        const chars = [...name.text.replace(/\s+/g, '')].length;
        if (chars <= 2)
          add(
            field,
            `"${name.text}" is too short: a name needs at least 3 characters, or it would match almost everywhere`,
          );
        else if (!LETTER_OR_DIGIT.test(name.text)) add(field, `"${name.text}" needs at least one letter or digit`);
      });
      entry.acronyms[lang].forEach((acronym, i) => {
        const field = `acronyms.${lang}.${i}`;
        const chars = [...acronym.text].length;
        if (chars <= 1)
          add(
            field,
            `"${acronym.text}" is too short: an acronym needs at least 2 characters, or it would match almost everywhere`,
          );
        else if (chars === 2 && !TWO_CAPITALS.test(acronym.text))
          add(
            field,
            `"${acronym.text}": a two-character acronym must be two capital letters (acronyms match case-sensitively, so it would match common words)`,
          );
      });
    }
    entry.related.forEach((rel, i) => {
      if (rel === entry.id) add(`related.${i}`, 'an entry cannot relate to itself');
      else if (!fileIds.has(rel) && !builtInIds.has(rel) && !otherIds.has(rel))
        add(`related.${i}`, `unknown entry id "${rel}"`);
    });
  });
  // Terms shared with a built-in entry, another of the user's entries or another entry of the file.
  const ours = new Set(entries.map((e) => `entry "${e.id}", `));
  for (const message of sharedTerms([...builtIn, ...others, ...entries])) {
    const prefix = /^entry "[^"]*", /.exec(message)?.[0];
    if (!prefix || !ours.has(prefix)) continue;
    const rest = message.slice(prefix.length);
    const field = /^field (\S+): /.exec(rest);
    const entry = prefix.slice(0, -2);
    problems.push({
      entry,
      // With ids used twice, the first: its twin is refused for its id, and the check runs again.
      index: entries.findIndex((e) => `entry "${e.id}"` === entry),
      field: field?.[1] ?? '',
      message: field ? rest.slice(field[0].length) : rest,
    });
  }
  return problems;
}

/**
 * Checks entries (raw data) as the user's own: the schema, then the rules. `others` are the
 * user's entries that stay next to them (none for a file, which replaces them all).
 */
export function checkCustomEntries(input: unknown[], builtIn: Glossary, others: readonly Entry[] = []): EntriesResult {
  const parsed = v.safeParse(v.array(EntrySchema), input);
  if (!parsed.success) return { ok: false, errors: describeIssues(input, parsed.issues) };
  const problems = ruleProblems(parsed.output, builtIn, others);
  return problems.length ? { ok: false, errors: problems.map(format) } : { ok: true, entries: parsed.output };
}

/** A problem of one entry: the field (a dot path such as "names.en.0", '' for the whole entry) and what. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * One entry (raw data) checked as the user's own, as `checkCustomEntries` checks a file's, with
 * each problem's field as a path (for a form that shows it next to its input). Schema problems
 * come alone: the rules need a valid entry.
 */
export function checkCustomEntry(
  input: unknown,
  builtIn: Glossary,
  others: readonly Entry[],
): { ok: true; entry: Entry } | { ok: false; problems: FieldProblem[] } {
  const parsed = v.safeParse(EntrySchema, input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map((issue) => ({ field: v.getDotPath(issue) ?? '', message: issue.message })),
    };
  }
  const problems = ruleProblems([parsed.output], builtIn, others).map(({ field, message }) => ({ field, message }));
  return problems.length ? { ok: false, problems } : { ok: true, entry: parsed.output };
}

/**
 * The entries of an imported file: a bare array of entries, or
 * {format: 'palermo-lens-entries', version: 1, entries: […]}. They replace the user's entries,
 * so they are checked against the built-in glossary and each other only.
 */
export function parseCustomEntriesFile(text: string, builtIn: Glossary): EntriesResult {
  const json = readJsonFile(text, CUSTOM_ENTRIES_MAX_BYTES);
  if (!json.ok) return { ok: false, errors: json.errors };
  let list: unknown = json.value;
  if (isRecord(list) && 'format' in list) {
    const header = checkFileHeader(list, ENTRIES_FORMAT, ENTRIES_FILE_VERSION);
    if (header.length) return { ok: false, errors: header };
    const extra = Object.keys(list).filter((k) => !['format', 'version', 'entries'].includes(k));
    if (extra.length) return { ok: false, errors: extra.map((k) => `field ${k}: unknown field`) };
    if (!Array.isArray(list.entries)) return { ok: false, errors: ['field entries: must be a list of entries'] };
    list = list.entries;
  }
  if (!Array.isArray(list)) {
    return {
      ok: false,
      errors: [
        `The file must hold a list of entries: a JSON array, or {"format": "${ENTRIES_FORMAT}", "version": 1, "entries": […]}.`,
      ],
    };
  }
  if (list.length > CUSTOM_ENTRIES_MAX) {
    return { ok: false, errors: [`The file has ${list.length} entries; the limit is ${CUSTOM_ENTRIES_MAX}.`] };
  }
  return checkCustomEntries(list, builtIn);
}

/** What an exported file of entries holds. */
export function entriesFileContent(entries: readonly Entry[]): string {
  return `${JSON.stringify({ format: ENTRIES_FORMAT, version: ENTRIES_FILE_VERSION, entries }, null, 2)}\n`;
}

/** A stored entry left out because it is damaged, and why. */
export interface DroppedEntry {
  /** Its place in the stored list, from 1; null when the stored value is not a list at all. */
  number: number | null;
  id: string | null;
  problems: string[];
}

export interface StoredEntries {
  entries: Entry[];
  dropped: DroppedEntry[];
}

/**
 * The user's entries as storage holds them, which can be anything (an older or newer version, a
 * sync conflict, another tool): each is checked like an imported one, the schema then the rules
 * next to the built-in glossary, and the valid ones are kept in their order. A damaged entry is
 * left out on its own and reported; so is an entry that only made sense with one left out (a
 * related entry that is gone). Nothing stored means no entries.
 */
export function storedCustomEntries(value: unknown, builtIn: Glossary): StoredEntries {
  if (value === null || value === undefined) return { entries: [], dropped: [] };
  if (!Array.isArray(value)) {
    return {
      entries: [],
      dropped: [{ number: null, id: null, problems: [`not a list of entries (${typeof value})`] }],
    };
  }
  const dropped: DroppedEntry[] = [];
  let kept: { entry: Entry; number: number }[] = [];
  value.forEach((item: unknown, index) => {
    const parsed = v.safeParse(EntrySchema, item);
    if (parsed.success) kept.push({ entry: parsed.output, number: index + 1 });
    else {
      const id = isRecord(item) && typeof item.id === 'string' ? item.id : null;
      const problems = parsed.issues.map((issue) => {
        const path = v.getDotPath(issue);
        return path ? `field ${path}: ${issue.message}` : issue.message;
      });
      dropped.push({ number: index + 1, id, problems });
    }
  });
  // Leaving an entry out can break another (a related entry gone): check again until none is left out.
  for (;;) {
    const problems = ruleProblems(
      kept.map((k) => k.entry),
      builtIn,
      [],
      kept.map((k) => k.number),
    );
    if (problems.length === 0) break;
    // Ids first: once they are unique, every other problem names its entry without doubt.
    const idProblems = problems.filter((p) => p.field === 'id');
    const refused = new Map<number, string[]>();
    for (const p of idProblems.length ? idProblems : problems) {
      const reason = p.field ? `field ${p.field}: ${p.message}` : p.message;
      refused.set(p.index, [...(refused.get(p.index) ?? []), reason]);
    }
    for (const [index, reasons] of refused) {
      const { entry, number } = kept[index] as (typeof kept)[number];
      dropped.push({ number, id: entry.id, problems: reasons });
    }
    kept = kept.filter((_, i) => !refused.has(i));
  }
  dropped.sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  return { entries: kept.map((k) => k.entry), dropped };
}

/** One dropped entry for people: `#3 "custom-x" (field names.en: must not be empty)`. */
export function describeDropped(dropped: DroppedEntry): string {
  const shown = dropped.problems.slice(0, 3);
  const more = dropped.problems.length - shown.length;
  const why = `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  if (dropped.number === null) return `the stored value (${why})`;
  return `#${dropped.number}${dropped.id === null ? '' : ` "${dropped.id}"`} (${why})`;
}
