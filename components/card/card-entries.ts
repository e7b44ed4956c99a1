/**
 * The entries the card shows. The content script carries no entry texts: built-in entries are
 * asked from the background, which holds the glossary, when the card needs them (the entry it
 * opens on and the entries that one links to), and kept for the page's life; the user's own
 * entries come from the content script, which read them for matching. Built-in entries win, as
 * everywhere (glossary/merge.ts).
 */
import { browser } from 'wxt/browser';
import type { Entry } from '../../glossary/schema';
import { type BackgroundRequest, parseEntriesReply } from '../../lib/messages';

export interface CardEntries {
  /** Gets the entry `id` and the entries it links to; the entry, or undefined when there is none. */
  load(id: string): Promise<Entry | undefined>;
  /** An entry already got, or one of the user's. */
  get(id: string): Entry | undefined;
}

/** The built-in entries the background has of `ids`. */
export async function askBackground(ids: string[]): Promise<Entry[]> {
  const request: BackgroundRequest = { type: 'get-entries', ids };
  const reply = parseEntriesReply(await browser.runtime.sendMessage(request));
  if (!reply) throw new Error('the background did not give the entries');
  return reply;
}

export function cardEntries(custom: () => readonly Entry[], ask = askBackground): CardEntries {
  /** Built-in entries by id; null for an id the built-in glossary does not have. */
  const builtIn = new Map<string, Entry | null>();
  /** The request that gets each id, asked once. */
  const asked = new Map<string, Promise<void>>();
  let mine: { list: readonly Entry[]; byId: Map<string, Entry> } | undefined;

  const get = (id: string) => {
    const found = builtIn.get(id);
    if (found) return found;
    const list = custom();
    if (mine?.list !== list) mine = { list, byId: new Map(list.map((e) => [e.id, e])) };
    return mine.byId.get(id);
  };

  const fetch = async (ids: readonly string[]) => {
    const missing = [...new Set(ids)].filter((id) => !asked.has(id));
    if (missing.length) {
      const request = ask(missing).then(
        (entries) => {
          for (const id of missing) builtIn.set(id, null);
          for (const entry of entries) builtIn.set(entry.id, entry);
        },
        (error: unknown) => {
          // Asked again next time.
          for (const id of missing) asked.delete(id);
          throw error;
        },
      );
      for (const id of missing) asked.set(id, request);
    }
    await Promise.all(ids.map((id) => asked.get(id)));
  };

  return {
    async load(id) {
      await fetch([id]);
      const entry = get(id);
      if (entry) await fetch(entry.related);
      return entry;
    },
    get,
  };
}
