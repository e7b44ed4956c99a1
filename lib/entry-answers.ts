/**
 * The background's answers about entries, for the content scripts, which carry no entry texts:
 * built-in entries by id (for the card), and the user's entries as stored, checked against the
 * built-in glossary (for highlighting).
 */
import { entryById, glossary } from '../glossary';
import { describeDropped, storedCustomEntries } from '../glossary/custom-entries';
import type { LookTerms } from '../glossary/look-index';
import { prepareLookTerms } from '../glossary/prepare-matcher';
import type { Entry } from '../glossary/schema';
import type { CustomEntriesReply } from './messages';

/** The built-in entries of `ids`, in that order; ids the glossary does not have are left out. */
export const builtInEntries = (ids: readonly string[]): Entry[] => ids.flatMap((id) => entryById(id) ?? []);

/** The user's entries from a stored value, checked as every context checks them (lib/storage.ts). */
export function checkStoredEntries(value: unknown): CustomEntriesReply {
  const stored = storedCustomEntries(value, glossary);
  return { entries: stored.entries, dropped: stored.dropped.map(describeDropped) };
}

/** The words each of the user's stored entries (the valid ones) requires, for the content script's first look. */
export function customLookTerms(value: unknown): { terms: LookTerms } {
  return { terms: prepareLookTerms(checkStoredEntries(value).entries) };
}
