/**
 * The toolbar popup: the current tab's mentions (per category and per entry, an entry's button
 * going to its next mention), the switch for the site, quick category toggles, a search over
 * the whole glossary (built-in and the user's own entries) and a way to the options page.
 * Pages where the extension cannot run get a message; pages where it does not run (yet) get
 * "Highlight this page"; the search works everywhere.
 */
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { glossary } from '../../glossary';
import { mergeEntries } from '../../glossary/merge';
import { t, uiLanguage } from '../../lib/i18n';
import type { ContentRequest } from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import { withSiteEnabled } from '../../lib/sites';
import { saveSettings } from '../../lib/storage';
import { CategoriesSection } from './CategoriesSection';
import { EntriesSection } from './EntriesSection';
import { usePage, useStored } from './hooks';
import { PdfSection } from './PdfSection';
import { isPdfAddress, summarizeMentions } from './popup-state';
import { Search } from './Search';
import { SiteSection } from './SiteSection';
import '../theme.css';
import '../entry-view.css';
import './popup.css';

export function PopupPage() {
  const lang = useMemo(uiLanguage, []);
  const { settings, setSettings, custom } = useStored();
  const { page, tabId, url, refresh, highlight } = usePage(settings?.activation === 'on-request');
  const [error, setError] = useState<string>();
  const entries = useMemo(() => mergeEntries(glossary, custom), [custom]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const summary =
    page.kind === 'ready' && page.enabled ? summarizeMentions(page.mentions, (id) => byId.get(id)) : undefined;

  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const save = (next: Settings) => {
    setSettings(next);
    setError(undefined);
    saveSettings(next)
      // The content script applies the change at once: ask for the new counts.
      .then(() => setTimeout(refresh, 100))
      .catch((e: unknown) => setError(t('popup_saveFailed', e instanceof Error ? e.message : String(e))));
  };

  const show = (id: string) => {
    if (tabId === undefined) return;
    const request: ContentRequest = { type: 'show-mention', id };
    browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined);
  };

  return (
    <div class="pp">
      <header class="pp-header">
        <h1 class="pp-title">{t('extName')}</h1>
        <button type="button" class="pl-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_options')}
        </button>
      </header>
      <main class="pp-main">
        {error && (
          <p class="pp-note pp-note--error" role="alert">
            {error}
          </p>
        )}
        <Search entries={entries} lang={lang}>
          {isPdfAddress(url) && <PdfSection url={url as string} />}
          <SiteSection
            page={page}
            settings={settings}
            onSiteChange={(host, on) => settings && save(withSiteEnabled(settings, host, on))}
            onHighlight={() => {
              setError(undefined);
              highlight().catch((e: unknown) =>
                setError(t('popup_highlightFailed', e instanceof Error ? e.message : String(e))),
              );
            }}
          />
          {settings && (
            <CategoriesSection
              settings={settings}
              summary={summary}
              lang={lang}
              onToggle={(c, on) =>
                save({
                  ...settings,
                  categories: { ...settings.categories, [c]: { ...settings.categories[c], enabled: on } },
                })
              }
            />
          )}
          {page.kind === 'ready' && (
            <EntriesSection page={page} settings={settings} summary={summary} lang={lang} onShow={show} />
          )}
        </Search>
      </main>
    </div>
  );
}
