import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import {
  CUSTOM_ENTRIES_MAX,
  CUSTOM_ENTRIES_MAX_BYTES,
  checkCustomEntry,
  type DroppedEntry,
  describeDropped,
  entriesFileContent,
  parseCustomEntriesFile,
  storedCustomEntries,
} from '../../glossary/custom-entries';
import { compileMatcher } from '../../glossary/matcher';
import type { Entry } from '../../glossary/schema';
import { accepted, customFixture, entry, names } from './helpers';

const fixture = customFixture;

/** The errors of a refused file; fails the test if the file was accepted. */
function refused(text: string): string[] {
  const result = parseCustomEntriesFile(text, glossary);
  expect(result.ok, 'the file should be refused').toBe(false);
  expect('entries' in result, 'nothing is returned on error').toBe(false);
  return result.ok ? [] : result.errors;
}

const named = (id: string, name: string, patch: Partial<Entry> = {}) =>
  entry(id, { names: { en: names(name), fr: [] }, ...patch });

describe('parseCustomEntriesFile: accepted files', () => {
  it('accepts a file in the export format, and a bare array', () => {
    const entries = accepted(fixture('valid.json'));
    expect(entries.map((e) => e.id)).toEqual(['cpp-forum', 'lantern-network']);
    expect(entries[1]?.names.fr[0]?.text).toBe('Réseau Lanterne contre l’esclavage');
    expect(accepted(fixture('valid-bare-array.json')).map((e) => e.id)).toEqual(['quiet-harbour']);
    expect(accepted('[]')).toEqual([]);
  });

  it('accepts regex metacharacters in names and matches them literally', () => {
    const entries = accepted(fixture('valid.json'));
    expect(entries[0]?.names.en[0]?.text).toBe('C++ (Forum) [x]*');
    const matcher = compileMatcher([...glossary, ...entries]);
    const text = 'Members of the C++ (Forum) [x]* met the Lantern Anti-Slavery Network (LASN).';
    const found = matcher.find(text).map((m) => [m.id, text.slice(m.start, m.end)]);
    expect(found).toEqual([
      ['cpp-forum', 'C++ (Forum) [x]*'],
      ['lantern-network', 'Lantern Anti-Slavery Network'],
      ['lantern-network', 'LASN'],
    ]);
    // Literally: the characters are not read as a pattern ("C+" repeated, a class [x], a star);
    // parentheses are optional in any name ("Convention (No. 29)"), so they are the exception.
    expect(matcher.find('C++ Forum [x]*').map((m) => m.id)).toEqual(['cpp-forum']);
    for (const near of ['CCC (Forum) x', 'C++ (Forum) x*', 'C++ (Forum) xxxx', 'C (Forum) [x]']) {
      expect(
        matcher.find(near).map((m) => m.id),
        near,
      ).not.toContain('cpp-forum');
    }
  });

  it('round-trips its own export', () => {
    const entries = accepted(fixture('valid.json'));
    expect(accepted(entriesFileContent(entries))).toEqual(entries);
    expect(JSON.parse(entriesFileContent(entries))).toMatchObject({ format: 'palermo-lens-entries', version: 1 });
  });
});

