import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rawEntries from '../../glossary/entries.json';
import { compileMatcher } from '../../glossary/matcher';
import { GlossaryError, parseGlossary } from '../../glossary/schema';

const source = readFileSync(new URL('../../glossary/source/france-diplomatie-2013.txt', import.meta.url), 'utf8');
const glossary = parseGlossary(rawEntries);
const matcher = compileMatcher(glossary);
const paragraphs = source.split('\n').filter((l) => l.trim());

/** Every entry id found in `text`, including the mentions nested in longer ones. */
function idsIn(text: string, context = text): Set<string> {
  const ids = new Set<string>();
  const walk = (ms: ReturnType<typeof matcher.find>) => {
    for (const m of ms) {
      ids.add(m.id);
      walk(m.inner);
    }
  };
  walk(matcher.find(text, context));
  return ids;
}

describe('the built-in glossary', () => {
  it('is valid against the schema: every entry of the file comes through, in order', () => {
    expect(glossary.map((e) => e.id)).toEqual((rawEntries as { id: string }[]).map((e) => e.id));
    expect(new Set(glossary.map((e) => e.id)).size).toBe(glossary.length);
  });

  it('uses the ids of the researched facts', () => {
    const factsIds = JSON.parse(readFileSync(new URL('./glossary-ids.json', import.meta.url), 'utf8')) as string[];
    expect(glossary.map((e) => e.id).sort()).toEqual([...factsIds].sort());
  });

  it('quotes only passages that occur in the source document', () => {
    for (const entry of glossary) {
      for (const passage of entry.documentPassages) expect(source, `${entry.id}`).toContain(passage);
      if (entry.inDocument === 'named') expect(entry.documentPassages.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('has a source for every fact and a definition in both languages', () => {
    for (const entry of glossary) {
      for (const fact of entry.facts) expect(fact.sources.length, entry.id).toBeGreaterThan(0);
      expect(
        entry.definition.en.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 2).length,
        entry.id,
      ).toBeLessThanOrEqual(3);
    }
  });

  it('finds every entry the document names, in the paragraph that names it', () => {
    const inDocument = new Set<string>();
    for (const p of paragraphs) for (const id of idsIn(p)) inDocument.add(id);
    const named = glossary.filter((e) => e.inDocument === 'named').map((e) => e.id);
    expect(named.filter((id) => !inDocument.has(id))).toEqual([]);
    // And nothing the document does not name.
    const notNamed = glossary.filter((e) => e.inDocument !== 'named').map((e) => e.id);
    expect(notNamed.filter((id) => inDocument.has(id))).toEqual([]);
    // Where a passage spells out one of the entry's terms, the matcher finds the entry there, or
    // the term is part of a longer name (the acronym "EU" in "EU-funded project").
    for (const entry of glossary) {
      const terms = [...entry.names.en, ...entry.names.fr, ...entry.acronyms.en, ...entry.acronyms.fr].map(
        (t) => t.text,
      );
      for (const passage of entry.documentPassages) {
        const paragraph = paragraphs.find((p) => p.includes(passage)) ?? passage;
        const mentions = matcher.find(passage, paragraph);
        for (const term of terms) {
          const at = passage.indexOf(term);
          if (at < 0) continue;
          const covered = (ms: typeof mentions): boolean =>
            ms.some(
              (m) =>
                (m.start <= at && at + term.length <= m.end && (m.id === entry.id || m.end - m.start > term.length)) ||
                covered(m.inner),
            );
          expect(covered(mentions), `${entry.id} (${term}) in: ${passage}`).toBe(true);
        }
      }
    }
  });

  it('does not take the document’s “HCR” typo for the Human Rights Council', () => {
    const sentence = 'In 2007, the HCR also appointed a Special Rapporteur on contemporary forms of slavery.';
    const found = matcher.find(sentence);
    expect(found.some((m) => sentence.slice(m.start, m.end) === 'HCR')).toBe(false);
  });

  it('matches none of the trap sentences', () => {
    const html = readFileSync(new URL('../fixtures/traps.html', import.meta.url), 'utf8');
    const traps = [...html.matchAll(/<p[^>]*>(.*?)<\/p>/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));
    expect(traps.length).toBeGreaterThan(15);
    for (const trap of traps) expect([...idsIn(trap)], trap).toEqual([]);
  });

  it('finds French forms', () => {
    const fr =
      'La France soutient le Protocole de Palerme et l’ONUDC ; elle coopère avec l’OIM, l’OIT et le Conseil de l’Europe contre la traite des êtres humains.';
    expect([...idsIn(fr)].sort()).toEqual(
      ['coe', 'ilo', 'iom', 'palermo-protocol', 'trafficking-in-human-beings', 'unodc'].sort(),
    );
  });

  it('is matched by the source wording and its variants', () => {
    const en =
      'The International Labor Organization (ILO), the International Organization for Migration, the Palermo Protocol and the UN Office on Drugs and Crime.';
    expect(matcher.find(en).map((m) => m.id)).toEqual(['ilo', 'ilo', 'iom', 'palermo-protocol', 'unodc']);
  });
});

describe('glossary validation', () => {
  const valid = structuredClone(rawEntries) as unknown[];
  const broken = (patch: (entries: Record<string, unknown>[]) => void) => {
    const copy = structuredClone(valid) as Record<string, unknown>[];
    patch(copy);
    return () => parseGlossary(copy);
  };

  it('names the entry and the field of a broken entry', () => {
    expect(broken((es) => ((es[1] as { definition: { fr: string } }).definition.fr = ''))).toThrow(
      new RegExp(`entry "${(valid[1] as { id: string }).id}", field definition\\.fr`),
    );
    expect(broken((es) => ((es[0] as { category: string }).category = 'planets'))).toThrow(/field category/);
    // A path deep in the entry, the entry itself, and the glossary as a whole.
    const id = (valid[0] as { id: string }).id;
    expect(broken((es) => ((es[0] as { names: { en: { text: string }[] } }).names.en[0] = { text: ' ' }))).toThrow(
      new RegExp(`entry "${id}", field names\\.en\\.0\\.text: must not be empty`),
    );
    expect(broken((es) => (es[2] = 42 as never))).toThrow(/- entry #3: Invalid type/);
    expect(() => parseGlossary({})).toThrow(/- glossary: Invalid type/);
  });

  it('refuses a fact without a source, a duplicate id and an unknown related id', () => {
    expect(
      broken((es) => {
        const e = es.find((x) => (x.facts as unknown[]).length > 0) as { facts: { sources: string[] }[] };
        (e.facts[0] as { sources: string[] }).sources = [];
      }),
    ).toThrow(/every fact needs a source/);
    expect(broken((es) => es.push(structuredClone(es[0] as object) as Record<string, unknown>))).toThrow(/unique/);
    expect(broken((es) => (es[0] as { related: string[] }).related.push('no-such-entry'))).toThrow(GlossaryError);
  });
});
