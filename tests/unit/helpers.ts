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
