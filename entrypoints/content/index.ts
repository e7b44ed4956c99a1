/**
 * The content script: wires the settings, the highlighter and its style sheet together under
 * WXT's `ctx`, which tears everything down when the extension is updated or removed.
 */
import preparedMatcher from 'virtual:prepared-matcher';
import { lazyMatcher } from '../../glossary/matcher';
import { isSiteEnabled, type Settings } from '../../lib/settings';
import { loadSettings, watchSettings } from '../../lib/settings-storage';
import { applyRootAttributes, highlightCss } from './highlight-style';
import { Highlighter, UI_ATTRIBUTE } from './highlighter';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const started = performance.now();
    if (!document.body) return;
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());

    // The style sheet goes in with the first highlight: a page without any is left untouched.
    const style = document.createElement('style');
    style.setAttribute(UI_ATTRIBUTE, '');
    let settings: Settings | undefined;
    let ids: string[] | undefined;
    const restyle = () => {
      if (!settings) return;
      ids ??= [...new Set(preparedMatcher.groups.flatMap(([, group]) => group.terms.map(([, term]) => term.id)))];
      const css = highlightCss(settings, ids);
      if (style.textContent !== css) style.textContent = css;
      applyRootAttributes(document.documentElement, settings);
    };
    const highlighter = new Highlighter({
      matcher: lazyMatcher(preparedMatcher),
      signal: controller.signal,
      onChange: () => {
        if (style.isConnected) return;
        restyle();
        document.documentElement.append(style);
      },
    });
    let active = false;

    const apply = (next: Settings) => {
      const t0 = performance.now();
      settings = next;
      const enabled = isSiteEnabled(next, location.hostname);
      if (style.isConnected && enabled) restyle();
      if (enabled && !active) {
        void highlighter.start();
      } else if (!enabled && active) {
        highlighter.removeAll();
        style.remove();
        applyRootAttributes(document.documentElement, null);
        performance.measure('palermo-lens:remove', { start: t0, end: performance.now() });
      } else if (enabled) {
        // Force the restyle now, so that its cost is what the measure shows.
        const mark = document.querySelector('palermo-mark');
        if (mark) getComputedStyle(mark).textDecorationLine;
        performance.measure('palermo-lens:restyle', { start: t0, end: performance.now() });
      }
      active = enabled;
    };

    const compiled = performance.now();
    const initial = await loadSettings();
    const loaded = performance.now();
    apply(initial);
    // Main-thread cost of starting, without the wait for storage (the first pass has its own measure).
    const busyMs = compiled - started + (performance.now() - loaded);
    performance.measure('palermo-lens:startup', { start: started, end: performance.now(), detail: { busyMs } });
    watchSettings(apply, controller.signal);
    ctx.onInvalidated(() => {
      highlighter.removeAll();
      style.remove();
      applyRootAttributes(document.documentElement, null);
    });
  },
});
