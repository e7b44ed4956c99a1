/**
 * The toolbar popup: the current tab's mentions (per category and per entry, an entry's button
 * going to its next mention), the switch for the site, quick category toggles, a search over
 * the whole glossary (built-in and the user's own entries) and a way to the options page.
 * Pages where the extension cannot run get a message; the search works everywhere.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { glossary } from '../../glossary';
import { CATEGORY_INFO } from '../../glossary/categories';
import { CATEGORIES, type Category, type Entry, type Language } from '../../glossary/schema';
import { buildSearchIndex, combineEntries, type SearchHit, searchGlossary } from '../../glossary/search';
import { t, uiLanguage } from '../../lib/i18n';
import type { ContentRequest } from '../../lib/messages';
import { isSiteEnabled, type Settings, withSiteEnabled } from '../../lib/settings';
import { loadCustomEntries, loadSettings, saveSettings, watchCustomEntries, watchSettings } from '../../lib/storage';
import { EntryView, entryTitle } from '../EntryView';
import {
  hostnameOf,
  isRestrictedUrl,
  type MentionSummary,
  parseMentionsReply,
  pluralForm,
  summarizeMentions,
  tabIdFromSearch,
} from './popup-state';
import '../entry-view.css';
import './popup.css';

/** What the popup knows of the tab's page. */
type PageState =
  | { kind: 'loading' }
  /** The browser keeps the extension out of this page, or its content script does not answer. */
  | { kind: 'unavailable' }
  | { kind: 'ready'; enabled: boolean; mentions: [string, number][]; hostname: string | undefined };

/** How often the counts are asked again while the popup is open (dynamic pages, a site turned on). */
const REFRESH_MS = 1000;
/** Failed requests in a row before the page counts as unavailable (the content script may still be starting). */
const ATTEMPTS = 3;

const mentionsText = (count: number, lang: Language) => t(`popup_mentions_${pluralForm(count, lang)}`, String(count));

/** `lang` for an element whose text is in `textLang`, inside the page's language: set only when they differ. */
const langIf = (textLang: Language, lang: Language) => (textLang === lang ? undefined : textLang);

/** The current tab's page, asked again every REFRESH_MS and when `refresh` is called. */
function usePage(): { page: PageState; tabId: number | undefined; refresh: () => void } {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [tab, setTab] = useState<{ id: number; url: string | undefined } | null>();
  const failures = useRef(0);
  const ask = useRef<() => void>(() => undefined);

  useEffect(() => {
    let cancelled = false;
    const hooked = tabIdFromSearch(location.search);
    const find =
      hooked !== undefined
        ? browser.tabs.get(hooked).then((found) => [found])
        : browser.tabs.query({ active: true, currentWindow: true });
    find
      .then(([found]) => {
        if (cancelled) return;
        setTab(found?.id === undefined ? null : { id: found.id, url: found.url });
      })
      .catch(() => {
        if (!cancelled) setTab(null);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (tab === undefined) return;
    if (tab === null || isRestrictedUrl(tab.url)) {
      setPage({ kind: 'unavailable' });
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** One request at a time: a refresh asked for meanwhile runs when the current one is answered. */
    let busy = false;
    let again = false;
    const request: ContentRequest = { type: 'get-mentions' };
    const run = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      clearTimeout(timer);
      let reply: ReturnType<typeof parseMentionsReply>;
      try {
        reply = parseMentionsReply(await browser.tabs.sendMessage(tab.id, request, { frameId: 0 }));
      } catch {
        reply = undefined;
      }
      busy = false;
      if (stopped) return;
      if (reply) {
        failures.current = 0;
        const hostname = hostnameOf(tab.url) ?? (reply.hostname ? reply.hostname.toLowerCase() : undefined);
        setPage({ kind: 'ready', enabled: reply.enabled, mentions: reply.mentions, hostname });
      } else {
        failures.current += 1;
        if (failures.current >= ATTEMPTS) setPage({ kind: 'unavailable' });
      }
      if (again) {
        again = false;
        void run();
        return;
      }
      timer = setTimeout(run, failures.current > 0 && failures.current < ATTEMPTS ? 300 : REFRESH_MS);
    };
    ask.current = () => void run();
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      ask.current = () => undefined;
    };
  }, [tab]);

  return { page, tabId: tab?.id, refresh: () => ask.current() };
}

/** The settings, kept up to date, and the user's own entries. */
function useStored() {
  const [settings, setSettings] = useState<Settings>();
  const [custom, setCustom] = useState<Entry[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    void loadSettings().then((s) => {
      if (!controller.signal.aborted) setSettings(s);
    });
    watchSettings(setSettings, controller.signal);
    const builtIn = () => glossary;
    void loadCustomEntries(builtIn).then((stored) => {
      if (!controller.signal.aborted) setCustom(stored.entries);
    });
    watchCustomEntries(builtIn, (stored) => setCustom(stored.entries), controller.signal);
    return () => controller.abort();
  }, []);
  return { settings, setSettings, custom };
}

