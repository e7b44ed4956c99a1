import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CATEGORY_INFO } from '../../glossary/categories';
import type { Entry, Language } from '../../glossary/schema';
import { buildSearchIndex, type SearchHit, searchGlossary } from '../../glossary/search';
import { t } from '../../lib/i18n';
import { EntryView, entryTitle } from '../EntryView';
import { pluralForm } from './popup-state';
import { CategoryDot, langIf } from './widgets';

/**
 * The search over the whole glossary. While there is a query, its results (or the entry chosen
 * among them) take the place of `children`, the rest of the popup.
 */
export function Search(props: { entries: readonly Entry[]; lang: Language; children: preact.ComponentChildren }) {
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
        <p class={status ? 'pp-hint pp-search__status' : 'pl-sr-only'} role="status">
          {status}
        </p>
      </search>
      {!searching ? (
        props.children
      ) : shown ? (
        <div class="pp-entry">
          <button type="button" class="pl-button pp-back" onClick={back}>
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
            {hits.map(({ entry, term }) => {
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
                      {term && term.text !== title.text && (
                        <span class="pp-result__term" lang={langIf(term.lang, lang)}>
                          {term.text}
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
