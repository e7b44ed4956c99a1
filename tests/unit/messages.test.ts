import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { builtInEntries, checkStoredEntries } from '../../lib/entry-answers';
import {
  entryIdFromHash,
  glossaryAddress,
  parseBackgroundRequest,
  parseContentRequest,
  parseCustomEntriesReply,
  parseEntriesReply,
  parseMentionsReply,
} from '../../lib/messages';
import { entry, names } from './helpers';

describe('requests', () => {
  it('accepts the known requests and ignores anything else', () => {
    expect(parseContentRequest({ type: 'show-mention', id: 'greta' })).toEqual({ type: 'show-mention', id: 'greta' });
    expect(parseContentRequest({ type: 'step-mention', direction: -1 })).toEqual({
      type: 'step-mention',
      direction: -1,
    });
    expect(parseContentRequest({ type: 'step-mention', direction: 2 })).toBeUndefined();
    expect(parseContentRequest({ type: 'show-mention', id: '"]*{' })).toBeUndefined();
    expect(parseContentRequest({ type: 'get-mentions', extra: 1 })).toBeUndefined();
    expect(parseBackgroundRequest({ type: 'open-glossary' })).toEqual({ type: 'open-glossary' });
    expect(parseBackgroundRequest({ type: 'open-glossary', id: 'Not An Id' })).toBeUndefined();
    expect(parseBackgroundRequest('open-glossary')).toBeUndefined();
  });

  it('accepts the content script’s requests to the background, ids checked', () => {
    expect(parseBackgroundRequest({ type: 'load-card' })).toEqual({ type: 'load-card' });
    expect(parseBackgroundRequest({ type: 'load-card', file: '/other.js' })).toBeUndefined();
    expect(parseBackgroundRequest({ type: 'get-entries', ids: ['greta', 'coe'] })).toEqual({
      type: 'get-entries',
      ids: ['greta', 'coe'],
    });
    expect(parseBackgroundRequest({ type: 'get-entries', ids: ['"]*{'] })).toBeUndefined();
    expect(parseBackgroundRequest({ type: 'get-entries', ids: 'greta' })).toBeUndefined();
    expect(parseBackgroundRequest({ type: 'get-entries', ids: Array(1001).fill('greta') })).toBeUndefined();
    // Storage can hold anything: the background checks it.
    expect(parseBackgroundRequest({ type: 'check-custom-entries', value: 'garbage{' })).toEqual({
      type: 'check-custom-entries',
      value: 'garbage{',
    });
  });
});

describe('the background’s answers about entries', () => {
  it('gives the built-in entries asked for, in order, and leaves out unknown ids', () => {
    const reply = builtInEntries(['greta', 'no-such-entry', 'coe']);
    expect(reply.map((e) => e.id)).toEqual(['greta', 'coe']);
    expect(parseEntriesReply(reply)).toEqual(reply);
    expect(parseEntriesReply([{ ...reply[0], definition: 'not bilingual' }])).toBeUndefined();
    expect(parseEntriesReply(undefined)).toBeUndefined();
  });

  it('checks the user’s entries against the built-in glossary, describing what it left out', () => {
    const mine = entry('custom-mine', { names: { en: names('My Own Group'), fr: [] } });
    const taken = entry('greta', { names: { en: names('My Other Group'), fr: [] } });
    const reply = checkStoredEntries([mine, taken, 'junk']);
    expect(reply.entries).toEqual([mine]);
    expect(reply.dropped).toEqual([
      expect.stringMatching(/^#2 "greta" \(field id: "greta" is the id of a built-in entry/),
      expect.stringMatching(/^#3 \(/),
    ]);
    expect(parseCustomEntriesReply(reply)).toEqual(reply);
    expect(parseCustomEntriesReply({ entries: [], dropped: [7] })).toBeUndefined();
    expect(parseCustomEntriesReply({ entries: 'x', dropped: [] })).toBeUndefined();
  });
});

describe('parseMentionsReply', () => {
  it('accepts the content script’s reply and rejects anything else', () => {
    const reply = { enabled: true, hostname: 'example.org', mentions: [['greta', 3]] };
    expect(parseMentionsReply(reply)).toEqual(reply);
    expect(parseMentionsReply({ enabled: false, hostname: '', mentions: [] })).toEqual({
      enabled: false,
      hostname: '',
      mentions: [],
    });
    // The host name is part of every reply: the popup cannot read the tab's address without it.
    expect(parseMentionsReply({ enabled: true, mentions: [['greta', 3]] })).toBeUndefined();
    expect(parseMentionsReply({ ...reply, hostname: 42 })).toBeUndefined();
    expect(parseMentionsReply(undefined)).toBeUndefined();
    expect(parseMentionsReply(true)).toBeUndefined();
    expect(parseMentionsReply({ ...reply, enabled: 'yes' })).toBeUndefined();
    expect(parseMentionsReply({ ...reply, mentions: [['greta', -1]] })).toBeUndefined();
    expect(parseMentionsReply({ ...reply, mentions: [['greta', 1.5]] })).toBeUndefined();
    expect(parseMentionsReply({ ...reply, mentions: [['greta']] })).toBeUndefined();
    expect(parseMentionsReply({ ...reply, mentions: {} })).toBeUndefined();
  });
});

describe('the link to an entry of the full glossary', () => {
  it('builds the options page’s address', () => {
    expect(glossaryAddress()).toBe('/options.html');
    expect(glossaryAddress('greta')).toBe('/options.html#entry=greta');
    expect(glossaryAddress('a&b=c#d')).toBe('/options.html#entry=a%26b%3Dc%23d');
  });

  it('reads back every entry’s id', () => {
    for (const { id } of glossary) {
      expect(entryIdFromHash(new URL(glossaryAddress(id), 'chrome-extension://x/').hash), id).toBe(id);
    }
    expect(entryIdFromHash('#entry=coe&other=1')).toBe('coe');
    expect(entryIdFromHash('entry=coe')).toBe('coe');
  });

  it('reads no id where there is none, or where it cannot be one', () => {
    expect(entryIdFromHash('')).toBeUndefined();
    expect(entryIdFromHash('#')).toBeUndefined();
    expect(entryIdFromHash('#entry=')).toBeUndefined();
    expect(entryIdFromHash('#other=greta')).toBeUndefined();
    expect(
      entryIdFromHash(new URL(glossaryAddress('<img src=x onerror=alert(1)>'), 'chrome-extension://x/').hash),
    ).toBeUndefined();
    expect(entryIdFromHash('#entry=%22%5D%2C*%7B')).toBeUndefined();
    expect(entryIdFromHash('#entry=GRETA')).toBeUndefined();
    expect(entryIdFromHash('#entry=%E0%A4%A')).toBeUndefined();
  });

  it('leaves an unknown but well-formed id to the page, which finds no such entry', () => {
    expect(entryIdFromHash('#entry=no-such-entry')).toBe('no-such-entry');
    expect(glossary.some((e) => e.id === 'no-such-entry')).toBe(false);
  });
});
