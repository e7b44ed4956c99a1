import { describe, expect, it } from 'vitest';
import { type CardEvent, type CardState, cardReducer, currentEntry, HIDDEN } from '../../page/card-state';

const mark = (id: string) => ({ getAttribute: () => id }) as unknown as Element;
const a = mark('greta');
const b = mark('unodc');
const run = (events: CardEvent[], from: CardState = HIDDEN) => events.reduce(cardReducer, from);

describe('card state machine', () => {
  it('opens only after the pointer rests on a highlight', () => {
    expect(run([{ type: 'enter-mark', mark: a }]).kind).toBe('opening');
    expect(currentEntry(run([{ type: 'enter-mark', mark: a }, { type: 'rest-elapsed' }]))).toBe('greta');
  });

  it('opens nothing when the pointer sweeps across highlights', () => {
    const s = run([
      { type: 'enter-mark', mark: a },
      { type: 'leave-mark' },
      { type: 'enter-mark', mark: b },
      { type: 'leave-mark' },
      { type: 'rest-elapsed' },
    ]);
    expect(s).toEqual(HIDDEN);
  });

  it('stays open while the pointer travels to the card and rests on it', () => {
    const open = run([{ type: 'enter-mark', mark: a }, { type: 'rest-elapsed' }, { type: 'leave-mark' }]);
    expect(open).toMatchObject({ kind: 'shown', leaving: true });
    const onCard = run([{ type: 'enter-card' }, { type: 'grace-elapsed' }], open);
    expect(onCard).toMatchObject({ kind: 'shown', leaving: false });
    expect(run([{ type: 'leave-card' }, { type: 'grace-elapsed' }], onCard)).toEqual(HIDDEN);
  });

  it('keeps a pinned card through pointer moves until closed', () => {
    const pinned = run([{ type: 'click-mark', mark: a }, { type: 'leave-mark' }, { type: 'grace-elapsed' }]);
    expect(pinned.kind).toBe('pinned');
    expect(run([{ type: 'enter-mark', mark: b }, { type: 'rest-elapsed' }], pinned)).toBe(pinned);
    expect(run([{ type: 'toggle-pin' }], pinned)).toMatchObject({ kind: 'shown' });
    expect(run([{ type: 'close' }], pinned)).toEqual(HIDDEN);
  });

  it('navigates to related entries and back, and then stays', () => {
    const s = run([
      { type: 'enter-mark', mark: a },
      { type: 'rest-elapsed' },
      { type: 'navigate', id: 'coe-convention' },
      { type: 'navigate', id: 'coe' },
    ]);
    expect(currentEntry(s)).toBe('coe');
    expect(s.kind).toBe('pinned');
    expect(currentEntry(run([{ type: 'back' }], s))).toBe('coe-convention');
    expect(currentEntry(run([{ type: 'back' }, { type: 'back' }, { type: 'back' }], s))).toBe('greta');
  });

  it('opens by keyboard pinned, and closes when the highlight disappears', () => {
    const s = run([{ type: 'open-by-keyboard', mark: b }]);
    expect(s).toMatchObject({ kind: 'pinned', target: { byKeyboard: true, history: ['unodc'] } });
    expect(run([{ type: 'mark-removed' }], s)).toEqual(HIDDEN);
  });
});
