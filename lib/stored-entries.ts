/**
 * Where the user's own entries are stored, and whether a stored value holds any: the content
 * script's first look (page/first-look.ts) reads that key directly, without storage.ts and its
 * validation, which it does not carry; the background checks what it reads.
 */

/** `storage.local`: sync's 8 KB per item is too small for them. */
export const CUSTOM_ENTRIES_KEY = 'customEntries';

/** Whether a stored value holds no entries at all (nothing to check). */
export const holdsNoEntries = (value: unknown): boolean =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0);
