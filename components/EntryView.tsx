/**
 * One glossary entry, as the hover card (inside a shadow root on any page), the popup's search
 * and the options page's preview all show it. Everything is rendered as text (never as HTML), and
 * only http(s) addresses become links, so an imported entry cannot inject markup or scripts.
 * Styles: entry-view.css, scoped under `.pl-entry`.
 */
import { type ComponentChildren, Fragment } from 'preact';
import { CATEGORY_INFO } from '../glossary/categories';
import type { Entry, Fact, Language } from '../glossary/schema';
import { formatDate, UI_TEXT, type UiText } from './ui-text';

export interface EntryViewProps {
  entry: Entry;
  lang: Language;
  entryById: (id: string) => Entry | undefined;
  /** A related entry was chosen. Without it, related entries are listed as plain text. */
  onNavigate?: (id: string) => void;
  /** Id for the title element, so a dialog can aria-labelledby it. */
  headingId?: string;
  /** The hover card: facts, the source document's passages and sources collapsed in <details>. */
  compact?: boolean;
}

/** A piece of text and the language it is in (which may differ from the one asked for). */
export interface LocalizedText {
  text: string;
  lang: Language;
}

/**
 * The entry's title in `lang`: its first displayed name in that language, else its first
 * displayed English name (the schema guarantees one for the built-in glossary).
 */
export function entryTitle(entry: Entry, lang: Language): LocalizedText {
  for (const l of lang === 'en' ? (['en'] as const) : ([lang, 'en'] as const)) {
    const name = entry.names[l].find((n) => n.display !== false);
    if (name) return { text: name.text, lang: l };
  }
  const any = entry.names.en[0] ?? entry.names.fr[0];
  return any ? { text: any.text, lang: entry.names.en[0] ? 'en' : 'fr' } : { text: entry.id, lang: 'en' };
}

/** The acronyms of both languages, those of `lang` first, without repeats. */
export function entryAcronyms(entry: Entry, lang: Language): LocalizedText[] {
  const order: Language[] = lang === 'en' ? ['en', 'fr'] : ['fr', 'en'];
  const seen = new Set<string>();
  const out: LocalizedText[] = [];
  for (const l of order) {
    for (const a of entry.acronyms[l]) {
      if (seen.has(a.text)) continue;
      seen.add(a.text);
      out.push({ text: a.text, lang: l });
    }
  }
  return out;
}

/** The other displayed names in `lang`, the title excepted. */
function otherNames(entry: Entry, lang: Language, title: LocalizedText): string[] {
  return entry.names[lang]
    .filter((n) => n.display !== false && n.text !== title.text)
    .map((n) => n.text)
    .filter((text, i, all) => all.indexOf(text) === i);
}

/** `value` as a URL when it is an absolute http(s) address, else undefined. */
function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `lang` for an element whose text is in `textLang`, inside an element in `lang`: set only when they differ. */
const langIf = (textLang: Language, lang: Language) => (textLang === lang ? undefined : textLang);

const Separator = () => (
  <span class="pl-sep" aria-hidden="true">
    {' · '}
  </span>
);

/** A link that opens in a new tab, without giving the new page access to this one. */
function ExternalLink(props: { href: string; class: string; title?: string; children: ComponentChildren }) {
  const { href, class: className, title, children } = props;
  return (
    <a class={className} href={href} target="_blank" rel="noopener noreferrer" title={title}>
      {children}
    </a>
  );
}

/**
 * A titled part of the entry: a <section> with an h3, or in compact mode a closed <details>
 * whose summary is `summary` (the title with a count).
 */
function Part(props: { compact: boolean; name: string; title: string; summary: string; children: ComponentChildren }) {
  const { compact, name, title, summary, children } = props;
  if (compact) {
    return (
      <details class={`pl-part pl-part--${name} pl-details`}>
        <summary class="pl-details__summary">{summary}</summary>
        <div class="pl-details__body">{children}</div>
      </details>
    );
  }
  return (
    <section class={`pl-part pl-part--${name}`}>
      <h3 class="pl-part__title">{title}</h3>
      {children}
    </section>
  );
}

function Sources({ urls, t, compact }: { urls: readonly string[]; t: UiText; compact: boolean }) {
  const links = urls.flatMap((s) => {
    const url = httpUrl(s);
    return url ? [{ href: s, host: url.hostname }] : [];
  });
  if (links.length === 0) return null;
  const list = (
    <ul class="pl-sources__list">
      {links.map(({ href, host }) => (
        <li key={href} class="pl-sources__item">
          <ExternalLink class="pl-link" href={href} title={href}>
            {host}
          </ExternalLink>
        </li>
      ))}
    </ul>
  );
  if (compact) {
    return (
      <details class="pl-sources pl-details">
        <summary class="pl-details__summary">{t.withCount(t.sources, links.length)}</summary>
        {list}
      </details>
    );
  }
  return (
    <div class="pl-sources">
      <span class="pl-sources__label">
        {t.sources}
        {t.colon}
      </span>
      {list}
    </div>
  );
}

