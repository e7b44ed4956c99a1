/**
 * Reading the JSON files a user imports (settings, custom entries): a size limit, and parse errors
 * with their position as line and column. Pure: no DOM, no browser APIs. Messages are in English
 * and name what is wrong and where.
 */
import { type ParseError, parse } from 'jsonc-parser';

export type FileResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** A size for people: "812 bytes", "512 KB", "1.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

/** The message for a file over the limit, or undefined when it fits. */
export function fileSizeError(bytes: number, maxBytes: number): string | undefined {
  if (bytes <= maxBytes) return undefined;
  let [size, limit] = [formatSize(bytes), formatSize(maxBytes)];
  // Just over the limit, rounded sizes would read the same.
  if (size === limit) [size, limit] = [`${bytes} bytes`, `${maxBytes} bytes`];
  return `The file is ${size}; the limit is ${limit}.`;
}

/**
 * The offset of the first syntax error in `text` by strict JSON rules (no comments, no trailing
 * commas), as jsonc-parser finds it: the start of the offending token. Undefined if none.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  } catch {
    return undefined; // nesting too deep for its recursive parser: no position
  }
  return errors[0]?.offset;
}

/** Line and column (both from 1) of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Where the engine's JSON.parse message puts the error, if it says: V8 gives "at position N",
 * SpiderMonkey "at line L column C of the JSON data".
 */
function parserErrorOffset(message: string, text: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const place = /at line (\d+) column (\d+) of the JSON data/.exec(message);
  if (!place) return undefined;
  let lineStart = 0;
  for (let line = 1; line < Number(place[1]); line++) {
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) return undefined; // lines counted otherwise (a lone \r): no position
    lineStart = newline + 1;
  }
  return Math.min(lineStart + Number(place[2]) - 1, text.length);
}

/**
 * The JSON in a file's text, or why not: over the size limit, or not JSON (with the parser's
 * message and the position of the error as line, column and character offset).
 */
export function readJsonFile(text: string, maxBytes: number): FileResult<unknown> {
  const tooLarge = fileSizeError(new TextEncoder().encode(text).length, maxBytes);
  if (tooLarge) return { ok: false, errors: [tooLarge] };
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const offset = parserErrorOffset(raw, body) ?? jsonErrorOffset(body) ?? body.length;
    // The parser's own words, without its excerpt of the file (which can be long) or its position.
    const reason =
      raw
        .replace(/^JSON\.parse: /, '')
        .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
        .replace(/\s*in JSON at position \d+.*$/s, '')
        .replace(/\s*\(line \d+ column \d+\)$/, '')
        .replace(/\s*at line \d+ column \d+ of the JSON data$/, '')
        .trim() || 'Syntax error';
    const { line, column } = lineAndColumn(body, offset);
    return {
      ok: false,
      errors: [`The file is not valid JSON: ${reason} at line ${line}, column ${column} (position ${offset}).`],
    };
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a file's `format` and `version` fields; the messages name the field. */
export function checkFileHeader(file: Record<string, unknown>, format: string, version: number): string[] {
  if (file.format !== format) {
    const found = typeof file.format === 'string' ? ` (this file says "${file.format}")` : '';
    return [`field format: must be "${format}"${found}`];
  }
  if (file.version !== version) {
    return [`field version: version ${JSON.stringify(file.version ?? null)} is not supported (only ${version})`];
  }
  return [];
}
