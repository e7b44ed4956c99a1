/**
 * The highlighter's side of the content script, put into a frame by the background when the first
 * look (first-look.ts) finds a candidate there or the popup or a shortcut first asks the frame
 * something. It runs as separate parts (parts.ts): highlighting, the card (itself loaded at its
 * first use, card-loader.ts), the popup's answers and the keyboard path.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PreparedMatcher } from '../glossary/prepare-matcher';
import type { BackgroundRequest } from '../lib/messages';
import type { Settings } from '../lib/settings';
import { withSiteEnabled } from '../lib/sites';
import { lazyCard } from './card-loader';
import type { Engine } from './first-look';
import { createHighlighting } from './highlighting';
import { answering, answerKeyboard, answerPopup, type ContentAnswer } from './mention-messages';
import { startPart } from './parts';

/** Starts the parts in this frame. */
export function startEngine(ctx: ContentScriptContext, prepared: PreparedMatcher): Engine {
  const highlighting = startPart('highlighting', () =>
    createHighlighting({ signal: ctx.signal, prepared, onCleared: () => card?.close() }),
  );
  const update = (change: (s: Settings) => Settings) => highlighting?.update(change);
  const card = startPart('the card', () =>
    lazyCard({
      ctx,
      settings: () => highlighting?.settings(),
      customEntries: () => highlighting?.custom() ?? [],
      onHideEntry: (id) => update((s) => ({ ...s, hiddenEntries: [...new Set([...s.hiddenEntries, id])] })),
      onSiteOff: () => update((s) => withSiteEnabled(s, location.hostname, false)),
      onOpenGlossary: (id) => {
        const request: BackgroundRequest = { type: 'open-glossary', id };
        void browser.runtime.sendMessage(request);
      },
    }),
  );
  const answers: [string, ContentAnswer][] = [];
  let started = Promise.resolve();
  if (highlighting) {
    const popup = startPart('the popup’s messages', () => answerPopup(ctx, highlighting));
    const keyboard = startPart('the keyboard path', () => answerKeyboard(ctx, highlighting.drawnMarks, card));
    if (popup) answers.push(['the popup’s messages', popup]);
    if (keyboard) answers.push(['the keyboard path', keyboard]);
    started = startPart('highlighting', () => highlighting.start()).then(() => undefined);
  }
  const answer = answering(answers);
  // The first message often is what loaded the engine: it is answered with the settings read.
  return { answer: (message) => started.then(() => answer(message)) };
}
