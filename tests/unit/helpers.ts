import { readFileSync } from 'node:fs';
import { glossary } from '../../glossary';
import { parseCustomEntriesFile } from '../../glossary/custom-entries';
import type { Entry } from '../../glossary/schema';

/** A minimal valid entry, for tests that only care about names and acronyms. */
export function entry(id: string, patch: Partial<Entry> = {}): Entry {
  return {
    id,
    category: 'bodies',
    kind: { en: 'test', fr: 'test' },
    inDocument: 'no',
    names: { en: [], fr: [] },
    acronyms: { en: [], fr: [] },
    definition: { en: 'Test.', fr: 'Test.' },
    facts: [],
    documentPassages: [],
    franceRole: null,
    correction: null,
    related: [],
    officialUrl: null,
    ...patch,
  };
}

export const names = (...texts: string[]) => texts.map((text) => ({ text }));

/** The text of a custom-entries test file (tests/fixtures/custom/). */
export const customFixture = (name: string) =>
  readFileSync(new URL(`../fixtures/custom/${name}`, import.meta.url), 'utf8');

/** The entries of a custom-entries file that must be accepted; throws with the errors if refused. */
export function accepted(text: string): Entry[] {
  const result = parseCustomEntriesFile(text, glossary);
  if (!result.ok) throw new Error(`refused: ${result.errors.join('\n')}`);
  return result.entries;
}
