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
