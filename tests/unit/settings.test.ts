import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_INFO } from '../../glossary/categories';
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

describe('when the content script runs', () => {
  it('is "always" unless the user chose "only when I ask"; anything else reads as "always"', () => {
    expect(DEFAULT_SETTINGS.activation).toBe('always');
    expect(normalizeSettings({ activation: 'on-request' }).activation).toBe('on-request');
    for (const damaged of ['sometimes', 1, null, ['on-request']])
      expect(normalizeSettings({ ...DEFAULT_SETTINGS, activation: damaged }).activation).toBe('always');
  });

  it('imports files exported before the setting existed, and refuses a wrong value', () => {
    const { activation: _, ...older } = DEFAULT_SETTINGS;
    expect(parseSettings(older)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(parseSettings({ ...DEFAULT_SETTINGS, activation: 'on-request' })).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, activation: 'on-request' },
    });
    const wrong = parseSettings({ ...DEFAULT_SETTINGS, activation: 'never' });
    expect(wrong.ok ? [] : wrong.errors.join()).toMatch(/^activation: /);
  });
});

describe('the settings’ defaults and limits', () => {
  /** The errors of a strict import of the defaults with `patch` applied, or [] when it is accepted. */
  const importErrors = (patch: Partial<Record<keyof Settings, unknown>>) => {
    const result = parseSettings({ ...DEFAULT_SETTINGS, ...patch });
    return result.ok ? [] : result.errors;
  };
  const withBodiesColour = (color: string) => ({
    categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: true, color } },
  });

  it('starts with every category on, in its own colour, underlined, after a 250 ms rest, on every site', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      categories: Object.fromEntries(CATEGORIES.map((c) => [c, { enabled: true, color: CATEGORY_INFO[c].color }])),
      highlightStyle: 'underline',
      firstMentionOnly: false,
      hoverDelayMs: 250,
      cardLanguage: 'page',
      siteMode: 'all-except',
      sites: [],
      hiddenEntries: [],
      activation: 'always',
    });
    expect(Object.keys(DEFAULT_SETTINGS.categories)).toEqual([...CATEGORIES]);
    expect(DEFAULT_SETTINGS.categories.instruments.color).toBe('#1f6feb');
    expect(normalizeSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('takes a colour only as # and six hex digits, nothing before or after', () => {
    for (const color of ['#1f6feb', '#ABCDEF', '#000000']) {
      expect(importErrors(withBodiesColour(color)), color).toEqual([]);
      expect(normalizeSettings(withBodiesColour(color)).categories.bodies.color).toBe(color);
    }
    for (const color of ['red', '#fff', '#12345', '#1234567', '#12345g', 'x#123456', '#123456;', ' #123456', '']) {
      expect(importErrors(withBodiesColour(color)), color).toEqual([
        'categories.bodies.color: must be a colour like #1f6feb',
      ]);
      expect(normalizeSettings(withBodiesColour(color)).categories.bodies, color).toEqual(
        DEFAULT_SETTINGS.categories.bodies,
      );
    }
  });

  it('takes a site as a host name, of one label or more, trimmed and in lower case', () => {
    const sites = ['localhost', 'example.org', 'news.example.co.uk', 'xn--bcher-kva.example', '192.168.0.1'];
    expect(importErrors({ sites })).toEqual([]);
    expect(normalizeSettings({ sites: [' Intranet ', 'Docs.Example.ORG'] }).sites).toEqual([
      'intranet',
      'docs.example.org',
    ]);
    for (const site of [
      'http://example.org',
      'example.org/path',
      'example.org:8080',
      'user@example.org',
      '.example.org',
      'example.org.',
      'example..org',
      'exa mple.org',
      'exämple.org',
      '',
    ]) {
      expect(importErrors({ sites: [site] }), site).toEqual(['sites.0: must be a host name like example.org']);
    }
  });

  it('holds at most 1000 sites, 1000 hidden entries, and a rest between 100 and 1500 ms', () => {
    const hosts = (n: number) => Array.from({ length: n }, (_, i) => `site${i}.example`);
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `entry-${i}`);
    expect(importErrors({ sites: hosts(1000), hiddenEntries: ids(1000) })).toEqual([]);
    expect(importErrors({ sites: hosts(1001) })).toEqual(['sites: at most 1000 sites']);
    expect(importErrors({ hiddenEntries: ids(1001) })).toHaveLength(1);
    expect(importErrors({ hiddenEntries: ids(1001) })[0]).toMatch(/^hiddenEntries: /);
    expect(normalizeSettings({ sites: hosts(1001) }).sites).toEqual([]);
    for (const ms of [100, 1500]) {
      expect(importErrors({ hoverDelayMs: ms }), String(ms)).toEqual([]);
      expect(normalizeSettings({ hoverDelayMs: ms }).hoverDelayMs).toBe(ms);
    }
    for (const ms of [99, 1501, 250.5]) {
      expect(importErrors({ hoverDelayMs: ms }), String(ms)).toHaveLength(1);
      expect(normalizeSettings({ hoverDelayMs: ms }).hoverDelayMs).toBe(250);
    }
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
