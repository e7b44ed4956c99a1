import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { hostnameOf, isRestrictedUrl, isSiteEnabled, parseHostInput, withSiteEnabled } from '../../lib/sites';

describe('the user’s list of sites', () => {
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

describe('isRestrictedUrl', () => {
  it('keeps browser pages, extension pages and the stores off limits', () => {
    for (const url of [
      'chrome://version/',
      'chrome://extensions',
      'about:blank',
      'about:addons',
      'edge://settings',
      'chrome-extension://abcdefghijklmnop/options.html',
      'moz-extension://0f1e2d/popup.html',
      'view-source:https://example.org/',
      'devtools://devtools/bundled/inspector.html',
      'data:text/html,hi',
      'https://chromewebstore.google.com/detail/x/abc',
      'https://chrome.google.com/webstore/detail/abc',
      'https://addons.mozilla.org/fr/firefox/addon/x/',
      'https://microsoftedge.microsoft.com/addons/detail/x',
      'not a url',
    ])
      expect(isRestrictedUrl(url), url).toBe(true);
  });

  it('lets ordinary pages, files and unknown addresses through', () => {
    for (const url of [
      'https://www.diplomatie.gouv.fr/en/',
      'http://127.0.0.1:8080/demo.html',
      'https://chrome.google.com/search',
      'https://mozilla.org/addons',
      'file:///home/me/report.html',
      undefined,
      '',
    ])
      expect(isRestrictedUrl(url), String(url)).toBe(false);
  });
});

describe('hostnameOf', () => {
  it('gives the host of http(s) pages only', () => {
    expect(hostnameOf('https://WWW.Example.org:8443/a?b#c')).toBe('www.example.org');
    expect(hostnameOf('http://127.0.0.1:5000/demo.html')).toBe('127.0.0.1');
    expect(hostnameOf('file:///tmp/x.html')).toBeUndefined();
    expect(hostnameOf('chrome://version')).toBeUndefined();
    expect(hostnameOf(undefined)).toBeUndefined();
    expect(hostnameOf('nonsense')).toBeUndefined();
  });
});

describe('site host names', () => {
  it('takes a host name from what the user types', () => {
    const host = (input: string) => {
      const r = parseHostInput(input, []);
      return r.ok ? r.host : r.reason;
    };
    expect(host('example.org')).toBe('example.org');
    expect(host('  Example.ORG ')).toBe('example.org');
    expect(host('https://www.example.org/some/page?q=1#x')).toBe('example.org');
    expect(host('news.example.org:8080/path')).toBe('news.example.org');
    expect(host('café.fr')).toBe('xn--caf-dma.fr');
    expect(host('localhost')).toBe('localhost');
    expect(host('127.0.0.1')).toBe('127.0.0.1');
    expect(host('example.org.')).toBe('example.org');
  });

  it('refuses what is not a host name', () => {
    const reason = (input: string) => {
      const r = parseHostInput(input, []);
      return r.ok ? r.host : r.reason;
    };
    expect(reason('')).toBe('empty');
    expect(reason('   ')).toBe('empty');
    for (const bad of [
      'exa mple.org',
      'ftp://example.org',
      'user:pw@example.org',
      '-bad-.org',
      'a..b',
      '123',
      '[::1]',
      'a_b.org',
    ]) {
      expect(reason(bad), bad).toBe('invalid');
    }
  });

  it('refuses a site that is listed already, or covered by a listed domain', () => {
    expect(parseHostInput('www.example.org', ['example.org'])).toEqual({
      ok: false,
      reason: 'listed',
      by: 'example.org',
    });
    expect(parseHostInput('news.example.org', ['example.org'])).toEqual({
      ok: false,
      reason: 'covered',
      by: 'example.org',
    });
    expect(parseHostInput('example.org', ['news.example.org'])).toEqual({ ok: true, host: 'example.org' });
    expect(parseHostInput('notexample.org', ['example.org'])).toEqual({ ok: true, host: 'notexample.org' });
  });
});
