import { describe, expect, it } from 'vitest';
import {
  type CustomEntryFields,
  customId,
  EMPTY_FIELDS,
  entryFromFields,
  fieldsOfEntry,
  withEntry,
  withoutEntry,
} from '../../components/options/custom-entry-form';
import { glossary } from '../../glossary';
import type { Entry } from '../../glossary/schema';
import { accepted, customFixture, entry, names } from './helpers';

const fixture = customFixture;

const named = (id: string, name: string, patch: Partial<Entry> = {}) =>
  entry(id, { names: { en: names(name), fr: [] }, ...patch });

describe('entries from the form', () => {
  const fields = (patch: Partial<CustomEntryFields>): CustomEntryFields => ({ ...EMPTY_FIELDS, ...patch });

  it('builds a full entry, with an id from the English name', () => {
    const result = entryFromFields(
      fields({
        namesEn: 'Safe Passage Fund\n  Safe Passage Foundation  \n\n',
        namesFr: 'Fonds Passage sûr',
        acronymsEn: 'SPF, SPFd',
        category: 'initiatives',
        definitionEn: 'A fund for safe passage.',
        officialUrl: ' https://example.org/spf ',
      }),
      glossary,
      [],
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entry).toEqual({
      id: 'custom-safe-passage-fund',
      category: 'initiatives',
      kind: { en: 'Custom entry', fr: 'Entrée personnalisée' },
      inDocument: 'no',
      names: { en: names('Safe Passage Fund', 'Safe Passage Foundation'), fr: names('Fonds Passage sûr') },
      acronyms: { en: [{ text: 'SPF' }, { text: 'SPFd' }], fr: [] },
      // One definition stands for both languages.
      definition: { en: 'A fund for safe passage.', fr: 'A fund for safe passage.' },
      facts: [],
      documentPassages: [],
      franceRole: null,
      correction: null,
      related: [],
      officialUrl: 'https://example.org/spf',
    });
  });

  it('refuses what an imported file would be refused for, naming the form field', () => {
    const check = (patch: Partial<CustomEntryFields>, others: Entry[] = []) => {
      const result = entryFromFields(fields({ definitionFr: 'Une définition.', ...patch }), glossary, others);
      return result.ok ? [] : result.errors;
    };
    expect(check({})).toEqual([{ field: 'namesEn', message: 'needs at least one English name' }]);
    expect(check({ namesEn: 'Fine Name', definitionFr: '' })).toEqual([
      { field: 'definitionEn', message: 'write a definition in English or in French' },
    ]);
    expect(check({ namesEn: 'Zq' })).toEqual([
      {
        field: 'namesEn',
        message: '"Zq" is too short: a name needs at least 3 characters, or it would match almost everywhere',
      },
    ]);
    expect(check({ namesEn: 'Fine Name', acronymsFr: 'un' })[0]?.field).toBe('acronymsFr');
    expect(check({ namesEn: 'Council of Europe' })).toEqual([
      { field: 'namesEn', message: '"Council of Europe" is already a term of entry "coe"' },
    ]);
    expect(check({ namesEn: 'Fine Name', officialUrl: 'javascript:alert(1)' })[0]?.field).toBe('officialUrl');
    // Every problem at once.
    expect(check({ namesEn: 'Zq', definitionFr: '', acronymsEn: 'S' }).map((e) => e.field)).toEqual([
      'definitionEn',
      'namesEn',
      'acronymsEn',
    ]);
    expect(check({ namesEn: 'Fine Name', category: 'planets' })[0]?.field).toBe('category');
    const mine = named('custom-mine', 'My Own Shelter');
    expect(check({ namesEn: 'my own  shelter' }, [mine])).toEqual([
      { field: 'namesEn', message: '"my own  shelter" is already a term of entry "custom-mine"' },
    ]);
  });

  it('keeps the id and what the form does not show when editing', () => {
    const [cpp, lantern] = accepted(fixture('valid.json')) as [Entry, Entry];
    const form = fieldsOfEntry(lantern);
    expect(form).toMatchObject({ namesEn: 'Lantern Anti-Slavery Network', acronymsEn: 'LASN', acronymsFr: 'RLCE' });
    const result = entryFromFields(
      { ...form, definitionEn: 'A new definition.', namesEn: 'Lantern Anti-Slavery Network\nLantern Network' },
      glossary,
      [cpp],
      lantern,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entry).toEqual({
      ...lantern,
      names: { ...lantern.names, en: names('Lantern Anti-Slavery Network', 'Lantern Network') },
      definition: { en: 'A new definition.', fr: lantern.definition.fr },
    });
    // Saving it next to the others, then deleting the other one, drops the link to it.
    const saved = withEntry([cpp, lantern], result.entry);
    expect(saved.map((e) => e.id)).toEqual(['cpp-forum', 'lantern-network']);
    expect(withoutEntry(saved, 'cpp-forum')).toEqual([{ ...result.entry, related: [] }]);
  });

  it('makes ids unique and valid', () => {
    expect(customId('Réseau « Lanterne » (Paris)', new Set())).toBe('custom-reseau-lanterne-paris');
    expect(customId('Réseau', new Set(['custom-reseau', 'custom-reseau-2']))).toBe('custom-reseau-3');
    expect(customId('中文名称', new Set())).toBe('custom-entry');
  });
});
