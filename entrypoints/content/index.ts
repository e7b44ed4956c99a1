/**
 * The content script: starts its parts under WXT's `ctx`, which stops them when the extension is
 * updated or removed. Each part fails on its own (page/parts.ts): highlighting, the card, the
 * popup's messages and the keyboard path.
 */
import preparedMatcher from 'virtual:prepared-matcher';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createCard } from '../../components/card/Card';
import glossaryText from '../../glossary/entries.json?raw';
import { mergeEntries } from '../../glossary/merge';
import type { Entry, Glossary } from '../../glossary/schema';
import type { Settings } from '../../lib/settings';
import { withSiteEnabled } from '../../lib/sites';
import { createHighlighting } from '../../page/highlighting';
import { answerKeyboard, answerPopup } from '../../page/mention-messages';
import { startPart } from '../../page/parts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames without a URL of their own (srcdoc, about:blank written by script) are the page's too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    const started = performance.now();
    if (!document.body) return;
    // The glossary is parsed when a card or the user's own entries first need it, not on every page load.
    let glossary: Glossary | undefined;
    const builtIn = () => (glossary ??= JSON.parse(glossaryText) as Glossary);

    const highlighting = startPart('highlighting', () =>
      createHighlighting({
        signal: ctx.signal,
        prepared: preparedMatcher,
        builtIn,
        started,
        onCleared: () => card?.close(),
      }),
    );
    // The entries by id, built-in and the user's own (glossary/merge.ts: built-in entries win), made
    // again when the user's entries change.
    let merged: { custom: readonly Entry[]; byId: Map<string, Entry> } | undefined;
    const entryById = (id: string) => {
      const custom = highlighting?.custom() ?? [];
      if (merged?.custom !== custom)
        merged = { custom, byId: new Map(mergeEntries(builtIn(), custom).map((e) => [e.id, e])) };
      return merged.byId.get(id);
    };
    const update = (change: (s: Settings) => Settings) => highlighting?.update(change);
    const card = startPart('the card', () =>
      createCard({
        ctx,
        settings: () => highlighting?.settings(),
        entryById,
        onHideEntry: (id) => update((s) => ({ ...s, hiddenEntries: [...new Set([...s.hiddenEntries, id])] })),
        onSiteOff: () => update((s) => withSiteEnabled(s, location.hostname, false)),
        onOpenGlossary: (id) => void browser.runtime.sendMessage({ type: 'open-glossary', id }),
      }),
    );
    if (!highlighting) return;
    startPart('the popup’s messages', () => answerPopup(ctx, highlighting));
    startPart('the keyboard path', () => answerKeyboard(ctx, highlighting.drawnMarks, card));
    await startPart('highlighting', () => highlighting.start());
  },
});
