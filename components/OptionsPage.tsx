import { useEffect } from 'preact/hooks';
import { entryById, glossary } from '../glossary';
import type { Language } from '../glossary/schema';
import { EntryView } from './EntryView';
import './entry-view.css';

/** The options page: for now, the full glossary, with `#entry=ID` scrolling to an entry. */
export function OptionsPage() {
  const lang: Language = navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  useEffect(() => {
    const id = new URLSearchParams(location.hash.slice(1)).get('entry');
    if (id) document.getElementById(`entry-${id}`)?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <main lang={lang}>
      <h1>Palermo Lens</h1>
      {glossary.map((entry) => (
        <section key={entry.id} id={`entry-${entry.id}`}>
          <EntryView
            entry={entry}
            lang={lang}
            entryById={entryById}
            onNavigate={(id) => document.getElementById(`entry-${id}`)?.scrollIntoView()}
          />
        </section>
      ))}
    </main>
  );
}