function CategoryDot({ color }: { color: string }) {
  return <span class="pp-dot" style={{ background: color }} aria-hidden="true" />;
}

/** A number shown as is, read as "12 mentions". */
function Count({ count, lang }: { count: number; lang: Language }) {
  return (
    <span class="pp-count" data-count={count}>
      <span aria-hidden="true">{count}</span>
      <span class="pp-sr-only">{mentionsText(count, lang)}</span>
    </span>
  );
}

function SiteSwitch(props: { checked: boolean; hostname: string; onChange: (on: boolean) => void }) {
  return (
    <div class="pp-switch">
      <input
        id="pp-site-switch"
        class="pp-switch__input"
        type="checkbox"
        role="switch"
        checked={props.checked}
        aria-checked={props.checked}
        aria-describedby="pp-site-host"
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label class="pp-switch__label" for="pp-site-switch">
        {t('popup_siteSwitch')}
      </label>
      <span id="pp-site-host" class="pp-switch__host">
        {props.hostname}
      </span>
    </div>
  );
}

/** The site switch, or why there is none (the page is loading or off limits). */
function SiteSection(props: {
  page: PageState;
  settings: Settings | undefined;
  onSiteChange: (hostname: string, on: boolean) => void;
}) {
  const { page, settings } = props;
  if (page.kind === 'loading') return <p class="pp-note pp-site">{t('popup_loading')}</p>;
  if (page.kind === 'unavailable') {
    return (
      <p class="pp-note pp-note--warning pp-site" data-testid="unavailable">
        {t('popup_unavailable')}
      </p>
    );
  }
  const host = page.hostname;
  if (!settings || !host) return null;
  return (
    <div class="pp-site">
      <SiteSwitch
        checked={isSiteEnabled(settings, host)}
        hostname={host}
        onChange={(next) => props.onSiteChange(host, next)}
      />
    </div>
  );
}

/** The page's entries, in order of first appearance; each button goes to the entry's next mention. */
function EntriesSection(props: {
  page: PageState & { kind: 'ready' };
  settings: Settings | undefined;
  summary: MentionSummary | undefined;
  lang: Language;
  onShow: (id: string) => void;
}) {
  const { page, settings, summary, lang } = props;
  const on = settings && page.hostname ? isSiteEnabled(settings, page.hostname) : page.enabled;
  const visible = summary?.entries.filter(
    ({ entry }) =>
      settings?.categories[entry.category].enabled !== false && !settings?.hiddenEntries.includes(entry.id),
  );
  let body: preact.ComponentChildren;
  if (!on) body = <p class="pp-note">{t('popup_siteOff')}</p>;
  else if (!page.enabled) body = <p class="pp-note">{t('popup_loading')}</p>;
  else if (!visible || visible.length === 0) body = <p class="pp-note">{t('popup_noMentions')}</p>;
  else {
    body = (
      <>
        <p class="pp-hint" id="pp-entries-hint">
          {t('popup_entriesHint')}
        </p>
        <ul class="pp-list pp-entries" aria-labelledby="pp-page-heading" aria-describedby="pp-entries-hint">
          {visible.map(({ entry, count }) => {
            const title = entryTitle(entry, lang);
            const color = settings?.categories[entry.category].color ?? CATEGORY_INFO[entry.category].color;
            return (
              <li key={entry.id} class="pp-list__item">
                <button
                  type="button"
                  class="pp-row pp-row--button"
                  data-entry-id={entry.id}
                  onClick={() => props.onShow(entry.id)}
                >
                  <CategoryDot color={color} />
                  <span class="pp-row__title" lang={langIf(title.lang, lang)}>
                    {title.text}
                  </span>
                  <Count count={count} lang={lang} />
                </button>
              </li>
            );
          })}
        </ul>
      </>
    );
  }
  return (
    <section class="pp-section" aria-labelledby="pp-page-heading">
      <h2 class="pp-heading" id="pp-page-heading">
        {t('popup_pageHeading')}
      </h2>
      {body}
    </section>
  );
}

