/**
 * The options page: the settings (highlighting, card, sites, hidden entries), the keyboard
 * shortcuts, a live preview drawn by the content script's own highlighter and style sheet, the
 * settings' import and export, the user's own entries, and the full glossary (`#entry=ID`
 * scrolls to an entry: the card's "Open in the full glossary" lands here).
 *
 * Every setting is saved as soon as it changes (saveSettings), and open tabs follow through
 * storage. The logic that can be pure is in glossary/ (search, custom entries' rules and files),
 * lib/ (settings, sites, settings files) and custom-entry-form.ts; the sections and their shared
 * widgets are in components/options/.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { glossary } from '../../glossary';
import { type DroppedEntry, describeDropped, type StoredEntries } from '../../glossary/custom-entries';
import { mergeEntries } from '../../glossary/merge';
import type { Entry } from '../../glossary/schema';
import { t, uiLanguage } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import {
  loadCustomEntries,
  loadSettings,
  saveCustomEntries,
  saveSettings,
  watchCustomEntries,
  watchSettings,
} from '../../lib/storage';
import { CardSection } from './CardSection';
import { CustomEntriesSection } from './CustomEntriesSection';
import { GlossarySection } from './GlossarySection';
import { HiddenSection } from './HiddenSection';
import { HighlightingSection } from './HighlightingSection';
import { PreviewSection } from './PreviewSection';
import { SettingsFilesSection } from './SettingsFilesSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { createThrottledSaver } from './saver';
import type { Notice, Update } from './types';
import { errorText, NoticeView } from './widgets';
import '../theme.css';
import '../entry-view.css';
import './options.css';

export { PREVIEW_TEXT } from './PreviewSection';

/** At most one settings write per interval while a slider or colour moves (sync allows 120 a minute). */
const SAVE_INTERVAL_MS = 500;

const builtIn = () => glossary;

/** What the page says about stored entries that were damaged and left out (null: none were). */
function droppedNotice(dropped: readonly DroppedEntry[]): Notice | null {
  if (dropped.length === 0) return null;
  let text: string;
  if (dropped[0]?.number === null) text = t('options_droppedAllEntries');
  else text = dropped.length === 1 ? t('options_droppedEntry') : t('options_droppedEntries', String(dropped.length));
  return { kind: 'error', text, details: dropped.map(describeDropped) };
}

// The page ------------------------------------------------------------------------------------------

const NAV: [id: string, key: string][] = [
  ['highlighting', 'options_highlighting'],
  ['card', 'options_card'],
  ['sites', 'options_sites'],
  ['hidden', 'options_hidden'],
  ['shortcuts', 'options_shortcuts'],
  ['preview', 'options_preview'],
  ['settings-files', 'options_settingsFiles'],
  ['custom', 'options_custom'],
  ['glossary', 'options_glossary'],
];

export function OptionsPage() {
  const lang = uiLanguage();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [custom, setCustom] = useState<Entry[]>([]);
  const [dropped, setDropped] = useState<readonly DroppedEntry[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [saveError, setSaveError] = useState('');
  const settingsRef = useRef<Settings | null>(null);

  /** Shows the settings without saving them (the storage's value, or a change on its way). */
  const apply = useCallback((next: Settings) => {
    settingsRef.current = next;
    setSettings(next);
  }, []);

  const saver = useMemo(
    () =>
      createThrottledSaver<Settings>(saveSettings, {
        intervalMs: SAVE_INTERVAL_MS,
        onSaved: () => setSaveError(''),
        onError: (e) => {
          setSaveError(errorText(e));
          // Show what is really stored, not the change that failed.
          void loadSettings().then(apply);
        },
      }),
    [apply],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('options_title')} – Palermo Lens`;
    const controller = new AbortController();
    const applyStored = (stored: StoredEntries) => {
      setCustom(stored.entries);
      setDropped(stored.dropped);
    };
    Promise.all([loadSettings(), loadCustomEntries(builtIn)]).then(
      ([s, stored]) => {
        if (controller.signal.aborted) return;
        apply(s);
        applyStored(stored);
        setLoaded(true);
      },
      (e: unknown) => setSaveError(errorText(e)),
    );
    // Changes from elsewhere (the card, the popup, another options page). While our own change is
    // on its way, storage echoes older values: they would make a slider jump back.
    watchSettings((next) => {
      if (!saver.busy()) apply(next);
    }, controller.signal);
    watchCustomEntries(builtIn, applyStored, controller.signal);
    const flush = () => saver.flush();
    window.addEventListener('pagehide', flush, { signal: controller.signal });
    return () => {
      saver.flush();
      controller.abort();
    };
  }, [lang, apply, saver]);

  const update: Update = useCallback(
    (change, persist = true) => {
      const current = settingsRef.current;
      if (!current) return;
      const next = change(current);
      apply(next);
      if (persist) saver.save(next);
    },
    [apply, saver],
  );

  /** Replaces all the settings (import, reset): saved at once; throws what saving throws. */
  const replaceSettings = useCallback(
    async (next: Settings) => {
      await saver.saveNow(next);
      apply(next);
      setSaveError('');
    },
    [apply, saver],
  );

  const saveCustom = useCallback(async (entries: Entry[]) => {
    await saveCustomEntries(entries);
    setCustom(entries);
    setDropped([]);
  }, []);

  const all = useMemo(() => mergeEntries(glossary, custom), [custom]);
  const lookup = useMemo(() => {
    const byId = new Map(all.map((e) => [e.id, e]));
    return (id: string) => byId.get(id);
  }, [all]);

  return (
    <>
      <header class="op-header">
        <h1 class="op-title">
          <span class="op-title__brand">Palermo Lens</span> <span class="op-title__page">{t('options_title')}</span>
        </h1>
        <nav aria-label={t('options_contents')} class="op-nav">
          <ul>
            {NAV.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="op-main" lang={lang}>
        <div class="op-save-error" role="alert">
          {saveError && <p class="op-notice op-notice--error">{saveError}</p>}
        </div>
        <NoticeView id="stored-entries-notice" notice={droppedNotice(dropped)} />
        {settings && loaded ? (
          <>
            <div class="op-layout">
              <div class="op-settings">
                <HighlightingSection settings={settings} update={update} lang={lang} />
                <CardSection settings={settings} update={update} lang={lang} />
                <SitesSection settings={settings} update={update} />
                <HiddenSection settings={settings} update={update} lang={lang} lookup={lookup} />
                <ShortcutsSection />
              </div>
              <PreviewSection settings={settings} custom={custom} lookup={lookup} />
            </div>
            <SettingsFilesSection settings={settings} onImported={replaceSettings} />
            <CustomEntriesSection lang={lang} custom={custom} saveCustom={saveCustom} />
            <GlossarySection lang={lang} entries={all} lookup={lookup} />
          </>
        ) : (
          <p class="op-empty">{t('options_loading')}</p>
        )}
      </main>
    </>
  );
}
