/**
 * The content script's answers to messages, as two parts: the popup's requests (the page's
 * mentions, the next mention of an entry) and the keyboard path (the next or previous highlight
 * with its card, from the commands the background relays). An answer that throws is reported as
 * its part's failure.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type ContentRequest, type MentionsReply, parseContentRequest } from '../lib/messages';
import type { CardState } from './card-state';
import { guarded } from './parts';

const FLASH_MS = 1200;

/** An answer to the requests it takes (a promise of the reply); undefined for the others. */
export type ContentAnswer = (request: ContentRequest) => Promise<unknown> | undefined;

/**
 * One listener's worth of answers for the content script (page/first-look.ts owns the listener):
 * the message validated, then each answer asked in turn. An answer that throws is reported as its
 * part's failure.
 */
export function answering(parts: readonly (readonly [part: string, answer: ContentAnswer])[]) {
  const answers = parts.map(([part, answer]) => guarded(part, answer));
  return (message: unknown): Promise<unknown> | undefined => {
    const request = parseContentRequest(message);
    if (!request) return undefined;
    for (const answer of answers) {
      const reply = answer(request);
      if (reply) return reply;
    }
    return undefined;
  };
}

/**
 * The index `step` places from `at` in a list of `length`, going round. From nowhere (`at` is
 * -1), a step forward is the first, a step back the last.
 */
export const stepRound = (at: number, step: number, length: number): number =>
  at < 0 ? (step > 0 ? step - 1 : length + step) % length : (at + step + length) % length;

/** The highlight whose card is open (shown or pinned), if any. */
export function cardMark(card: KeyboardCard | undefined): Element | null {
  const state = card?.state;
  return state?.kind === 'shown' || state?.kind === 'pinned' ? state.target.mark : null;
}

/** Scrolls a highlight into view and flashes it. */
export function flash(ctx: ContentScriptContext, mark: Element): void {
  mark.scrollIntoView({ block: 'center', behavior: 'instant' });
  mark.setAttribute('data-glossary-flash', '');
  ctx.setTimeout(() => mark.removeAttribute('data-glossary-flash'), FLASH_MS);
}

/** What the popup's answers read from the highlighting part. */
export interface MentionSource {
  enabled(): boolean;
  counts(): Map<string, number>;
  marksOf(id: string): Element[];
}

export function answerPopup(ctx: ContentScriptContext, highlighting: MentionSource): ContentAnswer {
  /** The mention of each entry that the popup last went to. */
  const cursor = new Map<string, number>();
  return (request) => {
    if (request.type === 'get-mentions') {
      const reply: MentionsReply = {
        enabled: highlighting.enabled(),
        hostname: location.hostname,
        mentions: [...highlighting.counts()],
      };
      return Promise.resolve(reply);
    }
    if (request.type !== 'show-mention') return undefined;
    const marks = highlighting.marksOf(request.id);
    if (marks.length === 0) return Promise.resolve(false);
    const index = stepRound(cursor.get(request.id) ?? -1, 1, marks.length);
    cursor.set(request.id, index);
    flash(ctx, marks[index] as Element);
    return Promise.resolve(true);
  };
}

/** What the keyboard path needs of the card (components/card/Card.tsx). */
export interface KeyboardCard {
  openByKeyboard(mark: Element): void;
  readonly state: CardState;
}

/**
 * Goes to the next or previous drawn highlight and opens its card with the focus in it. Without a
 * card (it failed), the highlight is still scrolled to and flashed.
 */
export function answerKeyboard(
  ctx: ContentScriptContext,
  drawnMarks: () => Element[],
  card: KeyboardCard | undefined,
): ContentAnswer {
  return (request) => {
    if (request.type !== 'step-mention') return undefined;
    const marks = drawnMarks();
    if (marks.length === 0) return Promise.resolve(false);
    const current = cardMark(card);
    const at = current ? marks.indexOf(current) : -1;
    const next = marks[stepRound(at, request.direction, marks.length)] as Element;
    flash(ctx, next);
    card?.openByKeyboard(next);
    return Promise.resolve(true);
  };
}
