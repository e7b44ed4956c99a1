/**
 * What the extension stores, as WXT storage items: the settings in `storage.sync`, the user's
 * own entries in `storage.local`. Every context reads, watches and writes them through this
 * module, never through the items, because storage can hold anything (an older or newer
 * version, a sync conflict, another tool writing there): every value is validated on read.
 * Damaged settings fields take their defaults; damaged entries are left out, one by one, and
 * named in a console warning. Nothing is written back on read: the next save replaces the value.
 *
 * The items are versioned (1) so that a later release can add migrations. WXT keeps their
 * version in `settings$` and `customEntries$` but reads it only to run migrations, and there are
 * none yet: a damaged version key changes nothing (the damaged-storage e2e test writes them too).
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { describeDropped, type StoredEntries, storedCustomEntries } from '../glossary/custom-entries';
import type { Entry, Glossary } from '../glossary/schema';
import { normalizeSettings, type Settings, SettingsSchema } from './settings';
import { CUSTOM_ENTRIES_KEY, holdsNoEntries } from './stored-entries';

export { holdsNoEntries } from './stored-entries';

const WARNING = 'Palermo Lens:';

// `unknown`: what comes out is only trusted after the checks below.
const settingsItem = storage.defineItem<unknown>('sync:settings', { version: 1 });
const customEntriesItem = storage.defineItem<unknown>(`local:${CUSTOM_ENTRIES_KEY}`, { version: 1 });

/** Settings from a stored value, repaired field by field, with a warning naming what was repaired. */
function readSettings(value: unknown): Settings {
  if (value !== null && value !== undefined) {
    const parsed = v.safeParse(SettingsSchema, value);
    if (!parsed.success) {
      const fields = [...new Set(parsed.issues.map((issue) => v.getDotPath(issue) ?? '(the whole value)'))];
      console.warn(
        WARNING,
        `the stored settings were damaged: default values replace ${fields.join(', ')} (unknown fields are ignored)`,
      );
    }
  }
  return normalizeSettings(value);
}

export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}

/** Calls `onChange` with every new value until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const unwatch = settingsItem.watch((value) => onChange(readSettings(value)));
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

/** Says in the console which stored entries were left out, each described (describeDropped). */
export function warnDropped(described: readonly string[]): void {
  const { length } = described;
  if (!length) return;
  const what = length === 1 ? 'stored custom entry was' : 'stored custom entries were';
  console.warn(WARNING, `${length} ${what} damaged and left out: ${described.join('; ')}`);
}

/**
 * The user's entries from a stored value, checked against the built-in glossary, which is only
 * asked for when there are entries to check.
 */
function readCustomEntries(value: unknown, builtIn: () => Glossary): StoredEntries {
  if (holdsNoEntries(value)) return { entries: [], dropped: [] };
  const stored = storedCustomEntries(value, builtIn());
  warnDropped(stored.dropped.map(describeDropped));
  return stored;
}

/** The user's own entries, without the damaged ones (listed in `dropped`). */
export async function loadCustomEntries(builtIn: () => Glossary): Promise<StoredEntries> {
  return readCustomEntries(await customEntriesItem.getValue(), builtIn);
}

/** Calls `onChange` with the user's entries at every change until `signal` aborts. */
export function watchCustomEntries(
  builtIn: () => Glossary,
  onChange: (stored: StoredEntries) => void,
  signal: AbortSignal,
): void {
  const unwatch = customEntriesItem.watch((value) => onChange(readCustomEntries(value, builtIn)));
  signal.addEventListener('abort', unwatch, { once: true });
}

/**
 * The user's entries as stored, unchecked: for the content script, which carries no built-in
 * glossary to check them against (the background checks them for it).
 */
export const loadStoredCustomEntries = (): Promise<unknown> => customEntriesItem.getValue();

/** Calls `onChange` with each new stored value of the user's entries, unchecked, until `signal` aborts. */
export function watchStoredCustomEntries(onChange: (value: unknown) => void, signal: AbortSignal): void {
  const unwatch = customEntriesItem.watch(onChange);
  signal.addEventListener('abort', unwatch, { once: true });
}

/** Saves the user's entries (checked by the options page before): they replace what was stored. */
export async function saveCustomEntries(entries: readonly Entry[]): Promise<void> {
  await customEntriesItem.setValue(entries);
}
