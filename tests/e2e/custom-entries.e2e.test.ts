/**
 * The options page's custom entries in the built extension (Chromium): import, the refusals of bad
 * files, the form, export; open tabs follow.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { names, entry as testEntry } from '../unit/helpers';
import type { ExtensionBrowser } from './chromium';
import { openOptions as openOptionsPage, store, stored } from './extension-pages';
import { open, setSettings, startHarness } from './harness';

const h = startHarness();

const CUSTOM = resolve(import.meta.dirname, '../fixtures/custom');
const fixture = (name: string) => join(CUSTOM, name);
const storedEntries = (b: ExtensionBrowser = h.browser) => stored(b, 'local', 'customEntries');
const openOptions = (b: ExtensionBrowser = h.browser, hash = '') => openOptionsPage(b, hash);

afterEach(async () => {
  await setSettings(h, {});
  await store(h.browser, 'local', { customEntries: [] });
  for (const page of h.browser.context.pages()) await page.close();
});

describe('options page: custom entries', () => {
  it('imports a custom glossary file and its terms are highlighted in an open tab', async () => {
    const { page: tab } = await open(h, '/custom-terms.html');
    expect(await tab.locator('[data-glossary-id="cpp-forum"]').count()).toBe(0);
    const { page } = await openOptions();
    await page.setInputFiles('#import-entries', fixture('valid.json'));
    await expect.poll(() => page.locator('#custom-notice').textContent()).toBe('2 entries were imported.');
    await tab.locator('[data-glossary-id="cpp-forum"]').waitFor();
    // Matched literally, metacharacters and all.
    expect(await tab.locator('#forum [data-glossary-id="cpp-forum"]').textContent()).toBe('C++ (Forum) [x]*');
    expect(await tab.locator('#lantern [data-glossary-id="lantern-network"]').allTextContents()).toEqual([
      'Lantern Anti-Slavery Network',
      'LASN',
      'Réseau Lanterne contre l’esclavage',
    ]);
    // The built-in glossary still works next to them.
    expect(await tab.locator('#forum [data-glossary-id="forced-labour"]').count()).toBe(1);
    const entries = (await storedEntries()) as { id: string }[];
    expect(entries.map((e) => e.id)).toEqual(['cpp-forum', 'lantern-network']);
    // They are listed, in the preview's glossary and in the full glossary.
    expect(await page.locator('.op-custom-list__title').allTextContents()).toEqual([
      'C++ (Forum) [x]*',
      'Lantern Anti-Slavery Network',
    ]);
    await page.locator('#entry-cpp-forum').waitFor();
  });

  it('refuses each kind of bad file with its message, and changes nothing', async () => {
    const { page } = await openOptions();
    await page.setInputFiles('#import-entries', fixture('valid.json'));
    await expect.poll(() => page.locator('#custom-notice').textContent()).toBe('2 entries were imported.');
    const before = await storedEntries();
    expect(Array.isArray(before) && before.length).toBe(2);

    const entry = (id: string, name: string) => testEntry(id, { names: { en: names(name), fr: [] } });
    const json = (name: string, value: unknown) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(value)),
    });
    const cases: [file: string | { name: string; mimeType: string; buffer: Buffer }, message: string | RegExp][] = [
      [
        { name: 'too-large.json', mimeType: 'application/json', buffer: Buffer.alloc(600 * 1024, ' ') },
        'The file is 600 KB; the limit is 512 KB.',
      ],
      [
        json(
          'too-many.json',
          Array.from({ length: 501 }, (_, i) => entry(`e${i}`, `Entry number ${i}`)),
        ),
        'The file has 501 entries; the limit is 500.',
      ],
      ['not-json.txt', /The file is not valid JSON: .+ at line 5, column 3 \(position \d+\)\./],
      ['not-a-list.json', 'The file must hold a list of entries'],
      ['wrong-format.json', 'field format: must be "palermo-lens-entries" (this file says "palermo-lens-settings")'],
      ['wrong-version.json', 'field version: version 2 is not supported (only 1)'],
      ['schema-error.json', 'entry "bad-category", field category:'],
      ['schema-no-id.json', 'entry #1, field id:'],
      ['duplicate-ids.json', 'entry "twice", field id: the id is used twice, by entries #1 and #2'],
      ['builtin-id.json', 'entry "greta", field id: "greta" is the id of a built-in entry'],
      ['no-english-name.json', 'entry "french-only", field names.en: needs at least one displayed English name'],
      ['short-name.json', 'entry "short-name", field names.en.0: "Zq" is too short'],
      ['short-acronym.json', 'entry "short-acronym", field acronyms.en.0: "S" is too short'],
      ['lowercase-acronym.json', 'entry "lowercase-acronym", field acronyms.fr.0: "un": a two-character acronym'],
      [
        'shared-term.json',
        'entry "my-palermo", field names.en.0: "Palermo Convention" is already a term of entry "untoc"',
      ],
      [
        'shared-term-in-file.json',
        'entry "second-shelter", field names.en.0: "harbour  shelter" is already a term of entry "first-shelter"',
      ],
      ['unknown-related.json', 'entry "lonely", field related.0: unknown entry id "no-such-entry"'],
    ];
    const notice = page.locator('#custom-notice');
    for (const [file, message] of cases) {
      const label = typeof file === 'string' ? file : file.name;
      await page.setInputFiles('#import-entries', typeof file === 'string' ? fixture(file) : file);
      // Each case has its own message: waiting for it is waiting for this file's answer.
      if (typeof message === 'string')
        await expect.poll(() => notice.textContent(), { message: label }).toContain(message);
      else await expect.poll(() => notice.textContent(), { message: label }).toMatch(message);
      expect(await notice.textContent(), label).toContain('The file was refused; your entries were not changed.');
      expect(await notice.locator('[role="alert"]').textContent(), label).toContain(
        'The file was refused; your entries were not changed.',
      );
      expect(await storedEntries(), label).toEqual(before);
    }
    // Still the same entries on the page.
    expect(await page.locator('.op-custom-list__title').count()).toBe(2);
  });

  it('adds, edits and deletes an entry through the form, and open tabs follow', async () => {
    const { page: tab } = await open(h, '/custom-terms.html');
    const { page } = await openOptions();
    const form = page.locator('.op-entry-form');
    // Refused first: a two-letter acronym in lower case. Nothing is saved.
    await form.getByLabel('Names in English').fill('Safe Passage Fund');
    await form.getByLabel('Acronyms in English').fill('sp');
    await form.getByLabel('Definition in English').fill('A fund that pays for the journey home.');
    await form.getByLabel('Category').selectOption('initiatives');
    await form.getByRole('button', { name: 'Add the entry' }).click();
    await expect.poll(() => form.locator('.op-form-summary').textContent()).toContain('The entry was not saved');
    expect(await form.getByLabel('Acronyms in English').getAttribute('aria-invalid')).toBe('true');
    expect(await storedEntries()).toEqual([]);

    await form.getByLabel('Acronyms in English').fill('SPF');
    await form.getByRole('button', { name: 'Add the entry' }).click();
    await expect.poll(() => page.locator('#custom-notice').textContent()).toBe('“Safe Passage Fund” was added.');
    await tab.locator('#form [data-glossary-id="custom-safe-passage-fund"]').first().waitFor();
    expect(await tab.locator('#form [data-glossary-id="custom-safe-passage-fund"]').allTextContents()).toEqual([
      'Safe Passage Fund',
      'SPF',
    ]);
    expect(await storedEntries()).toMatchObject([
      {
        id: 'custom-safe-passage-fund',
        kind: { en: 'Custom entry', fr: 'Entrée personnalisée' },
        inDocument: 'no',
        category: 'initiatives',
        definition: { en: 'A fund that pays for the journey home.', fr: 'A fund that pays for the journey home.' },
      },
    ]);

    // Edit: the acronym goes, the tab follows.
    await page.getByRole('button', { name: 'Edit Safe Passage Fund' }).click();
    await expect.poll(() => form.getByLabel('Acronyms in English').inputValue()).toBe('SPF');
    await form.getByLabel('Acronyms in English').fill('');
    await form.getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => page.locator('#custom-notice').textContent()).toBe('“Safe Passage Fund” was saved.');
    await expect
      .poll(() => tab.locator('#form [data-glossary-id="custom-safe-passage-fund"]').allTextContents())
      .toEqual(['Safe Passage Fund']);

    // Delete, after confirmation.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete “Safe Passage Fund”' }).click();
    await expect.poll(() => storedEntries()).toEqual([]);
    await expect.poll(() => tab.locator('[data-glossary-id="custom-safe-passage-fund"]').count()).toBe(0);
  });

  it('exports the entries in the documented format', async () => {
    const { page } = await openOptions();
    await page.setInputFiles('#import-entries', fixture('valid.json'));
    await expect.poll(() => page.locator('#custom-notice').textContent()).toBe('2 entries were imported.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export your entries' }).click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(file).toEqual(JSON.parse(readFileSync(fixture('valid.json'), 'utf8')));
  });
});
