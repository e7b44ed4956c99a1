/**
 * The hover card: one shadow-root UI per frame, driven by the state machine of
 * page/card-state.ts. One set of delegated listeners on the document turns pointer, click, key and
 * scroll events into card events; the card renders the entry with EntryView and is placed next to
 * the hovered line of the highlight with Floating UI. Highlights in open shadow roots work too:
 * the listeners read the event's composed path, since its target is retargeted to the host. It is
 * loaded at its first use, into the frame's isolated world (page/card-loader.ts,
 * entrypoints/card-ui.ts), and takes up what happened before it came.
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Card, CardDependencies, CardTrigger } from '../../page/card-loader';
import { drawnMarkAt, REST_TOLERANCE_PX, targetOf } from '../../page/card-loader';
import { type CardEvent, type CardState, cardReducer, currentEntry, HIDDEN } from '../../page/card-state';
import { HIGHLIGHT_TAG, UI_ATTRIBUTE } from '../../page/highlighter';
import { cardLanguage } from '../../page/page-language';
import { reportFailure } from '../../page/parts';
import { lineRectAt } from '../../page/placement';
import { EntryView } from '../EntryView';
import entryCss from '../entry-view.css?inline';
import themeCss from '../theme.css?inline';
import { UI_TEXT } from '../ui-text';
import cardCss from './card.css?inline';
import { cardEntries } from './card-entries';

/** Time to reach the card from the highlight, or to come back, before it closes. */
const GRACE_MS = 300;
const HEADING_ID = 'palermo-lens-card-title';

type Ui = Awaited<ReturnType<typeof createShadowRootUi<void>>>;

