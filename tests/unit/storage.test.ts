import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossary } from '../../glossary';
import type { StoredEntries } from '../../glossary/custom-entries';
import { checkStoredEntries } from '../../lib/entry-answers';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import {
  holdsNoEntries,
  loadCustomEntries,
  loadSettings,
  loadStoredCustomEntries,
  saveCustomEntries,
  saveSettings,
  warnDropped,
  watchCustomEntries,
  watchSettings,
  watchStoredCustomEntries,
} from '../../lib/storage';
import { entry, names } from './helpers';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const warnings = () => warn.mock.calls.map((args) => args.join(' '));
const builtIn = () => glossary;
const mine = entry('custom-mine', { names: { en: names('My Own Group'), fr: [] } });

/** What storage holds when something other than this version wrote it. */
const DAMAGED: [string, unknown][] = [
  ['a garbage string', 'garbage{'],
  ['a number', 42],
  ['an array of junk', ['x', null, 7, {}]],
];

describe('settings storage', () => {
  it('saves and loads the settings, repairing what storage holds', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, firstMentionOnly: true });
    expect((await loadSettings()).firstMentionOnly).toBe(true);
    expect(warnings()).toEqual([]);
    await fakeBrowser.storage.sync.set({ settings: { firstMentionOnly: 'yes', hoverDelayMs: 400 } });
    const repaired = await loadSettings();
    expect(repaired.firstMentionOnly).toBe(false);
    expect(repaired.hoverDelayMs).toBe(400);
  });

  it('reads defaults without a warning when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(warnings()).toEqual([]);
  });

  it.each(DAMAGED)('reads %s as the defaults, with a warning', async (_, value) => {
    await fakeBrowser.storage.sync.set({ settings: value });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(warnings()).toEqual([expect.stringMatching(/^Palermo Lens: the stored settings were damaged/)]);
  });

  it('repairs field by field, ignores unknown fields and names both in its warning', async () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      highlightStyle: 'background',
      hoverDelayMs: 'slow',
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: 'red' } },
      sites: ['example.org', 42],
      addedLater: { anything: true },
    };
    await fakeBrowser.storage.sync.set({ settings: stored });
    const settings = await loadSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'background' });
    const [warning] = warnings();
    for (const field of ['hoverDelayMs', 'categories.bodies.color', 'sites.1', 'addedLater'])
      expect(warning).toContain(field);
    expect(warning).not.toContain('highlightStyle');
  });

  it('repairs what it watches too', async () => {
    const seen: Settings[] = [];
    const controller = new AbortController();
    watchSettings((s) => seen.push(s), controller.signal);
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, firstMentionOnly: true, hoverDelayMs: -1 } });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, firstMentionOnly: true }]);
    controller.abort();
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    expect(seen).toHaveLength(1);
  });

  it('explains a full sync quota instead of failing silently', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await expect(saveSettings(DEFAULT_SETTINGS)).rejects.toThrow(/too large for browser sync/);
  });
});

