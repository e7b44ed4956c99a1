/**
 * The built-in glossary. It is validated against the schema when the extension is built
 * (wxt.config.ts) and by the unit tests, so the extension itself trusts it and skips the cost.
 */
import entries from './entries.json';
import type { Entry, Glossary } from './schema';

export const glossary = entries as Glossary;

const byId = new Map(glossary.map((e) => [e.id, e]));
export const entryById = (id: string): Entry | undefined => byId.get(id);
