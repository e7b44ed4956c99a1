/**
 * The side list of the reader: the document's entries in order of first mention, each with the
 * pages it is mentioned on; a page button goes to that page's first mention of the entry. Pages
 * not drawn yet are listed too (the whole text is read in the background).
 */
import { CATEGORY_INFO } from '../../glossary/categories';
import type { Entry, Language } from '../../glossary/schema';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import type { Reader, ReaderSnapshot } from '../../page/reader';
import { entryTitle } from '../EntryView';

export function MentionList(props: {
  mentions: ReaderSnapshot['mentions'];
  settings: Settings | undefined;
  entries: Map<string, Entry>;
  lang: Language;
  reader: Reader;
}) {
  const { settings, entries, lang, reader } = props;
  const listed = props.mentions.filter(([id]) => {
    const entry = entries.get(id);
    return entry && settings?.categories[entry.category].enabled !== false && !settings?.hiddenEntries.includes(id);
  });
  const goTo = (id: string, page: number) => {
    const place = reader.places().find((p) => p.page === page && reader.mentionAt(p)?.id === id);
    if (place)
      void reader?.markOf(place).then((mark) => mark?.scrollIntoView({ block: 'center', behavior: 'instant' }));
  };
  return (
    <aside class="rd-side" aria-labelledby="rd-side-heading">
      <h2 id="rd-side-heading" class="pl-heading">
        {t('reader_mentionsHeading')}
      </h2>
      {listed.length === 0 ? (
        <p class="rd-note">{t('reader_noMentions')}</p>
      ) : (
        <ul class="rd-list">
          {listed.map(([id, pages]) => {
            const entry = entries.get(id) as Entry;
            const title = entryTitle(entry, lang);
            const color = settings?.categories[entry.category].color ?? CATEGORY_INFO[entry.category].color;
            return (
              <li key={id} class="rd-list__item" data-entry-id={id}>
                <span class="rd-list__title" lang={title.lang === lang ? undefined : title.lang}>
                  <span class="rd-dot" style={{ background: color }} aria-hidden="true" />
                  {title.text}
                </span>
                <span class="rd-list__pages">
                  {pages.map((page) => (
                    <button
                      key={page}
                      type="button"
                      class="rd-page-link"
                      aria-label={t('reader_goToMention', [title.text, String(page)])}
                      onClick={() => goTo(id, page)}
                    >
                      {page}
                    </button>
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
