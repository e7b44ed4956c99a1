import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fileSizeError, formatSize, jsonErrorOffset, readJsonFile } from '../../glossary/json-file';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { parseSettingsFile, SETTINGS_FILE_MAX_BYTES, settingsFileContent } from '../../lib/settings-file';

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
    expect(jsonErrorOffset('[1] 2')).toBe(4);
    expect(jsonErrorOffset('[1,')).toBe(3);
    expect(jsonErrorOffset('')).toBe(0);
    // Inside a string, the string's start (both engines give their own position for these).
    expect(jsonErrorOffset('["a\nb"]')).toBe(1);
  });

  it('holds to strict JSON: no trailing commas, comments, single quotes or other numbers', () => {
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('// note\n[1]')).toBe(0);
    expect(jsonErrorOffset('[1, /* note */ 2]')).toBe(4);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('["a", \'b\']')).toBe(6);
    expect(jsonErrorOffset('[NaN]')).toBe(1);
    expect(jsonErrorOffset('[0x10]')).toBe(2);
    expect(jsonErrorOffset('[.5]')).toBe(1);
    expect(jsonErrorOffset('\u00a0[1]')).toBe(0);
    // Nesting deeper than its parser goes: no position, and no throw.
    expect(jsonErrorOffset('['.repeat(100_000))).toBeUndefined();
  });

  it('reports strict JSON errors with their position', () => {
    const error = (text: string) => {
      const result = readJsonFile(text, 1_000_000);
      return result.ok ? 'ok' : result.errors[0];
    };
    expect(error('[\n  1,\n]')).toMatch(/^The file is not valid JSON: .+ at line 3, column 1 \(position 7\)\.$/);
    expect(error('{\n  // note\n  "a": 1\n}')).toMatch(/ at line 2, column 3 \(position 4\)\.$/);
    expect(error("{'a': 1}")).toMatch(/ at line 1, column 2 \(position 1\)\.$/);
    expect(error('['.repeat(100_000))).toMatch(/ at line 1, column 100001 \(position 100000\)\.$/);
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

  it("takes the position from Firefox's message, which gives it as line and column", () => {
    // SpiderMonkey's messages, as Firefox ESR gives them for these texts.
    const firefox = (text: string, message: string) => {
      const parse = vi.spyOn(JSON, 'parse').mockImplementation(() => {
        throw new SyntaxError(message);
      });
      try {
        return readJsonFile(text, 1000);
      } finally {
        parse.mockRestore();
      }
    };
    expect(
      firefox('["a\nb"]', 'JSON.parse: bad control character in string literal at line 1 column 4 of the JSON data'),
    ).toEqual({
      ok: false,
      errors: ['The file is not valid JSON: bad control character in string literal at line 1, column 4 (position 3).'],
    });
    expect(
      firefox('[\n  {"a": 1},\n  {"b": tru}\n]', 'JSON.parse: unexpected keyword at line 3 column 9 of the JSON data'),
    ).toEqual({
      ok: false,
      errors: ['The file is not valid JSON: unexpected keyword at line 3, column 9 (position 22).'],
    });
  });
});
