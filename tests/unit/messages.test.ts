import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import {
  entryIdFromHash,
  glossaryAddress,
  parseBackgroundRequest,
  parseContentRequest,
  parseMentionsReply,
} from '../../lib/messages';

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
