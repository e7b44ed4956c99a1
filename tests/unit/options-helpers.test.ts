import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileSizeError, formatSize, jsonErrorOffset, readJsonFile } from '../../glossary/json-file';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { parseSettingsFile, SETTINGS_FILE_MAX_BYTES, settingsFileContent } from '../../lib/settings-file';
import { parseHostInput } from '../../lib/sites';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/custom/${name}`, import.meta.url), 'utf8');

describe('settings files', () => {
  it('round-trips an export', () => {
    const settings = { ...structuredClone(DEFAULT_SETTINGS), highlightStyle: 'both' as const, sites: ['example.org'] };
    const text = settingsFileContent(settings);
    expect(JSON.parse(text)).toEqual({ format: 'palermo-lens-settings', version: 1, settings });
    expect(parseSettingsFile(text)).toEqual({ ok: true, value: settings });
  });

  it('accepts the good fixture', () => {
    const result = parseSettingsFile(fixture('settings-good.json'));
    expect(result.ok && result.value).toMatchObject({
      highlightStyle: 'both',
      hoverDelayMs: 600,
      categories: { bodies: { enabled: false, color: '#123456' } },
    });
  });

  it('refuses a bad file with messages naming the fields, and returns nothing', () => {
    const result = parseSettingsFile(fixture('settings-bad.json'));
    expect(result.ok).toBe(false);
    expect('value' in result).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.some((e) => e.startsWith('categories.instruments.color: must be a colour'))).toBe(true);
    expect(errors.some((e) => e.startsWith('hoverDelayMs: '))).toBe(true);
  });

  it('refuses what is not a settings export', () => {
    const errors = (text: string) => {
      const result = parseSettingsFile(text);
      return result.ok ? [] : result.errors;
    };
    expect(errors('[]')[0]).toMatch(/must be a settings export/);
    expect(errors(fixture('valid.json'))).toEqual([
      'field format: must be "palermo-lens-settings" (this file says "palermo-lens-entries")',
    ]);
    expect(errors('{"format": "palermo-lens-settings", "version": 7, "settings": {}}')).toEqual([
      'field version: version 7 is not supported (only 1)',
    ]);
    expect(errors('{"format": "palermo-lens-settings", "version": 1}')).toEqual(['field settings: missing']);
    expect(errors('{"format": "palermo-lens-settings", "version": 1, "settings": {}, "x": 1}')).toEqual([
      'field x: unknown field',
    ]);
    expect(errors('{"format": "palermo-lens-settings", "version": 1, "settings": {}')[0]).toMatch(
      /not valid JSON: .* at line 1, column 65/,
    );
    expect(errors(' '.repeat(SETTINGS_FILE_MAX_BYTES + 1))).toEqual([
      'The file is 65537 bytes; the limit is 65536 bytes.',
    ]);
  });
});

describe('JSON reading', () => {
  it('formats sizes', () => {
    expect(formatSize(812)).toBe('812 bytes');
    expect(formatSize(512 * 1024)).toBe('512 KB');
    expect(formatSize(1.44 * 1024 * 1024)).toBe('1.4 MB');
    expect(fileSizeError(10, 10)).toBeUndefined();
    expect(fileSizeError(2048 * 1024, 512 * 1024)).toBe('The file is 2 MB; the limit is 512 KB.');
  });

  it('finds where the JSON goes wrong when the parser does not say', () => {
    expect(jsonErrorOffset('[1, 2]')).toBeUndefined();
    expect(jsonErrorOffset('{"a": [true, null, -1.5e3, "\\u00e9"]}')).toBeUndefined();
    expect(jsonErrorOffset('hello')).toBe(0);
    expect(jsonErrorOffset('[1, x]')).toBe(4);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('["a\nb"]')).toBe(3);
    expect(jsonErrorOffset('[1] 2')).toBe(4);
    expect(jsonErrorOffset('[1,')).toBe(3);
  });

  it('gives line and column', () => {
    const result = readJsonFile('[\n  {"a": 1},\n  {"b": tru}\n]', 1000);
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(
          /^The file is not valid JSON: Unexpected token .* at line 3, column 9 \(position 22\)\.$/,
        ),
      ],
    });
    // A byte order mark is not an error.
    expect(readJsonFile('\uFEFF[1]', 1000)).toEqual({ ok: true, value: [1] });
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
