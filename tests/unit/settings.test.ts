import { describe, expect, it } from 'vitest';
import { highlightCss } from '../../entrypoints/content/highlight-style';
import { DEFAULT_SETTINGS, isSiteEnabled, normalizeSettings, parseSettings, withSiteEnabled } from '../../lib/settings';

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

  it('decides per site, a listed domain covering its subdomains', () => {
    const off = { ...DEFAULT_SETTINGS, sites: ['example.org'] };
    expect(isSiteEnabled(off, 'example.org')).toBe(false);
    expect(isSiteEnabled(off, 'news.example.org')).toBe(false);
    expect(isSiteEnabled(off, 'example.org.evil.com')).toBe(true);
    expect(isSiteEnabled(off, 'notexample.org')).toBe(true);
    const only = { ...DEFAULT_SETTINGS, siteMode: 'only' as const, sites: ['unodc.org'] };
    expect(isSiteEnabled(only, 'www.unodc.org')).toBe(true);
    expect(isSiteEnabled(only, 'example.org')).toBe(false);
  });

  it('switches a site on and off in both modes', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'www.example.org', false);
    expect(off.sites).toEqual(['example.org']);
    expect(isSiteEnabled(off, 'www.example.org')).toBe(false);
    expect(withSiteEnabled(off, 'www.example.org', true).sites).toEqual([]);
    const only = { ...DEFAULT_SETTINGS, siteMode: 'only' as const };
    const on = withSiteEnabled(only, 'unodc.org', true);
    expect(isSiteEnabled(on, 'unodc.org')).toBe(true);
    expect(isSiteEnabled(withSiteEnabled(on, 'unodc.org', false), 'unodc.org')).toBe(false);
  });
});

describe('highlight style sheet', () => {
  it('hides disabled categories, hidden entries and repeated mentions, and uses the colours', () => {
    const css = highlightCss({
      ...DEFAULT_SETTINGS,
      firstMentionOnly: true,
      hiddenEntries: ['greta'],
      categories: { ...DEFAULT_SETTINGS.categories, bodies: { enabled: false, color: '#123456' } },
    });
    expect(css).toContain('[data-glossary-category="bodies"] { --palermo-lens-color: #123456; }');
    const off = css.slice(css.lastIndexOf('}', css.indexOf('text-decoration-line: none !important; background: none')));
    expect(off).toContain('[data-glossary-category="bodies"]');
    expect(off).toContain('[data-glossary-id="greta"]');
    expect(off).toContain(':not([data-glossary-first])');
    expect(highlightCss(DEFAULT_SETTINGS)).not.toContain(':not([data-glossary-first])');
  });
});
