import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, parseSettings } from '../../lib/settings';
import { applyRootAttributes, highlightCss } from '../../page/highlight-style';

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

describe('highlight style sheet and root attributes', () => {
  it('colours categories and reads the root attributes to switch highlights off', () => {
    const css = highlightCss(
      {
        ...DEFAULT_SETTINGS,
        categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: true, color: '#123456' } },
      },
      ['greta', 'unodc'],
    );
    expect(css).toContain('[data-glossary-category="bodies"] { --palermo-lens-color: #123456; }');
    expect(css).toContain('html[data-palermo-lens-off~="bodies"] palermo-mark');
    expect(css).toContain(
      'html[data-palermo-lens-hidden~="greta"] palermo-mark[data-glossary-id][data-glossary-category][data-glossary-id="greta"]',
    );
    expect(css).toContain(
      'html[data-palermo-lens-first-only] palermo-mark[data-glossary-id][data-glossary-category]:not([data-glossary-first])',
    );
    expect(highlightCss({ ...DEFAULT_SETTINGS, highlightStyle: 'background' }, [])).toContain(
      'text-decoration-line: none !important;\n',
    );
  });

  it('writes what is switched off into the sheet of shadow roots, which cannot see the root attributes', () => {
    const sel = 'palermo-mark[data-glossary-id][data-glossary-category]';
    const css = highlightCss(
      {
        ...DEFAULT_SETTINGS,
        firstMentionOnly: true,
        hiddenEntries: ['greta'],
        categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#123456' } },
      },
      ['greta', 'unodc'],
      'shadow-root',
    );
    expect(css).not.toContain('html[');
    expect(css).toContain('[data-glossary-category="bodies"] { --palermo-lens-color: #123456; }');
    expect(css).toContain(
      `${sel}[data-glossary-category="bodies"],\n${sel}[data-glossary-id="greta"],\n${sel}:not([data-glossary-first]) { text-decoration-line: none !important;`,
    );
    // Nothing switched off: no rule for it.
    expect(highlightCss(DEFAULT_SETTINGS, ['greta'], 'shadow-root')).not.toContain('text-decoration-line: none');
  });

  it('sets and clears the root attributes', () => {
    const attrs = new Map<string, string>();
    const root = {
      getAttribute: (n: string) => attrs.get(n) ?? null,
      hasAttribute: (n: string) => attrs.has(n),
      setAttribute: (n: string, v: string) => attrs.set(n, v),
      removeAttribute: (n: string) => attrs.delete(n),
    } as unknown as Element;
    applyRootAttributes(root, {
      ...DEFAULT_SETTINGS,
      firstMentionOnly: true,
      hiddenEntries: ['greta', 'un'],
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#8250df' } },
    });
    expect(Object.fromEntries(attrs)).toEqual({
      'data-palermo-lens-off': 'bodies',
      'data-palermo-lens-hidden': 'greta un',
      'data-palermo-lens-first-only': 'true',
    });
    applyRootAttributes(root, DEFAULT_SETTINGS);
    expect(attrs.size).toBe(0);
  });
});
