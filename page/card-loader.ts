/**
 * The card, loaded at its first use. The content script that runs in every frame carries none of
 * it (Preact, Floating UI, the entry view and its styles, the entries' texts): the first pointer on
 * a highlight, click on one or step of the keyboard path asks the background to put the card's
 * script (card-ui.js, entrypoints/card-ui.ts) into this frame's isolated world. That script hands
 * its factory over through a global of the isolated world, which the page's own scripts cannot
 * see, and the card is made with what started the loading, which it takes up as if it had seen
 * it: a pointer resting there opens it after the hover delay counted from when the pointer came.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Entry } from '../glossary/schema';
import type { Settings } from '../lib/settings';
import { type CardState, HIDDEN } from './card-state';
import { frameScriptExport } from './frame-script';
import { isDrawn } from './highlight-style';
import { HIGHLIGHT_TAG } from './highlighter';
import { reportFailure } from './parts';

/** The isolated world's global through which card-ui.js hands over its factory. */
export const CARD_FACTORY_GLOBAL = 'palermoLensCard';
/** Pointer movement that counts as still resting on a highlight. */
export const REST_TOLERANCE_PX = 4;

export interface CardDependencies {
  /** Owns every listener and timer of the card: WXT removes them when the script is invalidated. */
  ctx: ContentScriptContext;
  settings: () => Settings | undefined;
  /** The user's own entries, as the content script matches them (the card asks the background for built-in ones). */
  customEntries: () => readonly Entry[];
  onHideEntry: (id: string) => void;
  onSiteOff: () => void;
  onOpenGlossary: (id: string) => void;
}

export interface Card {
  /** Opens the card on a highlight as if from the keyboard (focus goes in, and comes back). */
  openByKeyboard: (mark: Element) => void;
  close: () => void;
  readonly state: CardState;
}

/** What happened before the card was there, for it to take up. */
export type CardTrigger =
  /** The pointer came on a highlight at `since` (performance.now()) and is still there. */
  | { type: 'hover'; mark: Element; pointer: { x: number; y: number }; since: number }
  | { type: 'click'; mark: Element }
  | { type: 'keyboard'; mark: Element };

export type CardFactory = (deps: CardDependencies, trigger: CardTrigger | null) => Card;

/** The drawn highlight an event happened on, if any: the card opens only on those. */
/** Where an event happened, inside open shadow roots too (outside them, `target` is their host). */
export const targetOf = (event: Event): EventTarget | null => event.composedPath()[0] ?? event.target;

export function drawnMarkAt(target: EventTarget | null, settings: Settings | undefined): Element | null {
  if (!(target instanceof Element)) return null;
  const mark = target.closest(HIGHLIGHT_TAG);
  return mark && settings && isDrawn(mark, settings) ? mark : null;
}

/** Has the background put card-ui.js into this frame (once), and gives the factory it left. */
export const loadCardFactory = (): Promise<CardFactory> =>
  frameScriptExport<CardFactory>(CARD_FACTORY_GLOBAL, { type: 'load-card' }, 'the card’s script');

/**
 * The card as the content script holds it: until it is loaded, two listeners (pointer over and
 * click, on highlights only) and the keyboard path start the loading. A failed load is reported
 * once and the card stays off in this frame; the highlights and the keyboard path's scrolling
 * go on without it.
 */
export function lazyCard(deps: CardDependencies, load: () => Promise<CardFactory> = loadCardFactory): Card {
  const { ctx } = deps;
  let card: Card | undefined;
  let loading = false;
  /** What the card is to take up when it comes; null once the pointer has left again. */
  let trigger: CardTrigger | null = null;
  const waiting = new AbortController();
  ctx.onInvalidated(() => waiting.abort());

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    document.addEventListener(type, handler, { signal: waiting.signal, passive: true });

  const start = (next: CardTrigger) => {
    trigger = next;
    if (loading || waiting.signal.aborted) return;
    loading = true;
    // Moving on the highlight while the card loads is not resting on it: the wait starts again.
    listen('pointermove', (event) => {
      if (trigger?.type !== 'hover') return;
      const { x, y } = trigger.pointer;
      if (Math.hypot(event.clientX - x, event.clientY - y) <= REST_TOLERANCE_PX) return;
      trigger = { ...trigger, pointer: { x: event.clientX, y: event.clientY }, since: performance.now() };
    });
    load()
      .then((factory) => {
        if (ctx.isValid) card = factory(deps, trigger);
      })
      .catch((error: unknown) => reportFailure('the card', error))
      // From here on the card listens for itself (or, failed, stays off in this frame).
      .finally(() => waiting.abort());
  };

  const onPointer = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    const mark = drawnMarkAt(targetOf(event), deps.settings());
    if (!mark || (trigger?.type === 'hover' && trigger.mark === mark)) return;
    start({ type: 'hover', mark, pointer: { x: event.clientX, y: event.clientY }, since: performance.now() });
  };
  listen('pointerover', onPointer);
  // Inside an open shadow root, moving from one node to another sends no pointerover to the
  // document (both ends are retargeted to the host): its pointer moves stand in.
  listen('pointermove', (event) => {
    if (event.target !== targetOf(event)) onPointer(event);
  });
  listen('pointerout', (event) => {
    if (trigger?.type !== 'hover') return;
    const to = event.relatedTarget instanceof Element ? event.relatedTarget.closest(HIGHLIGHT_TAG) : null;
    if (to !== trigger.mark) trigger = null;
  });
  listen('click', (event) => {
    const mark = drawnMarkAt(targetOf(event), deps.settings());
    // A highlight inside a link stays a link: the click follows it.
    if (mark && !mark.closest('a[href]')) start({ type: 'click', mark });
  });

  return {
    openByKeyboard: (mark) => (card ? card.openByKeyboard(mark) : start({ type: 'keyboard', mark })),
    close: () => {
      if (card) card.close();
      else trigger = null;
    },
    get state() {
      return card?.state ?? HIDDEN;
    },
  };
}
