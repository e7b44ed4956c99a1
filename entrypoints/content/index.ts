/**
 * The content script: wires the settings, the highlighter, its style sheet, the card and the
 * messages from the popup and the background together under WXT's `ctx`, which tears everything
 * down when the extension is updated or removed.
 */
import preparedMatcher from 'virtual:prepared-matcher';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createCard } from '../../components/card/Card';
import glossaryText from '../../glossary/entries.json?raw';
import { lazyMatcher, mergePrepared, prepareMatcher } from '../../glossary/matcher';
import type { Entry, Glossary } from '../../glossary/schema';
import { type MentionsReply, parseContentRequest } from '../../lib/messages';
import { isSiteEnabled, type Settings, withSiteEnabled } from '../../lib/settings';
import { loadCustomEntries, loadSettings, saveSettings, watchCustomEntries, watchSettings } from '../../lib/storage';
import { applyRootAttributes, highlightCss, isDrawn } from '../../page/highlight-style';
import { HIGHLIGHT_TAG, Highlighter, UI_ATTRIBUTE } from '../../page/highlighter';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames without a URL of their own (srcdoc, about:blank written by script) are the page's too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    const started = performance.now();
    if (!document.body) return;
    // Aborted when the extension is updated, reloaded or removed: everything below stops with it.
    const { signal } = ctx;

    // The style sheet goes in with the first highlight: a page without any is left untouched.
    const style = document.createElement('style');
    style.setAttribute(UI_ATTRIBUTE, '');
    let settings: Settings | undefined;
    let ids: string[] | undefined;
    const restyle = () => {
      if (!settings) return;
      ids ??= [
        ...new Set([
          ...preparedMatcher.groups.flatMap(([, g]) => g.terms.map(([, t]) => t.id)),
          ...custom.map((e) => e.id),
        ]),
      ];
      const css = highlightCss(settings, ids);
      if (style.textContent !== css) style.textContent = css;
      applyRootAttributes(document.documentElement, settings);
    };
    const highlighter = new Highlighter({
      matcher: lazyMatcher(preparedMatcher),
      signal,
      onChange: () => {
        if (style.isConnected) return;
        restyle();
        document.documentElement.append(style);
      },
    });
    let active = false;
    /** Takes every highlight and our style off the page. */
    const clearPage = () => {
      highlighter.removeAll();
      style.remove();
      applyRootAttributes(document.documentElement, null);
    };

    // The glossary is parsed when a card or the user's own entries first need it, not on every page load.
    let glossary: Glossary | undefined;
    const builtIn = () => (glossary ??= JSON.parse(glossaryText) as Glossary);
    let entries: Map<string, Entry> | undefined;
    let custom: Entry[] = [];
    const entryById = (id: string) => {
      entries ??= new Map([...builtIn(), ...custom].map((e) => [e.id, e]));
      return entries.get(id);
    };
    /** The user's own entries join the built-in ones (storage checked them when reading). */
    const applyCustomEntries = (next: Entry[]) => {
      custom = next;
      entries = undefined;
      ids = undefined;
      return lazyMatcher(custom.length ? mergePrepared(preparedMatcher, prepareMatcher(custom)) : preparedMatcher);
    };
    const update = (change: (s: Settings) => Settings) => {
      if (settings) void saveSettings(change(settings)).catch((error) => console.warn('Palermo Lens:', error));
    };
    const card = createCard({
      ctx,
      settings: () => settings,
      entryById,
      onHideEntry: (id) => update((s) => ({ ...s, hiddenEntries: [...new Set([...s.hiddenEntries, id])] })),
      onSiteOff: () => update((s) => withSiteEnabled(s, location.hostname, false)),
      onOpenGlossary: (id) => void browser.runtime.sendMessage({ type: 'open-glossary', id }),
    });

    const apply = (next: Settings) => {
      const t0 = performance.now();
      settings = next;
      const enabled = isSiteEnabled(next, location.hostname);
      if (style.isConnected && enabled) restyle();
      if (enabled && !active) {
        void highlighter.start();
      } else if (!enabled && active) {
        card.close();
        clearPage();
        performance.measure('palermo-lens:remove', { start: t0, end: performance.now() });
      } else if (enabled) {
        // Force the restyle now, so that its cost is what the measure shows.
        const mark = document.querySelector(HIGHLIGHT_TAG);
        if (mark) getComputedStyle(mark).textDecorationLine;
        performance.measure('palermo-lens:restyle', { start: t0, end: performance.now() });
      }
      active = enabled;
    };

    /** The drawn highlights in document order (nested ones are part of their outer one here). */
    const drawnMarks = () =>
      [...document.querySelectorAll(`${HIGHLIGHT_TAG}:not([data-glossary-inner])`)].filter(
        (m) => settings && isDrawn(m, settings),
      );
    const cursor = new Map<string, number>();
    const flash = (mark: Element) => {
      mark.scrollIntoView({ block: 'center', behavior: 'instant' });
      mark.setAttribute('data-glossary-flash', '');
      setTimeout(() => mark.removeAttribute('data-glossary-flash'), 1200);
    };
    browser.runtime.onMessage.addListener((message: unknown) => {
      const request = parseContentRequest(message);
      if (!request || signal.aborted) return undefined;
      if (request.type === 'get-mentions') {
        const reply: MentionsReply = {
          enabled: active,
          hostname: location.hostname,
          mentions: [...highlighter.counts()],
        };
        return Promise.resolve(reply);
      }
      if (request.type === 'show-mention') {
        const marks = [...document.querySelectorAll(`${HIGHLIGHT_TAG}[data-glossary-id="${CSS.escape(request.id)}"]`)];
        if (marks.length === 0) return Promise.resolve(false);
        const index = ((cursor.get(request.id) ?? -1) + 1) % marks.length;
        cursor.set(request.id, index);
        flash(marks[index] as Element);
        return Promise.resolve(true);
      }
      // step-mention: the keyboard path to the next or previous highlight and its card.
      const marks = drawnMarks();
      if (marks.length === 0) return Promise.resolve(false);
      const current = card.state.kind === 'shown' || card.state.kind === 'pinned' ? card.state.target.mark : null;
      const at = current ? marks.indexOf(current) : -1;
      const next = marks[(at + request.direction + marks.length) % marks.length] as Element;
      flash(next);
      card.openByKeyboard(next);
      return Promise.resolve(true);
    });

    const compiled = performance.now();
    const [initial, initialCustom] = await Promise.all([loadSettings(), loadCustomEntries(builtIn)]);
    if (initialCustom.entries.length) highlighter.replaceMatcher(applyCustomEntries(initialCustom.entries));
    const loaded = performance.now();
    apply(initial);
    // Main-thread cost of starting, without the wait for storage (the first pass has its own measure).
    const busyMs = compiled - started + (performance.now() - loaded);
    performance.measure('palermo-lens:startup', { start: started, end: performance.now(), detail: { busyMs } });
    watchSettings(apply, signal);
    watchCustomEntries(
      builtIn,
      (next) => {
        void highlighter.replaceMatcher(applyCustomEntries(next.entries));
        if (style.isConnected) restyle();
      },
      signal,
    );
    ctx.onInvalidated(clearPage);
  },
});
