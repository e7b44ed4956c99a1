/**
 * The content script's highlighting part: reads the settings and the user's own entries through
 * lib/storage.ts, highlights the page with the highlighter and its style sheet, and follows
 * their changes until the signal aborts (then the page is left as it was). The user's entries are
 * a part of their own inside it: if they fail, the built-in entries are still highlighted.
 */
import { browser } from 'wxt/browser';
import { lazyMatcher, type Matcher } from '../glossary/matcher';
import { mergePrepared, type PreparedMatcher, prepareMatcher } from '../glossary/prepare-matcher';
import type { Entry } from '../glossary/schema';
import { type BackgroundRequest, parseCustomEntriesReply } from '../lib/messages';
import type { Settings } from '../lib/settings';
import { isSiteEnabled } from '../lib/sites';
import {
  holdsNoEntries,
  loadSettings,
  loadStoredCustomEntries,
  saveSettings,
  warnDropped,
  watchSettings,
  watchStoredCustomEntries,
} from '../lib/storage';
import { highlightCss, isDrawn, isSwitchedOff, markSwitchedOff, switchChanges } from './highlight-style';
import { HIGHLIGHT_TAG, Highlighter, UI_ATTRIBUTE } from './highlighter';
import { guarded, reportFailure } from './parts';

const CUSTOM_PART = 'your own entries';

export interface HighlightingOptions {
  signal: AbortSignal;
  /** The built-in glossary's matcher, prepared at build time. */
  prepared: PreparedMatcher;
  /** Called when the highlights are taken off because the site was switched off. */
  onCleared?: () => void;
}

export interface Highlighting {
  /** Reads storage and applies the settings, then follows changes. Resolves once they apply. */
  start(): Promise<void>;
  settings(): Settings | undefined;
  /** The user's entries being highlighted: a new array whenever they change. */
  custom(): readonly Entry[];
  /** Whether the page is highlighted (the site is on). */
  enabled(): boolean;
  /** Highlights per entry id, in order of first appearance. */
  counts(): Map<string, number>;
  /** The drawn highlights in page order (nested ones are part of their outer one here). */
  drawnMarks(): Element[];
  /** The highlights of an entry in page order, open shadow roots included. */
  marksOf(id: string): Element[];
  /** Saves a change of the settings; open tabs, this one included, follow through storage. */
  update(change: (settings: Settings) => Settings): void;
}

/**
 * The user's entries from what storage holds, checked by the background against the built-in
 * glossary (which the content script does not carry); what it left out is said in the page's
 * console, where a reader missing a highlight looks. No message when nothing is stored.
 */
async function checkedCustomEntries(value: unknown): Promise<readonly Entry[]> {
  if (holdsNoEntries(value)) return [];
  const request: BackgroundRequest = { type: 'check-custom-entries', value };
  const reply = parseCustomEntriesReply(await browser.runtime.sendMessage(request));
  if (!reply) throw new Error('the background did not check them');
  warnDropped(reply.dropped);
  return reply.entries;
}

export function createHighlighting(options: HighlightingOptions): Highlighting {
  const { signal, prepared } = options;
  // The style sheet goes in with the first highlight: a page without any is left untouched.
  const style = document.createElement('style');
  style.setAttribute(UI_ATTRIBUTE, '');
  // Open shadow roots with highlights adopt a sheet of their own (highlight-style.ts says why).
  let shadowSheet: CSSStyleSheet | undefined;
  let shadowCss = '';
  let settings: Settings | undefined;
  let custom: readonly Entry[] = [];
  let active = false;

  const restyle = () => {
    if (!settings) return;
    const css = highlightCss(settings);
    if (style.textContent !== css) style.textContent = css;
    if (!shadowSheet || shadowCss === css) return;
    shadowCss = css;
    shadowSheet.replaceSync(shadowCss);
  };
  const styleShadowRoot = (root: ShadowRoot) => {
    if (!shadowSheet) {
      shadowSheet = new CSSStyleSheet();
      restyle();
    }
    if (!root.adoptedStyleSheets.includes(shadowSheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, shadowSheet];
  };
  const highlighter = new Highlighter({
    matcher: lazyMatcher(prepared),
    signal,
    switchedOff: (id, category) => settings !== undefined && isSwitchedOff(settings, id, category),
    onChange: () => {
      if (style.isConnected) return;
      restyle();
      document.documentElement.append(style);
    },
    onShadowRootChange: styleShadowRoot,
  });
  /** Takes every highlight and our style off the page. */
  const clearPage = () => {
    const roots = highlighter.shadowRootsInPage();
    highlighter.removeAll();
    style.remove();
    for (const root of roots)
      if (shadowSheet && root.adoptedStyleSheets.includes(shadowSheet))
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== shadowSheet);
  };

  const apply = (next: Settings) => {
    const t0 = performance.now();
    const before = settings;
    settings = next;
    const enabled = isSiteEnabled(next, location.hostname);
    if ((style.isConnected || shadowSheet) && enabled) {
      restyle();
      // Only the highlights of the categories and entries switched: the others are not even read.
      const changed = before ? switchChanges(before, next) : '';
      if (changed !== null) markSwitchedOff(highlighter.marks(changed), next);
    }
    if (enabled && !active) {
      void highlighter.start();
    } else if (!enabled && active) {
      options.onCleared?.();
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

  /** The matcher with the user's entries added to the built-in ones (storage checked them). */
  const matcherWith = (next: readonly Entry[]): Matcher => {
    const matcher = lazyMatcher(next.length ? mergePrepared(prepared, prepareMatcher([...next])) : prepared);
    custom = next;
    return matcher;
  };
  const takeCustomEntries = guarded(CUSTOM_PART, (next: readonly Entry[]) => {
    void highlighter.replaceMatcher(matcherWith(next));
  });

  return {
    async start() {
      const [initial, initialCustom] = await Promise.all([
        loadSettings(),
        loadStoredCustomEntries()
          .then(checkedCustomEntries)
          .catch((error: unknown) => {
            reportFailure(CUSTOM_PART, error);
            return [];
          }),
      ]);
      if (initialCustom.length) takeCustomEntries(initialCustom);
      apply(initial);
      watchSettings(guarded('highlighting', apply), signal);
      // Checked in turn: an answer that comes after a newer value was asked for is dropped.
      let asked = 0;
      watchStoredCustomEntries((value) => {
        const ask = ++asked;
        checkedCustomEntries(value).then(
          (next) => {
            if (ask === asked) takeCustomEntries(next);
          },
          (error: unknown) => reportFailure(CUSTOM_PART, error),
        );
      }, signal);
      signal.addEventListener('abort', clearPage, { once: true });
    },
    settings: () => settings,
    custom: () => custom,
    enabled: () => active,
    counts: () => highlighter.counts(),
    drawnMarks: () => highlighter.marks(':not([data-glossary-inner])').filter((m) => settings && isDrawn(m, settings)),
    marksOf: (id) => highlighter.marks(`[data-glossary-id="${CSS.escape(id)}"]`),
    update(change) {
      if (settings) void saveSettings(change(settings)).catch((error) => console.warn('Palermo Lens:', error));
    },
  };
}
