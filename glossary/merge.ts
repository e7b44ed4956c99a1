/**
 * The one merge of the built-in glossary and the user's own entries, used by every context that
 * shows or matches both (the content script, the popup, the options page and its preview).
 *
 * Precedence: built-in entries win. A custom entry with a built-in entry's id is left out, so
 * that an id always means the text users quote from the built-in glossary (an import refuses such
 * an id anyway; this covers storage written by an older version or another tool). Of two custom
 * entries with one id, the first is kept, for the same reason: one id, one entry.
 */
import type { Entry } from './schema';

/** The built-in entries in their order, then the user's entries whose ids are not taken yet. */
export function mergeEntries(builtIn: readonly Entry[], custom: readonly Entry[]): Entry[] {
  const taken = new Set(builtIn.map((e) => e.id));
  const kept = custom.filter((e) => !taken.has(e.id) && taken.add(e.id));
  return [...builtIn, ...kept];
}
