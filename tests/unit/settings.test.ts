import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, parseSettings, type Settings } from '../../lib/settings';
import { highlightCss, isDrawn, markSwitchedOff, switchChanges } from '../../page/highlight-style';

describe('settings', () => {
  it('keeps valid fields and replaces invalid or missing ones with defaults', () => {
    const s = normalizeSettings({
      firstMentionOnly: true,
      hoverDelayMs: 5,
      highlightStyle: 'sparkles',
      categories: { bodies: { enabled: false, color: '#000000' }, instruments: { enabled: 'yes', color: 'red' } },
      sites: ['Example.ORG'],
      unknown: 1,
    });
    expect(s.firstMentionOnly).toBe(true);
    expect(s.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(s.highlightStyle).toBe('underline');
    expect(s.categories.bodies).toEqual({ enabled: false, color: '#000000' });
    expect(s.categories.instruments).toEqual(DEFAULT_SETTINGS.categories.instruments);
    expect(s.sites).toEqual(['example.org']);
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it("drops unknown fields, a newer version's, and keeps the valid ones beside them", () => {
    const s = normalizeSettings({
      hoverDelayMs: 600,
      theme: 'dark',
      categories: {
        bodies: { enabled: false, color: '#000000', opacity: 0.5 },
        trafficking: { enabled: false, color: '#ffffff' },
      },
    });
    expect(s).toEqual({
      ...DEFAULT_SETTINGS,
      hoverDelayMs: 600,
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#000000' } },
    });
    expect(Object.keys(s)).toEqual(Object.keys(DEFAULT_SETTINGS));
    expect(Object.keys(s.categories)).toEqual(Object.keys(DEFAULT_SETTINGS.categories));
  });

  it('takes the defaults for whatever is damaged, at any level', () => {
    for (const garbage of [undefined, 42, '{"hoverDelayMs": 600}', [], [DEFAULT_SETTINGS], true]) {
      expect(normalizeSettings(garbage), String(garbage)).toEqual(DEFAULT_SETTINGS);
    }
    for (const categories of ['garbage', null, [], 7]) {
      expect(normalizeSettings({ categories, siteMode: 'only' })).toEqual({ ...DEFAULT_SETTINGS, siteMode: 'only' });
    }
    // One bad host name or id costs the whole list, never a partial one.
    expect(normalizeSettings({ sites: ['example.org', 'not a host'] }).sites).toEqual([]);
    expect(normalizeSettings({ hiddenEntries: ['greta', 3] }).hiddenEntries).toEqual([]);
    expect(normalizeSettings({ hoverDelayMs: 250.5 }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });

  it('never hands out the defaults themselves', () => {
    const s = normalizeSettings({});
    s.sites.push('example.org');
    s.categories.bodies.enabled = false;
    const t = normalizeSettings({ categories: {} });
    t.hiddenEntries.push('greta');
    expect(DEFAULT_SETTINGS.sites).toEqual([]);
    expect(DEFAULT_SETTINGS.hiddenEntries).toEqual([]);
    expect(DEFAULT_SETTINGS.categories.bodies.enabled).toBe(true);
    expect(normalizeSettings(null).sites).toEqual([]);
  });

  it('parses strictly for imports, naming the field', () => {
    expect(parseSettings(DEFAULT_SETTINGS).ok).toBe(true);
    const bad = parseSettings({ ...DEFAULT_SETTINGS, hoverDelayMs: 'slow' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors.join()).toMatch(/hoverDelayMs/);
    const colour = parseSettings({
      ...DEFAULT_SETTINGS,
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: true, color: 'red;}*{' } },
    });
    expect(colour.ok ? [] : colour.errors.join()).toMatch(/categories\.bodies\.color/);
    const list = parseSettings({ ...DEFAULT_SETTINGS, sites: ['ok.org', 'bad host'], theme: 'dark' });
    expect(list.ok ? [] : list.errors).toEqual([
      'sites.1: must be a host name like example.org',
      'theme: Invalid key: Expected never but received "theme"',
    ]);
    expect(parseSettings('x')).toEqual({
      ok: false,
      errors: ['settings: Invalid type: Expected Object but received "x"'],
    });
  });
});

describe('highlight style sheet and the highlights switched off', () => {
  const sel = 'palermo-mark[data-glossary-id][data-glossary-category]';
  const off = '{ text-decoration-line: none !important; background: none !important; cursor: inherit !important; }';

  it('colours categories, and switches off the highlights marked so, and all but the first in first-mention mode', () => {
    const css = highlightCss({
      ...DEFAULT_SETTINGS,
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: true, color: '#123456' } },
    });
    expect(css).toContain('[data-glossary-category="bodies"] { --palermo-lens-color: #123456; }');
    expect(css).toContain(`${sel}[data-glossary-off] ${off}`);
    expect(css).not.toContain('data-glossary-first');
    expect(highlightCss({ ...DEFAULT_SETTINGS, firstMentionOnly: true })).toContain(
      `${sel}[data-glossary-off], ${sel}:not([data-glossary-first]) ${off}`,
    );
    expect(highlightCss({ ...DEFAULT_SETTINGS, highlightStyle: 'background' })).toContain(
      'text-decoration-line: none !important;\n',
    );
  });

  it('marks the highlights of categories off and of hidden entries, and touches no other', () => {
    /** A highlight's attributes, as far as these functions read and write them. */
    const mark = (id: string, category: string) => {
      const attrs = new Map([
        ['data-glossary-id', id],
        ['data-glossary-category', category],
      ]);
      return {
        id,
        getAttribute: (n: string) => attrs.get(n) ?? null,
        hasAttribute: (n: string) => attrs.has(n),
        toggleAttribute: (n: string, on: boolean) => (on ? attrs.set(n, '') : attrs.delete(n)),
      } as unknown as Element & { id: string };
    };
    const marks = [
      mark('greta', 'bodies'),
      mark('unodc', 'bodies'),
      mark('palermo-protocol', 'instruments'),
      mark('forced-labour', 'exploitation'),
    ];
    const offIds = () => marks.filter((m) => m.hasAttribute('data-glossary-off')).map((m) => m.id);
    const settings = {
      ...DEFAULT_SETTINGS,
      hiddenEntries: ['palermo-protocol'],
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#8250df' } },
    };
    expect(markSwitchedOff(marks, settings)).toBe(3);
    expect(offIds()).toEqual(['greta', 'unodc', 'palermo-protocol']);
    expect(isDrawn(marks[3] as Element, settings)).toBe(true);
    expect(isDrawn(marks[0] as Element, settings)).toBe(false);
    // Only the highlights whose state changes are touched.
    expect(markSwitchedOff(marks, { ...settings, hiddenEntries: [] })).toBe(1);
    expect(offIds()).toEqual(['greta', 'unodc']);
    expect(markSwitchedOff(marks, DEFAULT_SETTINGS)).toBe(2);
    expect(offIds()).toEqual([]);
  });

  it('says which highlights a change of the settings can switch, and none when it switches nothing', () => {
    const bodiesOff = { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#8250df' } };
    expect(switchChanges(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, categories: bodiesOff })).toBe(
      ':is([data-glossary-category="bodies"])',
    );
    expect(
      switchChanges(
        { ...DEFAULT_SETTINGS, hiddenEntries: ['greta', 'ilo'] },
        { ...DEFAULT_SETTINGS, hiddenEntries: ['ilo', 'unodc'] },
      ),
    ).toBe(':is([data-glossary-id="greta"], [data-glossary-id="unodc"])');
    // A colour, the style or first-mention mode switch no highlight on or off.
    const unswitched: Settings = { ...DEFAULT_SETTINGS, firstMentionOnly: true, highlightStyle: 'background' };
    expect(switchChanges(DEFAULT_SETTINGS, unswitched)).toBeNull();
  });
});
