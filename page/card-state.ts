/**
 * The hover card's behaviour as an explicit state machine: a pure reducer, so that every rule
 * (rest before opening, grace before closing, pin, Escape…) is one line here and unit-tested,
 * and the DOM code only turns events into `CardEvent`s and states into timers and rendering.
 */

/** Where the card points: a highlight element, and the entry it shows (which may differ after navigation). */
export interface CardTarget {
  mark: Element;
  /** Entry ids shown, the last one current: related-entry navigation pushes, Back pops. */
  history: string[];
  /** Opened from the keyboard: focus goes into the card and comes back on close. */
  byKeyboard: boolean;
}

export type CardState =
  | { kind: 'hidden' }
  /** The pointer rests on a highlight; the card opens when the rest timer fires. */
  | { kind: 'opening'; mark: Element }
  /** Open; `leaving` when the pointer left both the highlight and the card (grace timer running). */
  | { kind: 'shown'; target: CardTarget; leaving: boolean }
  /** Open until closed explicitly (click on the highlight, pin button, keyboard). */
  | { kind: 'pinned'; target: CardTarget };

export type CardEvent =
  | { type: 'enter-mark'; mark: Element }
  | { type: 'leave-mark' }
  | { type: 'enter-card' }
  | { type: 'leave-card' }
  | { type: 'rest-elapsed' }
  | { type: 'grace-elapsed' }
  | { type: 'click-mark'; mark: Element }
  | { type: 'open-by-keyboard'; mark: Element }
  | { type: 'toggle-pin' }
  | { type: 'navigate'; id: string }
  | { type: 'back' }
  | { type: 'close' } // Escape, close button, click outside, scroll away, the highlight vanished
  | { type: 'mark-removed' };

export const HIDDEN: CardState = { kind: 'hidden' };

const entryOf = (mark: Element) => mark.getAttribute('data-glossary-id') ?? '';
const open = (mark: Element, byKeyboard: boolean): CardTarget => ({ mark, history: [entryOf(mark)], byKeyboard });

export function cardReducer(state: CardState, event: CardEvent): CardState {
  switch (event.type) {
    case 'enter-mark':
      if (state.kind === 'pinned') return state;
      if (state.kind === 'shown' && state.target.mark === event.mark) return { ...state, leaving: false };
      // A new highlight: wait for the pointer to rest there (a sweep across text opens nothing).
      return { kind: 'opening', mark: event.mark };
    case 'leave-mark':
      if (state.kind === 'opening') return HIDDEN;
      if (state.kind === 'shown') return { ...state, leaving: true };
      return state;
    case 'enter-card':
      return state.kind === 'shown' ? { ...state, leaving: false } : state;
    case 'leave-card':
      return state.kind === 'shown' ? { ...state, leaving: true } : state;
    case 'rest-elapsed':
      return state.kind === 'opening' ? { kind: 'shown', target: open(state.mark, false), leaving: false } : state;
    case 'grace-elapsed':
      return state.kind === 'shown' && state.leaving ? HIDDEN : state;
    case 'click-mark':
      if (state.kind === 'pinned' && state.target.mark === event.mark) return state;
      if (state.kind === 'shown' && state.target.mark === event.mark) return { kind: 'pinned', target: state.target };
      return { kind: 'pinned', target: open(event.mark, false) };
    case 'open-by-keyboard':
      return { kind: 'pinned', target: open(event.mark, true) };
    case 'toggle-pin':
      if (state.kind === 'shown') return { kind: 'pinned', target: state.target };
      if (state.kind === 'pinned') return { kind: 'shown', target: state.target, leaving: false };
      return state;
    case 'navigate':
    case 'back': {
      if (state.kind !== 'shown' && state.kind !== 'pinned') return state;
      const history =
        event.type === 'navigate'
          ? [...state.target.history, event.id]
          : state.target.history.length > 1
            ? state.target.history.slice(0, -1)
            : state.target.history;
      // Reading further is a deliberate act: the card stays until closed.
      return { kind: 'pinned', target: { ...state.target, history } };
    }
    case 'close':
    case 'mark-removed':
      return HIDDEN;
  }
}

/** The entry the card shows, if it is open. */
export function currentEntry(state: CardState): string | undefined {
  return state.kind === 'shown' || state.kind === 'pinned' ? state.target.history.at(-1) : undefined;
}
