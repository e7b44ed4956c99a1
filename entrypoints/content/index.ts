/**
 * The content script: starts its parts under WXT's `ctx`, which stops them when the extension is
 * updated or removed. Each part fails on its own (page/parts.ts): highlighting, the card, the
 * popup's messages and the keyboard path. It is the small core that runs in every frame: the
 * card's code and the entries' texts are loaded at the card's first use (page/card-loader.ts).
 */
import preparedMatcher from 'virtual:prepared-matcher';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { BackgroundRequest } from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import { withSiteEnabled } from '../../lib/sites';
import { lazyCard } from '../../page/card-loader';
import { createHighlighting } from '../../page/highlighting';
import { answerKeyboard, answerPopup } from '../../page/mention-messages';
import { startPart } from '../../page/parts';

export default defineContentScript({
  // Not in the manifest: the background registers it for every page, or puts it into a tab when
  // the user asks ("only when I ask"), lib/content-scripts.ts. WXT adds `matches` to the
  // manifest's host permissions.
  registration: 'runtime',
  matches: ['<all_urls>'],
  async main(ctx) {
    const started = performance.now();
    if (!document.body) return;
    const highlighting = startPart('highlighting', () =>
      createHighlighting({
        signal: ctx.signal,
        prepared: preparedMatcher,
        started,
        onCleared: () => card?.close(),
      }),
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
    if (!highlighting) return;
    startPart('the popup’s messages', () => answerPopup(ctx, highlighting));
    startPart('the keyboard path', () => answerKeyboard(ctx, highlighting.drawnMarks, card));
    await startPart('highlighting', () => highlighting.start());
  },
});