/** Quick category toggles (for every site), with the page's count of each. */
function CategoriesSection(props: {
  settings: Settings;
  summary: MentionSummary | undefined;
  lang: Language;
  onToggle: (category: Category, on: boolean) => void;
}) {
  const { settings, summary, lang } = props;
  return (
    <section class="pp-section" aria-labelledby="pp-categories-heading">
      <h2 class="pp-heading" id="pp-categories-heading">
        {t('popup_categoriesHeading')}
      </h2>
      <p class="pp-hint" id="pp-categories-hint">
        {t('popup_categoriesHint')}
      </p>
      <ul class="pp-list pp-categories" aria-labelledby="pp-categories-heading" aria-describedby="pp-categories-hint">
        {CATEGORIES.map((c) => (
          <li key={c} class="pp-list__item pp-row" data-category={c}>
            <input
              id={`pp-category-${c}`}
              class="pp-checkbox"
              type="checkbox"
              checked={settings.categories[c].enabled}
              onChange={(e) => props.onToggle(c, e.currentTarget.checked)}
            />
            <label class="pp-row__title pp-category__label" for={`pp-category-${c}`}>
              <CategoryDot color={settings.categories[c].color} />
              {CATEGORY_INFO[c].label[lang]}
            </label>
            {summary && <Count count={summary.categories[c]} lang={lang} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The search over the whole glossary. While there is a query, its results (or the entry chosen
 * among them) take the place of `children`, the rest of the popup.
 */
function Search(props: { entries: readonly Entry[]; lang: Language; children: preact.ComponentChildren }) {
  const { entries, lang } = props;
  const index = useMemo(() => buildSearchIndex(entries), [entries]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const [query, setQuery] = useState('');
  /** The entries shown, the last one on top (related entries push onto it); empty: the results. */
  const [trail, setTrail] = useState<string[]>([]);
  const hits: SearchHit[] = useMemo(() => searchGlossary(index, query), [index, query]);
  /** Where the focus goes after the next render: the entry's title, or back to a result. */
  const focusNext = useRef<{ title: true } | { result: string } | null>(null);
  const searching = query.trim() !== '';
  const shown = trail.length > 0 ? byId.get(trail[trail.length - 1] as string) : undefined;

  useLayoutEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const el =
      'title' in target
        ? document.getElementById('pp-entry-title')
        : (document.querySelector(`.pp-results [data-entry-id="${CSS.escape(target.result)}"]`) ??
          document.getElementById('pp-search'));
    (el as HTMLElement | null)?.focus();
  });

  const open = (id: string) => {
    focusNext.current = { title: true };
    setTrail((previous) => [...previous, id]);
  };
  const back = () => {
    const top = trail[trail.length - 1];
    focusNext.current = trail.length > 1 ? { title: true } : top ? { result: top } : null;
    setTrail((previous) => previous.slice(0, -1));
  };

  let status = '';
  if (searching && !shown) {
    status =
      hits.length === 0
        ? t('popup_noResults', query.trim())
        : t(`popup_results_${pluralForm(hits.length, lang)}`, String(hits.length));
  }

  return (
    <>
      <search class="pp-search">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const first = hits[0];
            if (first) open(first.entry.id);
          }}
        >
          <label class="pp-search__label" for="pp-search">
            {t('popup_searchLabel')}
          </label>
          <input
            id="pp-search"
            class="pp-search__input"
            type="search"
            autoComplete="off"
            spellcheck={false}
            placeholder={t('popup_searchPlaceholder')}
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setTrail([]);
            }}
          />
        </form>
        <p class={status ? 'pp-hint pp-search__status' : 'pp-sr-only'} role="status">
          {status}
        </p>
      </search>
      {!searching ? (
        props.children
      ) : shown ? (
        <div class="pp-entry">
          <button type="button" class="pp-button pp-back" onClick={back}>
            <span aria-hidden="true">← </span>
            {trail.length > 1 ? t('popup_back') : t('popup_backToResults')}
          </button>
          <EntryView
            entry={shown}
            lang={lang}
            entryById={(id) => byId.get(id)}
            onNavigate={open}
            headingId="pp-entry-title"
            compact
          />
        </div>
      ) : (
        hits.length > 0 && (
          <ul class="pp-list pp-results" aria-label={t('popup_resultsLabel')}>
            {hits.map(({ entry, term, termLang }) => {
              const title = entryTitle(entry, lang);
              return (
                <li key={entry.id} class="pp-list__item">
                  <button
                    type="button"
                    class="pp-row pp-row--button pp-result"
                    data-entry-id={entry.id}
                    onClick={() => open(entry.id)}
                  >
                    <CategoryDot color={CATEGORY_INFO[entry.category].color} />
                    <span class="pp-result__text">
                      <span class="pp-row__title" lang={langIf(title.lang, lang)}>
                        {title.text}
                      </span>
                      {term !== title.text && (
                        <span class="pp-result__term" lang={langIf(termLang, lang)}>
                          {term}
                        </span>
                      )}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )
      )}
    </>
  );
}

export function PopupPage() {
  const lang = useMemo(uiLanguage, []);
  const { settings, setSettings, custom } = useStored();
  const { page, tabId, refresh } = usePage();
  const [error, setError] = useState<string>();
  const entries = useMemo(() => combineEntries(glossary, custom), [custom]);
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
        <button type="button" class="pp-button" onClick={() => void browser.runtime.openOptionsPage()}>
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
          <SiteSection
            page={page}
            settings={settings}
            onSiteChange={(host, on) => settings && save(withSiteEnabled(settings, host, on))}
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
