/**
 * The content script's first look decides with the first three words of every term whether a frame
 * gets the matcher at all: a mention it lets through would never be highlighted. So every mention
 * the full matcher finds, in the source document and the labelled real texts, must hold a match
 * of the look's expression; and everyday phrases that the two-word stage lets through must not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { compileMatcher, type Mention } from '../../glossary/matcher';
import { prepareMatcher } from '../../glossary/prepare-matcher';
import type { Entry } from '../../glossary/schema';
import { entry, names } from './helpers';

const prepared = prepareMatcher(glossary);
const corpus = new URL('../fixtures/corpus/', import.meta.url);
const texts: [string, string][] = [
  [
    'source document',
    readFileSync(new URL('../../glossary/source/france-diplomatie-2013.txt', import.meta.url), 'utf8'),
  ],
  ...readdirSync(corpus)
    .filter((f) => f.endsWith('.html'))
    .map((f): [string, string] => [
      f,
      readFileSync(new URL(f, corpus), 'utf8')
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, '\n')
        .replace(/&nbsp;/g, ' '),
    ]),
];

/** The mentions of `text` (every paragraph its own context) that hold no match of `source`. */
function missed(source: string, entries: readonly Entry[], text: string): string[] {
  const matcher = compileMatcher([...entries]);
  const look = new RegExp(source, 'gu');
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\n/)) {
    const starts = [...paragraph.matchAll(look)].map((m) => m.index);
    const found = (m: Mention) => starts.some((s) => s >= m.start && s < m.end);
    for (const m of matcher.find(paragraph, text)) if (!found(m)) out.push(paragraph.slice(m.start, m.end));
  }
  return out;
}

describe('the first look’s expression', () => {
  it('lets every mention of the source document and the real texts through', () => {
    let mentions = 0;
    for (const [name, text] of texts) {
      expect(missed(prepared.lookSource, glossary, text), name).toEqual([]);
      mentions += compileMatcher(glossary).find(text).length;
    }
    expect(mentions).toBeGreaterThan(300);
  });

  it('lets the user’s entries through, whatever the length of their names', () => {
    const mine = [
      entry('custom-one', { names: { en: names('Anti-Slavery Day'), fr: names('Journée contre l’esclavage') } }),
      entry('custom-two', { names: { en: names('Walk Free'), fr: [] } }),
    ];
    const text = 'On Anti-Slavery Day, Walk Free spoke; la Journée contre l’esclavage aussi.';
    expect(compileMatcher(mine).find(text)).toHaveLength(3);
    expect(missed(prepareMatcher(mine).lookSource, mine, text)).toEqual([]);
  });

  it('does not stop at everyday phrases that begin a name', () => {
    const everyday = 'A group of friends met the council of the town at the office of the mayor, in the land of lakes.';
    expect(new RegExp(prepared.source, 'gu').test(everyday)).toBe(true);
    expect(new RegExp(prepared.lookSource, 'gu').test(everyday)).toBe(false);
  });
});
