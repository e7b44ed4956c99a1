import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entry, Language } from '../../glossary/schema';
import { buildSearchIndex, filterGlossary } from '../../glossary/search';
import { t } from '../../lib/i18n';
import { entryIdFromHash, glossaryAddress } from '../../lib/messages';
import { EntryView } from '../EntryView';
import { Section } from './widgets';

// 9. The full glossary -----------------------------------------------------------------------------

export function GlossarySection(props: {
  lang: Language;
  entries: readonly Entry[];
  lookup: (id: string) => Entry | undefined;
}) {
  const { lang, entries, lookup } = props;
  const [query, setQuery] = useState('');
  const index = useMemo(() => buildSearchIndex(entries), [entries]);
  const shown = useMemo(() => filterGlossary(index, query), [index, query]);
  const pending = useRef<string | null>(null);

  const goTo = useCallback(
    (id: string, focus = true) => {
      if (!lookup(id)) return;
      if (!shown.some((e) => e.id === id)) {
        // Filtered out: show everything, then go there once it is rendered.
        pending.current = id;
        setQuery('');
        return;
      }
      const section = document.getElementById(`entry-${id}`);
      if (!section) return;
      section.scrollIntoView({ block: 'start' });
      if (focus) section.querySelector<HTMLElement>('.pl-entry__title')?.focus({ preventScroll: true });
      if (entryIdFromHash(location.hash) !== id) history.replaceState(null, '', glossaryAddress(id));
    },
    [lookup, shown],
  );

  useEffect(() => {
    if (pending.current && shown.some((e) => e.id === pending.current)) {
      const id = pending.current;
      pending.current = null;
      goTo(id);
    }
  }, [shown, goTo]);

  // The address's entry, now and whenever the address changes.
  const goToRef = useRef(goTo);
  goToRef.current = goTo;
  useEffect(() => {
    const fromHash = () => {
      const id = entryIdFromHash(location.hash);
      if (id) goToRef.current(id);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, []);

  return (
    <Section id="glossary" title={t('options_glossary')} class="op-glossary">
      <div class="op-field op-search">
        <label for="glossary-search" class="op-label">
          {t('options_search')}
        </label>
        <input
          id="glossary-search"
          type="search"
          autocomplete="off"
          value={query}
          aria-describedby="glossary-count"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <p id="glossary-count" class="op-hint" role="status">
          {query ? t('options_searchCount', [String(shown.length), String(entries.length)]) : ''}
        </p>
      </div>
      {shown.map((entry) => (
        <section key={entry.id} id={`entry-${entry.id}`} class="op-glossary__entry">
          <EntryView entry={entry} lang={lang} entryById={lookup} onNavigate={(id) => goTo(id)} />
        </section>
      ))}
    </Section>
  );
}
