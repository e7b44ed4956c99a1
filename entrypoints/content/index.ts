/**
 * The content script: wires the settings, the highlighter and its style sheet together under
 * WXT's `ctx`, which tears everything down when the extension is updated or removed.
 */
import preparedMatcher from 'virtual:prepared-matcher';
import { loadMatcher } from '../../glossary/matcher';
import { isSiteEnabled, type Settings } from '../../lib/settings';
import { loadSettings, watchSettings } from '../../lib/settings-storage';
import { highlightCss } from './highlight-style';
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

    const style = document.createElement('style');
    style.setAttribute(UI_ATTRIBUTE, '');
    const highlighter = new Highlighter({ matcher: loadMatcher(preparedMatcher), signal: controller.signal });
    let active = false;

    const apply = (settings: Settings) => {
      const t0 = performance.now();
      style.textContent = highlightCss(settings);
      const enabled = isSiteEnabled(settings, location.hostname);
      if (enabled && !active) {
        document.documentElement.append(style);
        void highlighter.start();
      } else if (!enabled && active) {
        highlighter.removeAll();
        style.remove();
        performance.measure('palermo-lens:remove', { start: t0, end: performance.now() });
      } else if (enabled) {
        // Force the restyle now, so that its cost is what the measure shows.
        document.querySelector('palermo-mark')?.getBoundingClientRect();
        performance.measure('palermo-lens:restyle', { start: t0, end: performance.now() });
      }
      active = enabled;
    };

    const compiled = performance.now();
    const settings = await loadSettings();
    const loaded = performance.now();
    apply(settings);
    // Main-thread cost of starting, without the wait for storage (the first pass has its own measure).
    const busyMs = compiled - started + (performance.now() - loaded);
    performance.measure('palermo-lens:startup', { start: started, end: performance.now(), detail: { busyMs } });
    watchSettings(apply, controller.signal);
    ctx.onInvalidated(() => {
      highlighter.removeAll();
      style.remove();
    });
  },
});