export function createCard(deps: CardDependencies, trigger: CardTrigger | null = null): Card {
  let state: CardState = HIDDEN;
  let ui: Ui | undefined;
  let uiLoading: Promise<Ui> | undefined;
  let restTimer: number | undefined;
  let graceTimer: number | undefined;
  let watchTimer: number | undefined;
  let hovered: Element | null = null;
  let pointer: { x: number; y: number } | null = null;
  let restFrom: { x: number; y: number } | null = null;
  /** When the pointer came to rest, if before the card was there (the trigger's time). */
  let restSince: number | undefined;
  /** Whether the card is on screen (rendered since it last closed). */
  let displayed = false;
  let focusBefore: Element | null = null;
  let anchorLine = 0;
  const { ctx } = deps;
  const entries = cardEntries(deps.customEntries);

  const loadUi = (): Promise<Ui> => {
    uiLoading ??= createShadowRootUi<void>(ctx, {
      name: 'palermo-lens-card',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: `${themeCss}\n${entryCss}\n${cardCss}`,
      onMount: () => undefined,
    }).then((created) => {
      ui = created;
      return created;
    });
    return uiLoading;
  };

  /**
   * Puts the host where nothing on the page can hide it: in the top layer (a manual popover),
   * above even a page element in fullscreen. Page CSS cannot restyle the host: WXT's
   * `:host { all: initial !important }` comes from inside the shadow root, which wins.
   */
  const showHost = (created: Ui) => {
    if (!created.shadowHost.isConnected) created.mount();
    const host = created.shadowHost;
    host.setAttribute(UI_ATTRIBUTE, '');
    if (typeof host.showPopover === 'function') {
      host.setAttribute('popover', 'manual');
      // Re-entering the top layer puts the card above a page element that went fullscreen since.
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    }
  };

  const dispatch = (event: CardEvent) => {
    const before = state;
    state = cardReducer(state, event);
    if (state === before) return;
    const settings = deps.settings();

    if (state.kind === 'opening') {
      clearTimeout(restTimer);
      restFrom = pointer;
      const rested = restSince === undefined ? 0 : performance.now() - restSince;
      restSince = undefined;
      restTimer = ctx.setTimeout(
        () => dispatch({ type: 'rest-elapsed' }),
        Math.max(0, (settings?.hoverDelayMs ?? 250) - rested),
      );
      // The entry is asked for while the pointer rests: it is there when the card opens.
      void entries.load(state.mark.getAttribute('data-glossary-id') ?? '').catch(() => undefined);
    } else clearTimeout(restTimer);

    if (state.kind === 'shown' && state.leaving) {
      if (!(before.kind === 'shown' && before.leaving))
        graceTimer = ctx.setTimeout(() => dispatch({ type: 'grace-elapsed' }), GRACE_MS);
    } else clearTimeout(graceTimer);

    const beforeMark = before.kind === 'shown' || before.kind === 'pinned' ? before.target.mark : null;
    const mark = state.kind === 'shown' || state.kind === 'pinned' ? state.target.mark : null;
    if (beforeMark !== mark) beforeMark?.removeAttribute('data-glossary-active');
    mark?.setAttribute('data-glossary-active', '');

    if (mark) {
      watchTimer ??= ctx.setInterval(() => {
        if (!mark.isConnected) dispatch({ type: 'mark-removed' });
      }, 500);
      show().catch((error: unknown) => reportFailure('the card', error));
    } else {
      clearInterval(watchTimer);
      watchTimer = undefined;
      hide(before);
    }
  };

  const show = async () => {
    const id = currentEntry(state) as string;
    const [created, entry] = await Promise.all([ui ?? loadUi(), entries.load(id)]);
    // Another entry since: its own show renders it.
    if ((state.kind !== 'shown' && state.kind !== 'pinned') || currentEntry(state) !== id) return;
    const { target } = state;
    const settings = deps.settings();
    if (!entry || !settings) return;
    const lang = cardLanguage(settings.cardLanguage, target.mark);
    const t = UI_TEXT[lang];
    const pinned = state.kind === 'pinned';
    const wasOpen = displayed;
    if (!wasOpen) showHost(created);
    displayed = true;
    render(
      <div
        class="pl-card"
        role="dialog"
        aria-labelledby={HEADING_ID}
        tabIndex={-1}
        lang={lang}
        data-placing={wasOpen ? undefined : ''}
        onPointerEnter={() => dispatch({ type: 'enter-card' })}
        onPointerLeave={() => dispatch({ type: 'leave-card' })}
      >
        <div class="pl-card__bar">
          {target.history.length > 1 && (
            <button type="button" onClick={() => dispatch({ type: 'back' })}>
              ← {t.back}
            </button>
          )}
          <span class="pl-card__spacer" />
          <button type="button" aria-pressed={pinned} onClick={() => dispatch({ type: 'toggle-pin' })}>
            {pinned ? t.unpin : t.pin}
          </button>
          <button type="button" aria-label={t.close} title={t.close} onClick={() => close()}>
            ×
          </button>
        </div>
        <div class="pl-card__body">
          <EntryView
            entry={entry}
            lang={lang}
            entryById={entries.get}
            onNavigate={(next) => dispatch({ type: 'navigate', id: next })}
            headingId={HEADING_ID}
            compact
          />
        </div>
        <div class="pl-card__actions">
          <button type="button" onClick={() => deps.onOpenGlossary(id)}>
            {t.openGlossary}
          </button>
          <button
            type="button"
            onClick={() => {
              close();
              deps.onHideEntry(id);
            }}
          >
            {t.hideEntry}
          </button>
          <button
            type="button"
            onClick={() => {
              close();
              deps.onSiteOff();
            }}
          >
            {t.siteOff}
          </button>
        </div>
      </div>,
      created.uiContainer,
    );
    const card = created.uiContainer.firstElementChild as HTMLElement;
    // A page that zooms its root with CSS zooms the card too: undo it, so that the card keeps its
    // size and Floating UI's viewport coordinates hold (the browser's own zoom scales all alike).
    const zoom = (created.shadowHost as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    card.style.zoom = zoom === 1 ? '' : String(1 / zoom);
    await place(card, target.mark);
    card.removeAttribute('data-placing');
    if (target.byKeyboard && !wasOpen) {
      focusBefore = document.activeElement;
      card.focus();
    }
  };

  const hide = (before: CardState) => {
    displayed = false;
    if (ui) render(null, ui.uiContainer);
    if (ui?.shadowHost.matches(':popover-open')) ui.shadowHost.hidePopover();
    const wasKeyboard = (before.kind === 'shown' || before.kind === 'pinned') && before.target.byKeyboard;
    if (wasKeyboard && focusBefore instanceof HTMLElement) focusBefore.focus();
    focusBefore = null;
  };

  /** Next to the hovered line of the highlight, flipped and shifted to stay in the viewport. */
  const place = async (card: HTMLElement, mark: Element) => {
    // The line chosen when the card opened stays its anchor when the page scrolls.
    const rects = [...mark.getClientRects()];
    if (pointer) anchorLine = rects.indexOf(lineRectAt(rects, pointer) as DOMRect);
    const rect = rects[anchorLine] ?? lineRectAt(rects, null) ?? mark.getBoundingClientRect();
    const line = { getBoundingClientRect: () => rect };
    const { x, y } = await computePosition({ ...line, contextElement: mark }, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            card.style.maxHeight = `${Math.max(160, Math.min(520, availableHeight))}px`;
          },
        }),
      ],
    });
    Object.assign(card.style, { left: `${Math.round(x)}px`, top: `${Math.round(y)}px` });
  };

  const close = () => dispatch({ type: 'close' });
  const isOpen = () => state.kind === 'shown' || state.kind === 'pinned';
  const inCard = (event: Event) => !!ui && event.composedPath().includes(ui.shadowHost);
  const markOf = (node: EventTarget | null) => drawnMarkAt(node, deps.settings());

  const hover = (mark: Element | null) => {
    if (mark === hovered) return;
    if (hovered) dispatch({ type: 'leave-mark' });
    hovered = mark;
    if (mark) {
      void loadUi();
      dispatch({ type: 'enter-mark', mark });
    }
  };
  ctx.addEventListener(document, 'pointerover', (event) => {
    if (inCard(event) || event.pointerType === 'touch') return;
    pointer = { x: event.clientX, y: event.clientY };
    hover(markOf(targetOf(event)));
  });
  ctx.addEventListener(document, 'pointerout', (event) => {
    if (!hovered || inCard(event)) return;
    const to = event.relatedTarget instanceof Element ? event.relatedTarget.closest(HIGHLIGHT_TAG) : null;
    if (to === hovered) return;
    hovered = null;
    dispatch({ type: 'leave-mark' });
  });
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      pointer = { x: event.clientX, y: event.clientY };
      // Between two nodes of one shadow root, the document gets no pointerover or pointerout (both
      // ends are retargeted to the host): the moves say where the pointer is.
      const target = targetOf(event);
      if (target !== event.target && event.pointerType !== 'touch' && !inCard(event)) hover(markOf(target));
      // Moving on a highlight is not resting on it: the wait starts again.
      if (state.kind === 'opening' && restFrom) {
        const moved = Math.hypot(pointer.x - restFrom.x, pointer.y - restFrom.y);
        if (moved > REST_TOLERANCE_PX) dispatch({ type: 'enter-mark', mark: state.mark });
      }
    },
    { passive: true },
  );
  ctx.addEventListener(document, 'click', (event) => {
    const mark = markOf(targetOf(event));
    // A highlight inside a link stays a link: the click follows it.
    if (!mark || mark.closest('a[href]')) return;
    dispatch({ type: 'click-mark', mark });
  });
  ctx.addEventListener(
    document,
    'pointerdown',
    (event) => {
      if (isOpen() && !inCard(event) && !markOf(targetOf(event))) close();
    },
    { capture: true },
  );
  ctx.addEventListener(
    document,
    'keydown',
    (event) => {
      if (event.key === 'Escape' && isOpen()) {
        event.stopPropagation();
        close();
      }
    },
    { capture: true },
  );
  const onScroll = () => {
    if (!isOpen() || !ui) return;
    const mark = state.kind === 'shown' || state.kind === 'pinned' ? state.target.mark : null;
    if (!mark) return;
    const rect = mark.getBoundingClientRect();
    // Scrolled away: the card closes; otherwise it follows its highlight.
    if (rect.bottom < 0 || rect.top > innerHeight || rect.right < 0 || rect.left > innerWidth) close();
    else {
      pointer = null;
      const card = ui.uiContainer.firstElementChild as HTMLElement | null;
      if (card) void place(card, mark);
    }
  };
  ctx.addEventListener(window, 'scroll', onScroll, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', onScroll, { passive: true });
  ctx.addEventListener(document, 'fullscreenchange', () => {
    if (isOpen() && ui) showHost(ui);
  });
  // Unmounts the view before WXT removes the card's host (its own onInvalidated, added later).
  ctx.onInvalidated(() => {
    if (ui) render(null, ui.uiContainer);
  });

  const card: Card = {
    openByKeyboard: (mark) => {
      pointer = null;
      anchorLine = 0;
      void loadUi().then(() => dispatch({ type: 'open-by-keyboard', mark }));
    },
    close,
    get state() {
      return state;
    },
  };

  // What happened before the card was loaded, taken up as if it had seen it.
  if (trigger?.type === 'hover') {
    hovered = trigger.mark;
    pointer = trigger.pointer;
    restSince = trigger.since;
    void loadUi();
    dispatch({ type: 'enter-mark', mark: trigger.mark });
  } else if (trigger?.type === 'click') {
    hovered = trigger.mark;
    dispatch({ type: 'click-mark', mark: trigger.mark });
  } else if (trigger?.type === 'keyboard') card.openByKeyboard(trigger.mark);
  return card;
}
