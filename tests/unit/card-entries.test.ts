/** The card's entries (components/card/card-entries.ts): asked from the background as needed, kept, built-in first. */
import { describe, expect, it, vi } from 'vitest';
import { cardEntries } from '../../components/card/card-entries';
import { entryById } from '../../glossary';
import type { Entry } from '../../glossary/schema';
import { builtInEntries } from '../../lib/entry-answers';
import { entry, names } from './helpers';

const background = () => vi.fn(async (ids: string[]) => builtInEntries(ids));

describe('the card’s entries', () => {
  it('asks for an entry and then for the entries it links to, once each', async () => {
    const ask = background();
    const entries = cardEntries(() => [], ask);
    const greta = await entries.load('greta');
    expect(greta).toEqual(entryById('greta'));
    expect(ask.mock.calls).toEqual([[['greta']], [greta?.related]]);
    for (const id of greta?.related ?? []) expect(entries.get(id)).toEqual(entryById(id));
    // Kept: opening it again, or a related entry whose links were asked already, asks nothing more.
    await entries.load('greta');
    expect(ask).toHaveBeenCalledTimes(2);
    expect(entries.get('no-such-entry')).toBeUndefined();
  });

  it('asks once for an entry wanted twice at the same time', async () => {
    const ask = background();
    const entries = cardEntries(() => [], ask);
    const [a, b] = await Promise.all([entries.load('unodc'), entries.load('unodc')]);
    expect(a).toBe(b);
    expect(ask.mock.calls[0]).toEqual([['unodc']]);
    expect(ask.mock.calls.filter(([ids]) => ids.includes('unodc'))).toHaveLength(1);
  });

  it('gives the user’s entries, linked to built-in ones, and built-in entries first for a shared id', async () => {
    const mine = entry('custom-mine', { names: { en: names('My Own Group'), fr: [] }, related: ['greta'] });
    const shadow = entry('unodc', { names: { en: names('Not the UNODC'), fr: [] } });
    let custom: readonly Entry[] = [mine, shadow];
    const ask = background();
    const entries = cardEntries(() => custom, ask);
    expect(await entries.load('custom-mine')).toBe(mine);
    expect(entries.get('greta')).toEqual(entryById('greta'));
    expect(await entries.load('unodc')).toEqual(entryById('unodc'));
    // The user's entries as they are now.
    custom = [];
    expect(await entries.load('custom-mine')).toBeUndefined();
  });

  it('asks again after a failed request', async () => {
    const ask = vi.fn<(ids: string[]) => Promise<Entry[]>>().mockRejectedValueOnce(new Error('no background'));
    ask.mockImplementation(async (ids) => builtInEntries(ids));
    const entries = cardEntries(() => [], ask);
    await expect(entries.load('ilo')).rejects.toThrow('no background');
    expect(await entries.load('ilo')).toEqual(entryById('ilo'));
  });
});
