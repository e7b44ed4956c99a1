/**
 * The reader's answers to the popup and the keyboard path: the same validated requests the content
 * script answers on web pages (lib/messages.ts), which reach an extension page in a tab as they
 * reach a content script. The document's mentions are all known, drawn or not: going to one draws
 * its page first.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MentionsReply } from '../lib/messages';
import { isDrawn } from './highlight-style';
import { answering, cardMark, flash, type KeyboardCard, stepRound } from './mention-messages';
import type { MentionPlace } from './pdf-mentions';
import { PLACE_ATTRIBUTE, type Reader } from './reader';

export function answerInReader(ctx: ContentScriptContext, reader: Reader, card: KeyboardCard | undefined): void {
  /** The mention of each entry that the popup last went to. */
  const cursor = new Map<string, number>();

  /** The places of the mentions drawn under the settings (a hidden category's are skipped). */
  const drawnPlaces = (): MentionPlace[] => {
    const settings = reader.currentSettings();
    if (!settings || !reader.enabled()) return [];
    const firsts = reader.firsts();
    const probe = document.createElement('palermo-mark');
    return reader.places().filter((place) => {
      const mention = reader.mentionAt(place);
      if (!mention) return false;
      probe.setAttribute('data-glossary-id', mention.id);
      probe.setAttribute('data-glossary-category', mention.category);
      const first = firsts.get(mention.id);
      probe.toggleAttribute('data-glossary-first', first?.page === place.page && first.index === place.index);
      return isDrawn(probe, settings);
    });
  };

  const go = async (place: MentionPlace | undefined) => {
    const mark = place && (await reader.markOf(place));
    if (mark) flash(ctx, mark);
    return mark;
  };

  const listener = answering([
    [
      'the reader’s messages',
      (request) => {
        if (request.type === 'get-mentions') {
          const reply: MentionsReply = {
            enabled: reader.enabled(),
            hostname: reader.host(),
            mentions: [...reader.counts()],
          };
          return Promise.resolve(reply);
        }
        if (request.type === 'show-mention') {
          const places = reader.places().filter((place) => reader.mentionAt(place)?.id === request.id);
          if (places.length === 0) return Promise.resolve(false);
          const index = stepRound(cursor.get(request.id) ?? -1, 1, places.length);
          cursor.set(request.id, index);
          return go(places[index]).then(Boolean);
        }
        if (request.type === 'step-mention') {
          const places = drawnPlaces();
          if (places.length === 0) return Promise.resolve(false);
          return (async () => {
            const current = cardMark(card);
            const at = current
              ? places.findIndex((p) => `${p.page}:${p.index}` === current.getAttribute(PLACE_ATTRIBUTE))
              : -1;
            const mark = await go(places[stepRound(at, request.direction, places.length)]);
            if (mark) card?.openByKeyboard(mark);
            return Boolean(mark);
          })();
        }
        return undefined;
      },
    ],
  ]);
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