describe('parseCustomEntriesFile: refusals name the entry and the field', () => {
  it('refuses a file over the size limit, saying its size and the limit', () => {
    // Just over: the sizes are given in bytes so that they differ.
    expect(refused(`[${' '.repeat(CUSTOM_ENTRIES_MAX_BYTES - 1)}]`)).toEqual([
      'The file is 524289 bytes; the limit is 524288 bytes.',
    ]);
    expect(accepted(`[${' '.repeat(CUSTOM_ENTRIES_MAX_BYTES - 2)}]`)).toEqual([]);
    const [message] = refused(`[${' '.repeat(600 * 1024)}]`);
    expect(message).toBe('The file is 600 KB; the limit is 512 KB.');
    // Characters outside ASCII count as the bytes they take.
    expect(refused(`["${'é'.repeat(CUSTOM_ENTRIES_MAX_BYTES / 2)}"]`)[0]).toBe(
      'The file is 524292 bytes; the limit is 524288 bytes.',
    );
  });

  it('refuses text that is not JSON, with the position of the error', () => {
    const [message] = refused(fixture('not-json.txt'));
    // The trailing comma before "}" on line 5.
    expect(message).toMatch(/^The file is not valid JSON: .+ at line 5, column 3 \(position \d+\)\.$/);
    expect(refused('hello')[0]).toMatch(/not valid JSON: Unexpected token 'h' at line 1, column 1 \(position 0\)/);
    expect(refused('[1, 2')[0]).toMatch(/line 1, column 6/);
    expect(refused('')[0]).toMatch(/not valid JSON/);
  });

  it('refuses a file that is not a list of entries', () => {
    expect(refused(fixture('not-a-list.json'))).toEqual([
      'The file must hold a list of entries: a JSON array, or {"format": "palermo-lens-entries", "version": 1, "entries": […]}.',
    ]);
    expect(refused('"entries"')[0]).toMatch(/must hold a list of entries/);
    expect(refused(fixture('wrong-format.json'))).toEqual([
      'field format: must be "palermo-lens-entries" (this file says "palermo-lens-settings")',
    ]);
    expect(refused(fixture('wrong-version.json'))).toEqual(['field version: version 2 is not supported (only 1)']);
    expect(refused('{"format": "palermo-lens-entries", "version": 1, "entries": {}}')).toEqual([
      'field entries: must be a list of entries',
    ]);
  });

  it('refuses more than 500 entries', () => {
    const many = Array.from({ length: CUSTOM_ENTRIES_MAX + 1 }, (_, i) => named(`e${i}`, `Entry number ${i}`));
    expect(refused(JSON.stringify(many))).toEqual(['The file has 501 entries; the limit is 500.']);
    expect(accepted(JSON.stringify(many.slice(0, CUSTOM_ENTRIES_MAX)))).toHaveLength(CUSTOM_ENTRIES_MAX);
  });

  it('refuses schema errors, with the glossary schema’s messages', () => {
    const errors = refused(fixture('schema-error.json'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^entry "bad-category", field category: /);
    // Without an id, the entry is named by its position (from 1).
    expect(refused(fixture('schema-no-id.json'))[0]).toMatch(/^entry #1, field id: /);
    const unsafe = JSON.stringify([named('unsafe', 'Unsafe Link Group', { officialUrl: 'javascript:alert(1)' })]);
    expect(refused(unsafe)[0]).toMatch(/^entry "unsafe", field officialUrl: /);
    const extra = JSON.stringify([{ ...named('extra-field', 'Extra Field Group'), script: '<b>x</b>' }]);
    expect(refused(extra)[0]).toMatch(/^entry "extra-field", field script: /);
  });

  it('refuses duplicate ids within the file', () => {
    expect(refused(fixture('duplicate-ids.json'))).toEqual([
      'entry "twice", field id: the id is used twice, by entries #1 and #2',
    ]);
  });

  it('refuses the id of a built-in entry', () => {
    expect(refused(fixture('builtin-id.json'))).toEqual([
      'entry "greta", field id: "greta" is the id of a built-in entry',
    ]);
  });

  it('refuses an entry without an English display name', () => {
    expect(refused(fixture('no-english-name.json'))).toEqual([
      'entry "french-only", field names.en: needs at least one displayed English name',
    ]);
    const hiddenOnly = [
      named('hidden-only', 'Hidden Only Group', {
        names: { en: [{ text: 'Hidden Only Group', display: false }], fr: [] },
      }),
    ];
    expect(refused(JSON.stringify(hiddenOnly))).toEqual([
      'entry "hidden-only", field names.en: needs at least one displayed English name',
    ]);
  });

  it('refuses names and acronyms that would match almost everywhere', () => {
    expect(refused(fixture('short-name.json'))).toEqual([
      'entry "short-name", field names.en.0: "Zq" is too short: a name needs at least 3 characters, or it would match almost everywhere',
    ]);
    expect(refused(fixture('short-acronym.json'))).toEqual([
      'entry "short-acronym", field acronyms.en.0: "S" is too short: an acronym needs at least 2 characters, or it would match almost everywhere',
    ]);
    expect(refused(fixture('lowercase-acronym.json'))).toEqual([
      'entry "lowercase-acronym", field acronyms.fr.0: "un": a two-character acronym must be two capital letters (acronyms match case-sensitively, so it would match common words)',
    ]);
    const punctuation = [named('dots', 'Dots Group', { names: { en: names('Dots Group'), fr: names('...') } })];
    expect(refused(JSON.stringify(punctuation))).toEqual([
      'entry "dots", field names.fr.0: "..." needs at least one letter or digit',
    ]);
    // Two capitals, and longer acronyms in any case, are fine.
    const fine = [named('two-caps', 'Two Caps Group', { acronyms: { en: [{ text: 'TC' }], fr: [{ text: 'GdDc' }] } })];
    expect(accepted(JSON.stringify(fine))).toHaveLength(1);
  });

  it('refuses terms already used by a built-in entry or another entry of the file', () => {
    expect(refused(fixture('shared-term.json'))).toEqual([
      'entry "my-palermo", field names.en.0: "Palermo Convention" is already a term of entry "untoc"',
    ]);
    expect(refused(fixture('shared-term-in-file.json'))).toEqual([
      'entry "second-shelter", field names.en.0: "harbour  shelter" is already a term of entry "first-shelter"',
    ]);
  });

  it('refuses related ids that exist neither in the file nor built in', () => {
    expect(refused(fixture('unknown-related.json'))).toEqual([
      'entry "lonely", field related.0: unknown entry id "no-such-entry"',
    ]);
    const self = [named('selfish', 'Selfish Group', { related: ['selfish'] })];
    expect(refused(JSON.stringify(self))).toEqual([
      'entry "selfish", field related.0: an entry cannot relate to itself',
    ]);
  });

  it('reports every problem of the file at once', () => {
    const file = [named('greta', 'Zq'), named('ok-one', 'Fine Group', { related: ['nowhere'] })];
    expect(refused(JSON.stringify(file))).toEqual([
      'entry "greta", field id: "greta" is the id of a built-in entry',
      'entry "greta", field names.en.0: "Zq" is too short: a name needs at least 3 characters, or it would match almost everywhere',
      'entry "ok-one", field related.0: unknown entry id "nowhere"',
    ]);
  });
});

describe('checkCustomEntry', () => {
  it('checks one entry as a file’s entries are checked, naming each problem’s field by its path', () => {
    const fine = named('fine-group', 'Fine Group');
    expect(checkCustomEntry(fine, glossary, [])).toEqual({ ok: true, entry: fine });
    expect(checkCustomEntry({ ...fine, names: { en: [{ text: ' ' }], fr: [] } }, glossary, [])).toEqual({
      ok: false,
      problems: [{ field: 'names.en.0.text', message: 'must not be empty' }],
    });
    expect(checkCustomEntry(named('greta', 'Zq'), glossary, [])).toEqual({
      ok: false,
      problems: [
        { field: 'id', message: '"greta" is the id of a built-in entry' },
        { field: 'names.en.0', message: expect.stringMatching(/^"Zq" is too short/) },
      ],
    });
    expect(checkCustomEntry(fine, glossary, [named('other', 'Fine  group')])).toEqual({
      ok: false,
      problems: [{ field: 'names.en.0', message: '"Fine Group" is already a term of entry "other"' }],
    });
  });
});

describe('stored entries', () => {
  const good = named('custom-good', 'Good Group');
  const other = named('custom-other', 'Other Group', { related: ['custom-good'] });

  it('keeps the valid entries in order and names each damaged one, with its place and field', () => {
    const stored = storedCustomEntries(
      [good, { ...good, id: 'custom-typed', names: { en: 'Typed Group', fr: [] } }, 'x', null, 42, other],
      glossary,
    );
    expect(stored.entries).toEqual([good, other]);
    expect(stored.dropped.map((d) => [d.number, d.id])).toEqual([
      [2, 'custom-typed'],
      [3, null],
      [4, null],
      [5, null],
    ]);
    expect(stored.dropped[0]?.problems).toEqual([
      expect.stringMatching(/^field names\.en: Invalid type: Expected Array/),
    ]);
    expect(stored.dropped[1]?.problems).toEqual([
      expect.stringMatching(/^Invalid type: Expected Object but received "x"/),
    ]);
    expect(describeDropped(stored.dropped[0] as DroppedEntry)).toMatch(
      /^#2 "custom-typed" \(field names\.en: Invalid type: Expected Array/,
    );
    expect(describeDropped(stored.dropped[3] as DroppedEntry)).toMatch(/^#5 \(Invalid type: Expected Object/);
  });

  it('leaves out an entry with a field it does not know (a newer version, another tool)', () => {
    const stored = storedCustomEntries([{ ...good, addedLater: { en: 'x' } }, other], glossary);
    expect(stored.entries).toEqual([]);
    expect(stored.dropped.map((d) => [d.number, d.problems])).toEqual([
      [1, [expect.stringMatching(/^field addedLater: Invalid key/)]],
      // Its related entry is gone, so this one goes too.
      [2, ['field related.0: unknown entry id "custom-good"']],
    ]);
  });

  it('applies the rules of imported entries, numbering them as stored', () => {
    const stored = storedCustomEntries(
      [
        'junk',
        good,
        // Also shares a built-in term: that must not count against the first custom-good.
        named('custom-good', 'Palermo Protocol'),
        named('unodc', 'My Own Office'),
        named('custom-short', 'ab'),
        named('custom-clash', 'Palermo Protocol'),
        named('custom-twin', 'Good Group'),
        // A link to an entry stored after it is fine.
        named('custom-before', 'Before Group', { related: ['custom-after'] }),
        named('custom-after', 'After Group'),
        // Left out once custom-short is: seen only when the rules run again without it.
        named('custom-linked', 'Linked Group', { related: ['custom-short'] }),
      ],
      glossary,
    );
    expect(stored.entries.map((e) => e.id)).toEqual(['custom-good', 'custom-before', 'custom-after']);
    const why = Object.fromEntries(stored.dropped.map((d) => [d.number, d.problems.join(' / ')]));
    expect(why).toEqual({
      1: expect.stringMatching(/^Invalid type/),
      3: 'field id: the id is used twice, by entries #2 and #3',
      4: 'field id: "unodc" is the id of a built-in entry',
      5: expect.stringMatching(/^field names\.en\.0: "ab" is too short/),
      6: expect.stringMatching(/^field names\.en\.0: "Palermo Protocol" is already a term of entry "/),
      7: 'field names.en.0: "Good Group" is already a term of entry "custom-good"',
      10: 'field related.0: unknown entry id "custom-short"',
    });
  });

  it('reads nothing stored as no entries, and anything but a list as damaged', () => {
    expect(storedCustomEntries(null, glossary)).toEqual({ entries: [], dropped: [] });
    expect(storedCustomEntries(undefined, glossary)).toEqual({ entries: [], dropped: [] });
    for (const value of ['garbage', 7, { entries: [good] }, true]) {
      const stored = storedCustomEntries(value, glossary);
      expect(stored.entries).toEqual([]);
      expect(stored.dropped).toEqual([
        { number: null, id: null, problems: [`not a list of entries (${typeof value})`] },
      ]);
      expect(describeDropped(stored.dropped[0] as DroppedEntry)).toBe(
        `the stored value (not a list of entries (${typeof value}))`,
      );
    }
  });

  it('says how many more problems an entry has past the first three', () => {
    const stored = storedCustomEntries([{ id: 'custom-bare' }], glossary);
    const [bare] = stored.dropped as [DroppedEntry];
    expect(bare.problems.length).toBeGreaterThan(3);
    expect(describeDropped(bare)).toMatch(new RegExp(`; and ${bare.problems.length - 3} more\\)$`));
  });

  it('gives the matcher only entries it can compile, whatever storage holds', () => {
    const junk: unknown[] = [
      good,
      { ...good, id: 'custom-a', names: null },
      { ...good, id: 'custom-b', names: { en: [{ text: 42 }], fr: [] } },
      { ...good, id: 'custom-c', acronyms: { en: 'ABC', fr: [] } },
      { ...good, id: 'custom-d', names: { en: [{ text: 'Delta Group', context: 'word' }], fr: [] } },
      [],
      {},
      'names',
    ];
    const { entries } = storedCustomEntries(junk, glossary);
    expect(entries).toEqual([good]);
    expect(() => compileMatcher([...glossary, ...entries])).not.toThrow();
  });
});
