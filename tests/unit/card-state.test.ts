import { describe, expect, it } from 'vitest';
import {
  type CardEvent,
  type CardState,
  type CardTarget,
  cardReducer,
  currentEntry,
  HIDDEN,
} from '../../page/card-state';

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

/**
 * Each event on each state, one rule at a time. `toBe(state)` means "no change at all": the card
 * skips its timers and rendering when the reducer hands back the same state.
 */
describe('card state machine, event by event', () => {
  const target = (mark: Element, history: string[], byKeyboard = false): CardTarget => ({ mark, history, byKeyboard });
  const opening: CardState = { kind: 'opening', mark: a };
  const shown: CardState = { kind: 'shown', target: target(a, ['greta']), leaving: false };
  const leaving: CardState = { kind: 'shown', target: target(a, ['greta']), leaving: true };
  const pinned: CardState = { kind: 'pinned', target: target(a, ['greta']) };
  // Written out, and reached by events in the test below: computed here, a broken reducer would fail
  // the file's loading rather than a test.
  const shownOnRelated: CardState = { kind: 'shown', target: target(a, ['greta', 'coe']), leaving: false };

  it('reads the entry from the highlight’s data-glossary-id', () => {
    const withOtherAttributes = {
      getAttribute: (name: string) => (name === 'data-glossary-id' ? 'coe' : 'not-the-id'),
    } as unknown as Element;
    expect(currentEntry(run([{ type: 'click-mark', mark: withOtherAttributes }]))).toBe('coe');
  });

  it('closes from every state to the hidden state, which shows no entry', () => {
    for (const from of [opening, shown, leaving, pinned]) {
      for (const type of ['close', 'mark-removed'] as const) {
        const s = run([{ type }], from);
        expect(s).toEqual({ kind: 'hidden' });
        expect(currentEntry(s)).toBeUndefined();
      }
    }
    expect(currentEntry(opening)).toBeUndefined();
  });

  it('shows a related entry unpinned after reading further and unpinning', () => {
    const events: CardEvent[] = [
      { type: 'enter-mark', mark: a },
      { type: 'rest-elapsed' },
      { type: 'navigate', id: 'coe' },
      { type: 'toggle-pin' },
    ];
    expect(run(events)).toEqual(shownOnRelated);
  });

  it('enter-mark: back on the shown highlight keeps the card as it is; another highlight starts over', () => {
    const left = run([{ type: 'leave-mark' }], shownOnRelated);
    expect(left).toMatchObject({ kind: 'shown', leaving: true });
    const back = run([{ type: 'enter-mark', mark: a }], left);
    expect(back).toEqual({ ...shownOnRelated, leaving: false });
    expect(currentEntry(back)).toBe('coe');

    for (const from of [shown, leaving, opening, HIDDEN]) {
      expect(run([{ type: 'enter-mark', mark: b }], from)).toEqual({ kind: 'opening', mark: b });
    }
    expect(run([{ type: 'enter-mark', mark: a }], pinned)).toBe(pinned);
    expect(run([{ type: 'enter-mark', mark: b }], pinned)).toBe(pinned);
  });

  it('leave-mark: cancels an opening, starts leaving a shown card, leaves the others alone', () => {
    expect(run([{ type: 'leave-mark' }], opening)).toEqual(HIDDEN);
    expect(run([{ type: 'leave-mark' }], shown)).toEqual(leaving);
    expect(run([{ type: 'leave-mark' }], pinned)).toBe(pinned);
    expect(run([{ type: 'leave-mark' }], HIDDEN)).toBe(HIDDEN);
  });

  it('enter-card and leave-card: only a shown card cares', () => {
    expect(run([{ type: 'enter-card' }], leaving)).toEqual(shown);
    expect(run([{ type: 'leave-card' }], shown)).toEqual(leaving);
    for (const from of [HIDDEN, opening, pinned]) {
      expect(run([{ type: 'enter-card' }], from)).toBe(from);
      expect(run([{ type: 'leave-card' }], from)).toBe(from);
    }
  });

  it('rest-elapsed: an opening card shows, by pointer, not leaving; otherwise nothing happens', () => {
    expect(run([{ type: 'rest-elapsed' }], opening)).toEqual(shown);
    for (const from of [HIDDEN, shown, leaving, pinned]) expect(run([{ type: 'rest-elapsed' }], from)).toBe(from);
  });

  it('grace-elapsed: only a shown card the pointer has left closes', () => {
    expect(run([{ type: 'grace-elapsed' }], leaving)).toEqual(HIDDEN);
    for (const from of [HIDDEN, opening, shown, pinned]) expect(run([{ type: 'grace-elapsed' }], from)).toBe(from);
  });

  it('click-mark: pins the card on that highlight, keeping what a shown card of the same highlight shows', () => {
    expect(run([{ type: 'click-mark', mark: a }], pinned)).toBe(pinned);
    expect(run([{ type: 'click-mark', mark: b }], pinned)).toEqual({
      kind: 'pinned',
      target: target(b, ['unodc']),
    });
    // The same highlight: the card stays on the related entry it shows.
    expect(run([{ type: 'click-mark', mark: a }], shownOnRelated)).toEqual({
      kind: 'pinned',
      target: target(a, ['greta', 'coe']),
    });
    // Opened by keyboard, unpinned, clicked: still the keyboard's card, whose focus comes back on close.
    const keyboardShown = run([{ type: 'open-by-keyboard', mark: a }, { type: 'toggle-pin' }]);
    expect(run([{ type: 'click-mark', mark: a }], keyboardShown)).toEqual({
      kind: 'pinned',
      target: target(a, ['greta'], true),
    });
    // Another highlight, or no card yet: a new card, opened by pointer.
    for (const from of [HIDDEN, opening, shown, leaving, shownOnRelated, keyboardShown]) {
      expect(run([{ type: 'click-mark', mark: b }], from)).toEqual({ kind: 'pinned', target: target(b, ['unodc']) });
    }
    expect(run([{ type: 'click-mark', mark: a }], HIDDEN)).toEqual(pinned);
  });

  it('open-by-keyboard: a new pinned card that takes the focus, from any state', () => {
    for (const from of [HIDDEN, opening, shown, pinned, shownOnRelated]) {
      expect(run([{ type: 'open-by-keyboard', mark: a }], from)).toEqual({
        kind: 'pinned',
        target: target(a, ['greta'], true),
      });
    }
  });

  it('toggle-pin: pins a shown card and unpins a pinned one, keeping its entry; nothing without a card', () => {
    expect(run([{ type: 'toggle-pin' }], leaving)).toEqual(pinned);
    expect(run([{ type: 'toggle-pin' }], pinned)).toEqual(shown);
    expect(run([{ type: 'toggle-pin' }, { type: 'toggle-pin' }], shownOnRelated)).toEqual(shownOnRelated);
    expect(run([{ type: 'toggle-pin' }], HIDDEN)).toBe(HIDDEN);
    expect(run([{ type: 'toggle-pin' }], opening)).toBe(opening);
  });

  it('navigate and back: only an open card navigates; back on the first entry stays there, pinned', () => {
    for (const from of [HIDDEN, opening]) {
      expect(run([{ type: 'navigate', id: 'coe' }], from)).toBe(from);
      expect(run([{ type: 'back' }], from)).toBe(from);
    }
    expect(run([{ type: 'navigate', id: 'coe' }], pinned)).toEqual({
      kind: 'pinned',
      target: target(a, ['greta', 'coe']),
    });
    expect(run([{ type: 'back' }], shown)).toEqual(pinned);
  });
});
