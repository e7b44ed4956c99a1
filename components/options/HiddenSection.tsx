import type { Entry, Language } from '../../glossary/schema';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { entryTitle } from '../EntryView';
import type { Update } from './types';
import { Section } from './widgets';

// 4. Hidden entries ----------------------------------------------------------------------------

export function HiddenSection(props: {
  settings: Settings;
  update: Update;
  lang: Language;
  lookup: (id: string) => Entry | undefined;
}) {
  const { settings, update, lang, lookup } = props;
  const show = (id: string) => update((s) => ({ ...s, hiddenEntries: s.hiddenEntries.filter((x) => x !== id) }));
  return (
    <Section id="hidden" title={t('options_hidden')} intro={t('options_hiddenIntro')}>
      {settings.hiddenEntries.length === 0 ? (
        <p class="op-empty">{t('options_hiddenEmpty')}</p>
      ) : (
        <>
          <ul class="op-list">
            {settings.hiddenEntries.map((id) => {
              const entry = lookup(id);
              const title = entry ? entryTitle(entry, lang) : { text: id, lang };
              return (
                <li key={id} class="op-list__item">
                  <span class="op-list__name" lang={title.lang === lang ? undefined : title.lang}>
                    {title.text}
                  </span>
                  <button type="button" class="op-button op-button--small" onClick={() => show(id)}>
                    {t('options_showAgain')}
                    <span class="pl-sr-only"> {title.text}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {settings.hiddenEntries.length > 1 && (
            <button type="button" class="op-button" onClick={() => update((s) => ({ ...s, hiddenEntries: [] }))}>
              {t('options_showAllAgain')}
            </button>
          )}
        </>
      )}
    </Section>
  );
}
