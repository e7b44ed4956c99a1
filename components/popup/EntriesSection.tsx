import { CATEGORY_INFO } from '../../glossary/categories';
import type { Language } from '../../glossary/schema';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { isSiteEnabled } from '../../lib/sites';
import { entryTitle } from '../EntryView';
import type { PageState } from './hooks';
import type { MentionSummary } from './popup-state';
import { CategoryDot, Count, langIf } from './widgets';

/** The page's entries, in order of first appearance; each button goes to the entry's next mention. */
export function EntriesSection(props: {
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
      <h2 class="pl-heading" id="pp-page-heading">
        {t('popup_pageHeading')}
      </h2>
      {body}
    </section>
  );
}