describe('custom entries storage', () => {
  it('saves and loads the user’s entries, asking for the built-in glossary only when there are some', async () => {
    const glossaryAsked = vi.fn(builtIn);
    expect(await loadCustomEntries(glossaryAsked)).toEqual({ entries: [], dropped: [] });
    await saveCustomEntries([]);
    expect(await loadCustomEntries(glossaryAsked)).toEqual({ entries: [], dropped: [] });
    expect(glossaryAsked).not.toHaveBeenCalled();
    await saveCustomEntries([mine]);
    expect(await loadCustomEntries(glossaryAsked)).toEqual({ entries: [mine], dropped: [] });
    expect(glossaryAsked).toHaveBeenCalled();
    expect(warnings()).toEqual([]);
  });

  it.each(DAMAGED)('reads %s as no entries, with a warning', async (_, value) => {
    await fakeBrowser.storage.local.set({ customEntries: value });
    const stored = await loadCustomEntries(builtIn);
    expect(stored.entries).toEqual([]);
    expect(stored.dropped.length).toBeGreaterThan(0);
    expect(warnings()).toEqual([
      expect.stringMatching(/^Palermo Lens: \d+ stored custom entr(y was|ies were) damaged/),
    ]);
  });

  it('keeps the valid entries of a partly damaged list and names the others in one warning', async () => {
    const typed = { ...mine, id: 'custom-typed', names: { en: [{ text: 7 }], fr: [] } };
    const newer = { ...mine, id: 'custom-newer', names: { en: names('Newer Group'), fr: [] }, addedLater: 1 };
    await fakeBrowser.storage.local.set({ customEntries: [typed, mine, 'junk', newer] });
    const stored = await loadCustomEntries(builtIn);
    expect(stored.entries).toEqual([mine]);
    expect(stored.dropped.map((d) => d.number)).toEqual([1, 3, 4]);
    expect(warnings()).toEqual([
      expect.stringMatching(
        /^Palermo Lens: 3 stored custom entries were damaged and left out: #1 "custom-typed" \(field names\.en\.0\.text: .*; #3 \(.*; #4 "custom-newer" \(field addedLater: /,
      ),
    ]);
  });

  it('validates what it watches, until the signal aborts', async () => {
    const seen: StoredEntries[] = [];
    const controller = new AbortController();
    watchCustomEntries(builtIn, (stored) => seen.push(stored), controller.signal);
    await fakeBrowser.storage.local.set({ customEntries: [mine, 'junk'] });
    await fakeBrowser.storage.local.set({ customEntries: 'garbage' });
    expect(seen.map((s) => [s.entries.map((e) => e.id), s.dropped.map((d) => d.number)])).toEqual([
      [['custom-mine'], [2]],
      [[], [null]],
    ]);
    controller.abort();
    await saveCustomEntries([mine]);
    expect(seen).toHaveLength(2);
  });

  it('is not thrown off by damaged version keys (WXT reads them only to migrate)', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, firstMentionOnly: true });
    await saveCustomEntries([mine]);
    await fakeBrowser.storage.sync.set({ settings$: 'garbage' });
    await fakeBrowser.storage.local.set({ customEntries$: { v: 'x', future: [1] } });
    expect((await loadSettings()).firstMentionOnly).toBe(true);
    expect((await loadCustomEntries(builtIn)).entries).toEqual([mine]);
    expect(warnings()).toEqual([]);
  });
});

describe('custom entries for the content script (checked by the background)', () => {
  it('reads and watches the stored value as it is, until the signal aborts', async () => {
    expect(await loadStoredCustomEntries()).toBeNull();
    await fakeBrowser.storage.local.set({ customEntries: ['junk'] });
    expect(await loadStoredCustomEntries()).toEqual(['junk']);
    const seen: unknown[] = [];
    const controller = new AbortController();
    watchStoredCustomEntries((value) => seen.push(value), controller.signal);
    await saveCustomEntries([mine]);
    controller.abort();
    await saveCustomEntries([]);
    expect(seen).toEqual([[mine]]);
    expect(warnings()).toEqual([]);
  });

  it('needs no check for nothing stored or an empty list, and one for anything else', () => {
    for (const nothing of [null, undefined, []]) expect(holdsNoEntries(nothing)).toBe(true);
    for (const something of [[mine], 'garbage', 0, {}, ['junk']]) expect(holdsNoEntries(something)).toBe(false);
  });

  it('the background’s check gives what loading gives, and the content script warns alike', async () => {
    const value = ['junk', mine, { ...mine, id: 'custom-newer', addedLater: 1 }];
    await fakeBrowser.storage.local.set({ customEntries: value });
    const loaded = await loadCustomEntries(builtIn);
    const loadWarnings = warnings();
    warn.mockClear();
    const checked = checkStoredEntries(value);
    expect(checked.entries).toEqual(loaded.entries);
    expect(warnings()).toEqual([]);
    warnDropped(checked.dropped);
    expect(warnings()).toEqual(loadWarnings);
    warn.mockClear();
    warnDropped([]);
    expect(warnings()).toEqual([]);
  });
});
