/**
 * The settings file: what an export holds, and the strict reading of an import. Pure: no DOM, no
 * browser APIs. Messages are in English and name what is wrong and where.
 */
import { checkFileHeader, type FileResult, isRecord, readJsonFile } from '../glossary/json-file';
import { parseSettings, type Settings } from './settings';

export const SETTINGS_FORMAT = 'palermo-lens-settings';
export const SETTINGS_FILE_VERSION = 1;
/** A settings file is a few kilobytes; anything much larger is not one. */
export const SETTINGS_FILE_MAX_BYTES = 64 * 1024;

/** What an exported settings file holds. */
export function settingsFileContent(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FORMAT, version: SETTINGS_FILE_VERSION, settings }, null, 2)}\n`;
}

/**
 * A settings file, strictly: {format: 'palermo-lens-settings', version: 1, settings} whose
 * settings pass parseSettings. Nothing is returned when anything is wrong.
 */
export function parseSettingsFile(text: string): FileResult<Settings> {
  const json = readJsonFile(text, SETTINGS_FILE_MAX_BYTES);
  if (!json.ok) return json;
  const file = json.value;
  if (!isRecord(file)) {
    return {
      ok: false,
      errors: [`The file must be a settings export: {"format": "${SETTINGS_FORMAT}", "version": 1, "settings": {…}}.`],
    };
  }
  const header = checkFileHeader(file, SETTINGS_FORMAT, SETTINGS_FILE_VERSION);
  if (header.length) return { ok: false, errors: header };
  const extra = Object.keys(file).filter((k) => !['format', 'version', 'settings'].includes(k));
  if (extra.length) return { ok: false, errors: extra.map((k) => `field ${k}: unknown field`) };
  if (file.settings === undefined) return { ok: false, errors: ['field settings: missing'] };
  const parsed = parseSettings(file.settings);
  return parsed.ok ? { ok: true, value: parsed.settings } : { ok: false, errors: parsed.errors };
}