function FactItem({ fact, lang, t, compact }: { fact: Fact; lang: Language; t: UiText; compact: boolean }) {
  return (
    <li class="pl-fact">
      <p class="pl-fact__meta">
        <span class="pl-fact__kind">{t.factKinds[fact.kind]}</span>
        {fact.date && (
          <>
            <Separator />
            <time class="pl-fact__date" dateTime={fact.date}>
              {formatDate(fact.date, lang)}
            </time>
          </>
        )}
      </p>
      <p class="pl-fact__text">{fact.text[lang]}</p>
      <Sources urls={fact.sources} t={t} compact={compact} />
    </li>
  );
}

export function EntryView(props: EntryViewProps) {
  const { entry, lang, entryById, onNavigate, headingId, compact = false } = props;
  const t = UI_TEXT[lang];
  const title = entryTitle(entry, lang);
  const acronyms = entryAcronyms(entry, lang);
  const aka = compact ? [] : otherNames(entry, lang, title);
  const category = CATEGORY_INFO[entry.category];
  const related = entry.related.flatMap((id) => {
    const e = id === entry.id ? undefined : entryById(id);
    return e ? [e] : [];
  });
  const official = entry.officialUrl ? httpUrl(entry.officialUrl) : undefined;
  const hasDocument = entry.documentPassages.length > 0 || entry.franceRole !== null;
  const SubHeading = compact ? 'h3' : 'h4';

  return (
    // Keyed by entry: showing another entry starts afresh (collapsed parts, scroll position).
    <article key={entry.id} class={compact ? 'pl-entry pl-entry--compact' : 'pl-entry'} lang={lang}>
      <header class="pl-entry__header">
        <h2 id={headingId} class="pl-entry__title" lang={langIf(title.lang, lang)} tabIndex={-1}>
          {title.text}
        </h2>
        {acronyms.length > 0 && (
          <p class="pl-entry__acronyms">
            {acronyms.map((a, i) => (
              <Fragment key={a.text}>
                {i > 0 && <Separator />}
                <span class="pl-entry__acronym" lang={langIf(a.lang, lang)}>
                  {a.text}
                </span>
              </Fragment>
            ))}
          </p>
        )}
        {aka.length > 0 && (
          <p class="pl-entry__aka">
            <span class="pl-entry__aka-label">
              {t.alsoKnownAs}
              {t.colon}
            </span>
            {aka.join(' ; ')}
          </p>
        )}
        <p class="pl-entry__meta">
          <span class="pl-badge" style={{ '--category-color': category.color }}>
            <span class="pl-badge__dot" aria-hidden="true" />
            {category.label[lang]}
          </span>
          <span class="pl-entry__kind">{entry.kind[lang]}</span>
        </p>
      </header>

      <p class="pl-entry__definition">{entry.definition[lang]}</p>

      {entry.facts.length > 0 && (
        <Part compact={compact} name="facts" title={t.keyFacts} summary={t.withCount(t.keyFacts, entry.facts.length)}>
          <ul class="pl-facts">
            {entry.facts.map((fact) => (
              <FactItem
                key={`${fact.kind}:${fact.date ?? ''}:${fact.text.en}`}
                fact={fact}
                lang={lang}
                t={t}
                compact={compact}
              />
            ))}
          </ul>
        </Part>
      )}

      {hasDocument && (
        <Part
          compact={compact}
          name="document"
          title={t.inSourceDocument}
          summary={
            entry.documentPassages.length > 0
              ? t.withCount(t.inSourceDocument, entry.documentPassages.length)
              : t.inSourceDocument
          }
        >
          {entry.documentPassages.map((passage) => (
            <blockquote key={passage} class="pl-passage" lang="en">
              <p>{passage}</p>
            </blockquote>
          ))}
          {entry.franceRole && (
            <div class="pl-france">
              <SubHeading class="pl-france__title">{t.franceRole}</SubHeading>
              <p class="pl-france__text">{entry.franceRole[lang]}</p>
            </div>
          )}
        </Part>
      )}

      {entry.correction && (
        <div class="pl-note" role="note">
          <h3 class="pl-note__title">{t.correction}</h3>
          <p class="pl-note__text">{entry.correction[lang]}</p>
        </div>
      )}

      {related.length > 0 && (
        <section class="pl-part pl-part--related">
          <h3 class="pl-part__title">{t.relatedEntries}</h3>
          <ul class="pl-related">
            {related.map((r) => {
              const name = entryTitle(r, lang);
              return (
                <li key={r.id} class="pl-related__item">
                  {onNavigate ? (
                    <button
                      type="button"
                      class="pl-button pl-related__button"
                      lang={langIf(name.lang, lang)}
                      data-entry-id={r.id}
                      onClick={() => onNavigate(r.id)}
                    >
                      {name.text}
                    </button>
                  ) : (
                    <span class="pl-related__name" lang={langIf(name.lang, lang)}>
                      {name.text}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {official && entry.officialUrl && (
        <p class="pl-entry__official">
          <ExternalLink class="pl-link pl-link--official" href={entry.officialUrl}>
            {t.officialSite}
          </ExternalLink>
          <span class="pl-entry__host">{official.hostname}</span>
        </p>
      )}
    </article>
  );
}
