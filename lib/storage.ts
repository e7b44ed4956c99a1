/**
 * Where the settings live: `storage.sync` (WXT storage item, versioned from the first release so
 * that later releases can migrate). Every context reads and watches them through this module.
 */
import { storage } from 'wxt/utils/storage';
import type { Entry } from '../glossary/schema';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** Calls `onChange` with every new value until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const unwatch = settingsItem.watch((value) => onChange(normalizeSettings(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}

/** Saves settings; a full sync quota gets a message that says what to do. */
export async function saveSettings(settings: Settings): Promise<void> {
  try {
    await settingsItem.setValue(settings);
  } catch (error) {
    const text = String(error);
    if (/quota/i.test(text)) {
      throw new Error(
        'The settings are too large for browser sync (at most 8 KB). Remove some listed sites or hidden entries and try again.',
      );
    }
    throw error;
  }
}

/**
 * The user's own glossary entries, in `storage.local` (sync's 8 KB per item is too small for
 * them). They are validated with the glossary's schema when imported or edited (custom-entries.ts).
 */
export const customEntriesItem = storage.defineItem<Entry[]>('local:customEntries', {
  fallback: [],
  version: 1,
});
