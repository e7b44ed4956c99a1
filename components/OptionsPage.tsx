/**
 * The options page: the settings (highlighting, card, sites, hidden entries), the keyboard
 * shortcuts, a live preview drawn by the content script's own highlighter and style sheet, the
 * settings' import and export, the user's own entries, and the full glossary (`#entry=ID`
 * scrolls to an entry: the card's "Open in the full glossary" lands here).
 *
 * Every setting is saved as soon as it changes (saveSettings), and open tabs follow through
 * storage. The logic that can be pure is in lib/ (custom-entries.ts, options-*.ts).
 */
import type { ComponentChildren, JSX, TargetedEvent, TargetedPointerEvent, TargetedSubmitEvent } from 'preact';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { type Browser, browser } from 'wxt/browser';
import { applyRootAttributes, highlightCss, isDrawn } from '../entrypoints/content/highlight-style';
import { Highlighter } from '../entrypoints/content/highlighter';
import { entryById as builtInById, glossary } from '../glossary';
import { compileMatcher } from '../glossary/matcher';
import { CATEGORIES, type Category, type Entry, type Language } from '../glossary/schema';
import {
  CUSTOM_ENTRIES_MAX_BYTES,
  type CustomEntryFields,
  EMPTY_FIELDS,
  entriesFileContent,
  entryFromFields,
  type FieldError,
  type FieldName,
  fieldsOfEntry,
  parseCustomEntriesFile,
  storedCustomEntries,
  withEntry,
  withoutEntry,
} from '../lib/custom-entries';
import { t, uiLanguage } from '../lib/i18n';
import { fileSizeError, parseSettingsFile, SETTINGS_FILE_MAX_BYTES, settingsFileContent } from '../lib/options-files';
import { createThrottledSaver } from '../lib/options-saver';
import { searchEntries } from '../lib/options-search';
import { parseHostInput } from '../lib/options-sites';
import {
  CARD_LANGUAGES,
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  HOVER_DELAY,
  type Settings,
  SITE_MODES,
} from '../lib/settings';
import { customEntriesItem, loadSettings, saveSettings, watchSettings } from '../lib/settings-storage';
import { CATEGORY_INFO } from './categories';
import { EntryView, entryAcronyms, entryTitle } from './EntryView';
import './entry-view.css';
import './options.css';

/** The preview's sample: the "At regional level" paragraph of the source document. */
export const PREVIEW_TEXT =
  'France ratified the Council of Europe Convention on Action against Trafficking in Human Beings in 2008. The Convention makes the protection of victims and defence of their rights a central tenet of the mechanism for combating trafficking. The Council has also set up a treaty body, the Group of Experts on Action against Trafficking in Human Beings (GRETA), which is responsible for monitoring the implementation of the Convention. France cooperates actively with GRETA, welcoming the visit of a GRETA delegation on its first evaluation round in 2012. A national plan of action is being drawn up to implement the treaty body’s recommendations.';
const PREVIEW_ENTRY = 'greta';
/** At most one settings write per interval while a slider or colour moves (sync allows 120 a minute). */
const SAVE_INTERVAL_MS = 500;
/** Errors shown for one refused file: enough to fix it, not a wall of text. */
const MAX_SHOWN_ERRORS = 20;

type Update = (change: (s: Settings) => Settings, persist?: boolean) => void;

/** A message shown after an action: a status, or an error with its details. */
interface Notice {
  kind: 'ok' | 'error';
  text: string;
  details?: string[];
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Offers `text` as a file download. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const today = () => new Date().toISOString().slice(0, 10);

/** The text of a chosen file, unless it is over `maxBytes` (checked before reading it). */
async function readChosenFile(input: HTMLInputElement, maxBytes: number): Promise<string | { error: string }> {
  const file = input.files?.[0];
  input.value = ''; // the same file can be chosen again
  if (!file) return { error: '' };
  const tooLarge = fileSizeError(file.size, maxBytes);
  if (tooLarge) return { error: tooLarge };
  return file.text();
}

function NoticeBody({ notice }: { notice: Notice }) {
  const { details = [] } = notice;
  return (
    <div class={`op-notice op-notice--${notice.kind}`}>
      <p class="op-notice__text">{notice.text}</p>
      {details.length > 0 && (
        <ul class="op-notice__details">
          {details.slice(0, MAX_SHOWN_ERRORS).map((d, i) => (
            // The details come from lib/ (file checks, storage): in English.
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, replaced as a whole
            <li key={i} lang="en">
              {d}
            </li>
          ))}
          {details.length > MAX_SHOWN_ERRORS && (
            <li>{t('options_moreErrors', String(details.length - MAX_SHOWN_ERRORS))}</li>
          )}
        </ul>
      )}
    </div>
  );
}

/**
 * Where an action's outcome appears: a status region and an alert region, both always in the
 * page so that what appears in them is announced.
 */
function NoticeView({ notice, id }: { notice: Notice | null; id: string }) {
  return (
    <div id={id} class="op-notice-area">
      <div role="status">{notice?.kind === 'ok' && <NoticeBody notice={notice} />}</div>
      <div role="alert">{notice?.kind === 'error' && <NoticeBody notice={notice} />}</div>
    </div>
  );
}

function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren; class?: string }) {
  return (
    <section id={props.id} class={`op-section ${props.class ?? ''}`} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`} class="op-section__title" tabIndex={-1}>
        {props.title}
      </h2>
      {props.intro && <p class="op-hint">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** A group of radio buttons for one setting. */
function Choice<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly T[];
  label: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="op-fieldset">
      <legend class="op-legend">{props.legend}</legend>
      <div class="op-choices">
        {props.options.map((option) => (
          <label key={option} class="op-choice">
            <input
              type="radio"
              name={props.name}
              value={option}
              checked={props.value === option}
              onChange={() => props.onChange(option)}
            />
            <span>{props.label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A button that asks for confirmation in place (a second button), not with window.confirm. */
function ConfirmButton(props: {
  label: string;
  confirmLabel: string;
  warning: string;
  onConfirm: () => void;
  small?: boolean;
}) {
  const size = props.small ? ' op-button--small' : '';
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const warningId = useId();
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button ref={startRef} type="button" class={`op-button${size}`} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  const done = () => {
    setAsking(false);
    // Back on the first button once it is there again.
    setTimeout(() => startRef.current?.focus(), 0);
  };
  return (
    <div class="op-confirm">
      <p id={warningId} class="op-confirm__warning">
        {props.warning}
      </p>
      <button
        ref={confirmRef}
        type="button"
        class={`op-button op-button--danger${size}`}
        aria-describedby={warningId}
        onClick={() => {
          props.onConfirm();
          done();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" class={`op-button${size}`} onClick={done}>
        {t('options_cancel')}
      </button>
    </div>
  );
}

// 1. Highlighting ----------------------------------------------------------------------------

function HighlightingSection({ settings, update, lang }: { settings: Settings; update: Update; lang: Language }) {
  const setCategory = (c: Category, patch: Partial<Settings['categories'][Category]>, persist = true) =>
    update((s) => ({ ...s, categories: { ...s.categories, [c]: { ...s.categories[c], ...patch } } }), persist);
  return (
    <Section id="highlighting" title={t('options_highlighting')}>
      <fieldset class="op-fieldset">
        <legend class="op-legend">{t('options_categories')}</legend>
        <ul class="op-categories">
          {CATEGORIES.map((c) => {
            const label = CATEGORY_INFO[c].label[lang];
            const { enabled, color } = settings.categories[c];
            return (
              <li key={c} class="op-category" data-category={c}>
                <span class="op-category__swatch" style={{ background: color }} aria-hidden="true" />
                <label class="op-check">
                  <input
                    type="checkbox"
                    checked={enabled}
                    onChange={(e) => setCategory(c, { enabled: e.currentTarget.checked })}
                  />
                  <span>{label}</span>
                </label>
                <label class="op-color">
                  <span class="op-sr">{t('options_colourFor', label)}</span>
                  <input
                    type="color"
                    value={color}
                    onInput={(e) => setCategory(c, { color: e.currentTarget.value.toLowerCase() }, false)}
                    onChange={(e) => setCategory(c, { color: e.currentTarget.value.toLowerCase() })}
                  />
                </label>
                {color !== CATEGORY_INFO[c].color && (
                  <button
                    type="button"
                    class="op-link-button"
                    onClick={() => setCategory(c, { color: CATEGORY_INFO[c].color })}
                  >
                    {t('options_defaultColour')}
                    <span class="op-sr"> ({label})</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <Choice
        legend={t('options_style')}
        name="highlight-style"
        value={settings.highlightStyle}
        options={HIGHLIGHT_STYLES}
        label={(s) => t(`options_style_${s}`)}
        onChange={(highlightStyle) => update((s) => ({ ...s, highlightStyle }))}
      />
      <div class="op-field">
        <label class="op-check">
          <input
            type="checkbox"
            checked={settings.firstMentionOnly}
            aria-describedby="first-only-hint"
            onChange={(e) => {
              const firstMentionOnly = e.currentTarget.checked;
              update((s) => ({ ...s, firstMentionOnly }));
            }}
          />
          <span>{t('options_firstMentionOnly')}</span>
        </label>
        <p id="first-only-hint" class="op-hint">
          {t('options_firstMentionOnlyHint')}
        </p>
      </div>
    </Section>
  );
}

// 2. Card ------------------------------------------------------------------------------------

function CardSection({ settings, update, lang }: { settings: Settings; update: Update; lang: Language }) {
  const number = new Intl.NumberFormat(lang);
  const setDelay = (value: string, persist: boolean) => {
    const hoverDelayMs = Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, Math.round(Number(value))));
    if (Number.isFinite(hoverDelayMs)) update((s) => ({ ...s, hoverDelayMs }), persist);
  };
  const delay = t('options_milliseconds', number.format(settings.hoverDelayMs));
  return (
    <Section id="card" title={t('options_card')}>
      <div class="op-field">
        <label for="hover-delay" class="op-label">
          {t('options_hoverDelay')}
        </label>
        <div class="op-range">
          <input
            id="hover-delay"
            type="range"
            min={HOVER_DELAY.min}
            max={HOVER_DELAY.max}
            step={50}
            value={settings.hoverDelayMs}
            aria-valuetext={delay}
            aria-describedby="hover-delay-hint"
            onInput={(e) => setDelay(e.currentTarget.value, false)}
            onChange={(e) => setDelay(e.currentTarget.value, true)}
          />
          <output for="hover-delay" class="op-range__value">
            {delay}
          </output>
        </div>
        <p id="hover-delay-hint" class="op-hint">
          {t('options_hoverDelayHint', [number.format(HOVER_DELAY.min), number.format(HOVER_DELAY.max)])}
        </p>
      </div>
      <Choice
        legend={t('options_cardLanguage')}
        name="card-language"
        value={settings.cardLanguage}
        options={CARD_LANGUAGES}
        label={(l) => t(`options_cardLanguage_${l}`)}
        onChange={(cardLanguage) => update((s) => ({ ...s, cardLanguage }))}
      />
    </Section>
  );
}

// 3. Sites -----------------------------------------------------------------------------------

function SitesSection({ settings, update }: { settings: Settings; update: Update }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const add = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = parseHostInput(input, settings.sites);
    if (!result.ok) {
      setError(
        'by' in result ? t(`options_siteError_${result.reason}`, result.by) : t(`options_siteError_${result.reason}`),
      );
      inputRef.current?.focus();
      return;
    }
    setError('');
    setInput('');
    update((s) => ({ ...s, sites: [...s.sites, result.host] }));
  };
  const remove = (site: string, index: number) => {
    update((s) => ({ ...s, sites: s.sites.filter((x) => x !== site) }));
    // Keep the focus in the list: on the next site's button, else on the field.
    setTimeout(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>('.op-sites__remove');
      (buttons[Math.min(index, buttons.length - 1)] ?? inputRef.current)?.focus();
    }, 0);
  };
  return (
    <Section id="sites" title={t('options_sites')}>
      <Choice
        legend={t('options_siteMode')}
        name="site-mode"
        value={settings.siteMode}
        options={SITE_MODES}
        label={(m) => t(m === 'only' ? 'options_siteMode_only' : 'options_siteMode_allExcept')}
        onChange={(siteMode) => update((s) => ({ ...s, siteMode }))}
      />
      <h3 class="op-subtitle" id="sites-list-title">
        {t('options_siteList')}
      </h3>
      {settings.sites.length === 0 ? (
        <p class="op-empty">
          {settings.siteMode === 'only' ? t('options_siteListEmptyOnly') : t('options_siteListEmpty')}
        </p>
      ) : (
        <ul class="op-sites" aria-labelledby="sites-list-title">
          {settings.sites.map((site, i) => (
            <li key={site} class="op-sites__item">
              <span class="op-sites__host">{site}</span>
              <button type="button" class="op-button op-button--small op-sites__remove" onClick={() => remove(site, i)}>
                {t('options_remove')}
                <span class="op-sr"> {site}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="op-inline-form" onSubmit={add} noValidate>
        <label for="site-input" class="op-label">
          {t('options_addSite')}
        </label>
        <div class="op-inline-form__row">
          <input
            ref={inputRef}
            id="site-input"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="example.org"
            value={input}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby="site-hint site-error"
            onInput={(e) => setInput(e.currentTarget.value)}
          />
          <button type="submit" class="op-button">
            {t('options_add')}
          </button>
        </div>
        <p id="site-hint" class="op-hint">
          {t('options_addSiteHint')}
        </p>
        <p id="site-error" class="op-field-error" aria-live="polite">
          {error}
        </p>
      </form>
    </Section>
  );
}

// 4. Hidden entries ----------------------------------------------------------------------------

function HiddenSection(props: {
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
                    <span class="op-sr"> {title.text}</span>
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

// 5. Keyboard shortcuts -------------------------------------------------------------------------

function isFirefox(): boolean {
  return import.meta.env.FIREFOX || /\bFirefox\//.test(navigator.userAgent);
}

function ShortcutsSection() {
  const [commands, setCommands] = useState<Browser.commands.Command[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    browser.commands.getAll().then(setCommands, (e: unknown) => setError(errorText(e)));
  }, []);
  const describe = (c: Browser.commands.Command) =>
    c.name === '_execute_action' ? t('options_shortcutOpenPopup') : c.description || c.name || '';
  const openShortcuts = () => {
    browser.tabs.create({ url: 'chrome://extensions/shortcuts' }).catch((e: unknown) => setError(errorText(e)));
  };
  return (
    <Section id="shortcuts" title={t('options_shortcuts')}>
      {commands === null ? (
        <p class="op-empty">{error || t('options_loading')}</p>
      ) : (
        <table class="op-table">
          <thead>
            <tr>
              <th scope="col">{t('options_shortcutAction')}</th>
              <th scope="col">{t('options_shortcutKey')}</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((c) => (
              <tr key={c.name} data-command={c.name}>
                <td>{describe(c)}</td>
                <td>
                  {c.shortcut ? (
                    <kbd class="op-kbd">{c.shortcut}</kbd>
                  ) : (
                    <span class="op-muted">{t('options_shortcutNotSet')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isFirefox() ? (
        <p class="op-hint">{t('options_shortcutsFirefox')}</p>
      ) : (
        <>
          <button type="button" class="op-button" onClick={openShortcuts}>
            {t('options_shortcutsChange')}
          </button>
          {commands !== null && error && (
            <p class="op-field-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </Section>
  );
}

// 6. Live preview ---------------------------------------------------------------------------------

function PreviewSection(props: {
  settings: Settings;
  custom: readonly Entry[];
  lookup: (id: string) => Entry | undefined;
}) {
  const { settings, custom, lookup } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const highlighterRef = useRef<Highlighter | null>(null);
  const styleRef = useRef<HTMLStyleElement | null>(null);
  const [cardId, setCardId] = useState(PREVIEW_ENTRY);
  const customRef = useRef(custom);

  // The paragraph is ours, not Preact's: the highlighter rewrites its text nodes.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const controller = new AbortController();
    const paragraph = document.createElement('p');
    paragraph.className = 'op-preview__text';
    paragraph.lang = 'en';
    paragraph.textContent = PREVIEW_TEXT;
    container.append(paragraph);
    const style = document.createElement('style');
    document.head.append(style);
    styleRef.current = style;
    highlighterRef.current = new Highlighter({
      matcher: compileMatcher([...glossary, ...customRef.current]),
      root: paragraph,
      signal: controller.signal,
    });
    void highlighterRef.current.start();
    return () => {
      controller.abort();
      highlighterRef.current?.removeAll();
      highlighterRef.current = null;
      paragraph.remove();
      style.remove();
      applyRootAttributes(document.documentElement, null);
    };
  }, []);

  // The user's entries are highlighted too: a new matcher when they change.
  useEffect(() => {
    if (customRef.current === custom) return;
    customRef.current = custom;
    void highlighterRef.current?.replaceMatcher(compileMatcher([...glossary, ...custom]));
  }, [custom]);

  // The sheet's selectors read attributes of the root element (`html[…]`): this page's root is
  // ours, and the preview is the only place on it with highlights.
  const ids = useMemo(() => [...glossary, ...custom].map((e) => e.id), [custom]);
  useEffect(() => {
    const css = highlightCss(settings, ids);
    if (styleRef.current && styleRef.current.textContent !== css) styleRef.current.textContent = css;
    applyRootAttributes(document.documentElement, settings);
  }, [settings, ids]);

  // Resting the pointer on a highlight shows its card, after the hover delay.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onPointerOver = (event: TargetedPointerEvent<HTMLDivElement>) => {
    const mark = (event.target as Element).closest('palermo-mark');
    clearTimeout(timer.current);
    const id = mark?.getAttribute('data-glossary-id');
    // As on a page: only a drawn highlight opens its card.
    if (mark && id && lookup(id) && isDrawn(mark, settings))
      timer.current = setTimeout(() => setCardId(id), settings.hoverDelayMs);
  };

  const entry = lookup(cardId) ?? lookup(PREVIEW_ENTRY);
  // The sample is English: "the page's language" is English here.
  const cardLang: Language = settings.cardLanguage === 'page' ? 'en' : settings.cardLanguage;
  return (
    <Section id="preview" title={t('options_preview')} intro={t('options_previewIntro')} class="op-preview">
      <div
        ref={containerRef}
        id="preview-text"
        class="op-preview__sample"
        onPointerOver={onPointerOver}
        onPointerLeave={() => clearTimeout(timer.current)}
      />
      <h3 class="op-subtitle">{t('options_previewCard')}</h3>
      <div class="op-preview__card" id="preview-card">
        {entry && (
          <EntryView entry={entry} lang={cardLang} entryById={lookup} onNavigate={(id) => setCardId(id)} compact />
        )}
      </div>
    </Section>
  );
}

// 7. Settings files and reset -------------------------------------------------------------------

function SettingsFilesSection({
  settings,
  onImported,
}: {
  settings: Settings;
  onImported: (s: Settings) => Promise<void>;
}) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const importFile = async (event: TargetedEvent<HTMLInputElement>) => {
    const text = await readChosenFile(event.currentTarget, SETTINGS_FILE_MAX_BYTES);
    if (typeof text !== 'string') {
      if (text.error) setNotice({ kind: 'error', text: t('options_settingsImportRefused'), details: [text.error] });
      return;
    }
    const result = parseSettingsFile(text);
    if (!result.ok) {
      setNotice({ kind: 'error', text: t('options_settingsImportRefused'), details: result.errors });
      return;
    }
    try {
      await onImported(result.value);
      setNotice({ kind: 'ok', text: t('options_settingsImported') });
    } catch (e) {
      setNotice({ kind: 'error', text: t('options_settingsImportRefused'), details: [errorText(e)] });
    }
  };
  const reset = async () => {
    try {
      await onImported(structuredClone(DEFAULT_SETTINGS));
      setNotice({ kind: 'ok', text: t('options_resetDone') });
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) });
    }
  };
  return (
    <Section id="settings-files" title={t('options_settingsFiles')}>
      <div class="op-actions">
        <button
          type="button"
          class="op-button"
          onClick={() => {
            download(settingsFileContent(settings), `palermo-lens-settings-${today()}.json`);
            setNotice({ kind: 'ok', text: t('options_settingsExported') });
          }}
        >
          {t('options_exportSettings')}
        </button>
        <div class="op-file">
          <label for="import-settings" class="op-label">
            {t('options_importSettings')}
          </label>
          <input
            id="import-settings"
            type="file"
            accept=".json,application/json"
            aria-describedby="import-settings-hint"
            onChange={importFile}
          />
          <p id="import-settings-hint" class="op-hint">
            {t('options_importSettingsHint')}
          </p>
        </div>
      </div>
      <NoticeView notice={notice} id="settings-files-notice" />
      <h3 class="op-subtitle">{t('options_reset')}</h3>
      <ConfirmButton
        label={t('options_resetButton')}
        confirmLabel={t('options_resetConfirm')}
        warning={t('options_resetWarning')}
        onConfirm={() => void reset()}
      />
    </Section>
  );
}

// 8. Custom entries -----------------------------------------------------------------------------

const FORM_FIELDS: { name: FieldName; multiline?: boolean; required?: boolean; hint?: boolean }[] = [
  { name: 'namesEn', multiline: true, required: true, hint: true },
  { name: 'namesFr', multiline: true, hint: true },
  { name: 'acronymsEn', hint: true },
  { name: 'acronymsFr', hint: true },
  { name: 'definitionEn', multiline: true, hint: true },
  { name: 'definitionFr', multiline: true, hint: true },
  { name: 'category' },
  { name: 'officialUrl', hint: true },
];

function EntryForm(props: {
  lang: Language;
  custom: readonly Entry[];
  editing: Entry | null;
  onSave: (entry: Entry) => Promise<void>;
  onDone: () => void;
}) {
  const { lang, custom, editing, onSave, onDone } = props;
  const [fields, setFields] = useState<CustomEntryFields>(editing ? fieldsOfEntry(editing) : EMPTY_FIELDS);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saveError, setSaveError] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setFields(editing ? fieldsOfEntry(editing) : EMPTY_FIELDS);
    setErrors([]);
    setSaveError('');
  }, [editing]);
  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const others = custom.filter((e) => e.id !== editing?.id);
    const result = entryFromFields(fields, glossary, others, editing ?? undefined);
    if (!result.ok) {
      setErrors(result.errors);
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    try {
      await onSave(result.entry);
      setErrors([]);
      setSaveError('');
      setFields(EMPTY_FIELDS);
      onDone();
    } catch (e) {
      setSaveError(errorText(e));
    }
  };
  const fieldErrors = (name: FieldName) => errors.filter((e) => e.field === name);
  const title = editing ? t('options_editEntry', entryTitle(editing, lang).text) : t('options_newEntry');
  return (
    <form class="op-entry-form" onSubmit={submit} noValidate aria-labelledby="entry-form-title">
      <h3 id="entry-form-title" class="op-subtitle">
        {title}
      </h3>
      <div ref={summaryRef} tabIndex={-1} class="op-form-summary" role="alert">
        {(errors.length > 0 || saveError) && (
          <>
            <p class="op-notice__text">{t('options_entryNotSaved')}</p>
            <ul class="op-notice__details">
              {errors.map((e) => (
                <li key={`${e.field}:${e.message}`}>
                  {e.field ? `${t(`options_field_${e.field}`)}${lang === 'fr' ? '\u00a0: ' : ': '}` : ''}
                  <span lang="en">{e.message}</span>
                </li>
              ))}
              {saveError && <li>{saveError}</li>}
            </ul>
          </>
        )}
      </div>
      <div class="op-form-grid">
        {FORM_FIELDS.map(({ name, multiline, required, hint }) => {
          const id = `field-${name}`;
          const own = fieldErrors(name);
          const describedBy = [hint ? `${id}-hint` : '', own.length ? `${id}-error` : ''].filter(Boolean).join(' ');
          const common = {
            id,
            'aria-invalid': own.length ? ('true' as const) : undefined,
            'aria-describedby': describedBy || undefined,
            'aria-required': required ? ('true' as const) : undefined,
          };
          const set = (value: string) => setFields((f) => ({ ...f, [name]: value }));
          let control: JSX.Element;
          if (name === 'category') {
            control = (
              <select {...common} value={fields.category} onChange={(e) => set(e.currentTarget.value)}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY_INFO[c].label[lang]}
                  </option>
                ))}
              </select>
            );
          } else if (multiline) {
            control = (
              <textarea
                {...common}
                rows={name.startsWith('definition') ? 4 : 2}
                value={fields[name]}
                lang={name.endsWith('Fr') ? 'fr' : name.endsWith('En') ? 'en' : undefined}
                onInput={(e) => set(e.currentTarget.value)}
              />
            );
          } else {
            control = (
              <input
                {...common}
                type={(name === 'officialUrl' ? 'url' : 'text') as 'text'}
                autocomplete="off"
                value={fields[name]}
                onInput={(e) => set(e.currentTarget.value)}
              />
            );
          }
          return (
            <div key={name} class={`op-form-field op-form-field--${name}`}>
              <label for={id} class="op-label">
                {t(`options_field_${name}`)}
                {required && <span aria-hidden="true"> *</span>}
              </label>
              {control}
              {hint && (
                <p id={`${id}-hint`} class="op-hint">
                  {t(`options_fieldHint_${name}`)}
                </p>
              )}
              {own.length > 0 && (
                <p id={`${id}-error`} class="op-field-error" lang="en">
                  {own.map((e) => e.message).join(' ')}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <p class="op-hint">{t('options_requiredHint')}</p>
      <div class="op-actions">
        <button type="submit" class="op-button op-button--primary">
          {editing ? t('options_saveEntry') : t('options_addEntry')}
        </button>
        {editing && (
          <button type="button" class="op-button" onClick={onDone}>
            {t('options_cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function CustomEntriesSection(props: {
  lang: Language;
  custom: readonly Entry[];
  saveCustom: (entries: Entry[]) => Promise<void>;
}) {
  const { lang, custom, saveCustom } = props;
  const [editing, setEditing] = useState<Entry | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const formRef = useRef<HTMLDivElement>(null);

  const importFile = async (event: TargetedEvent<HTMLInputElement>) => {
    const text = await readChosenFile(event.currentTarget, CUSTOM_ENTRIES_MAX_BYTES);
    if (typeof text !== 'string') {
      if (text.error) setNotice({ kind: 'error', text: t('options_entriesImportRefused'), details: [text.error] });
      return;
    }
    const result = parseCustomEntriesFile(text, glossary);
    if (!result.ok) {
      setNotice({ kind: 'error', text: t('options_entriesImportRefused'), details: result.errors });
      return;
    }
    try {
      await saveCustom(result.entries);
      setEditing(null);
      setNotice({
        kind: 'ok',
        text:
          result.entries.length === 1
            ? t('options_entriesImportedOne')
            : t('options_entriesImported', String(result.entries.length)),
      });
    } catch (e) {
      setNotice({ kind: 'error', text: t('options_entriesImportRefused'), details: [errorText(e)] });
    }
  };
  const edit = (entry: Entry) => {
    setEditing(entry);
    setTimeout(() => {
      formRef.current?.scrollIntoView({ block: 'start' });
      formRef.current?.querySelector<HTMLElement>('textarea, input')?.focus();
    }, 0);
  };
  const remove = async (entry: Entry) => {
    try {
      await saveCustom(withoutEntry(custom, entry.id));
      if (editing?.id === entry.id) setEditing(null);
      // The entry's buttons are gone: the focus goes back to the section.
      setTimeout(() => document.getElementById('custom-title')?.focus(), 0);
      setNotice({ kind: 'ok', text: t('options_entryDeleted', entryTitle(entry, lang).text) });
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <Section id="custom" title={t('options_custom')} intro={t('options_customIntro')}>
      {custom.length === 0 ? (
        <p class="op-empty">{t('options_customEmpty')}</p>
      ) : (
        <ul class="op-custom-list">
          {custom.map((entry) => {
            const title = entryTitle(entry, lang);
            const acronyms = entryAcronyms(entry, lang).map((a) => a.text);
            return (
              <li key={entry.id} class="op-custom-list__item" data-entry-id={entry.id}>
                <div class="op-custom-list__text">
                  <span class="op-custom-list__title" lang={title.lang === lang ? undefined : title.lang}>
                    {title.text}
                  </span>
                  {acronyms.length > 0 && <span class="op-muted"> ({acronyms.join(', ')})</span>}
                  <span class="op-custom-list__meta">
                    {CATEGORY_INFO[entry.category].label[lang]} · <code>{entry.id}</code>
                  </span>
                </div>
                <div class="op-custom-list__actions">
                  <button type="button" class="op-button op-button--small" onClick={() => edit(entry)}>
                    {t('options_edit')}
                    <span class="op-sr"> {title.text}</span>
                  </button>
                  <ConfirmButton
                    label={t('options_delete')}
                    confirmLabel={t('options_deleteConfirm', title.text)}
                    warning={t('options_deleteWarning')}
                    onConfirm={() => void remove(entry)}
                    small
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <NoticeView notice={notice} id="custom-notice" />
      <div ref={formRef}>
        <EntryForm
          lang={lang}
          custom={custom}
          editing={editing}
          onSave={async (entry) => {
            await saveCustom(withEntry(custom, entry));
            setNotice({
              kind: 'ok',
              text: t(editing ? 'options_entrySaved' : 'options_entryAdded', entryTitle(entry, lang).text),
            });
          }}
          onDone={() => setEditing(null)}
        />
      </div>
      <h3 class="op-subtitle">{t('options_entriesFiles')}</h3>
      <div class="op-actions">
        <button
          type="button"
          class="op-button"
          disabled={custom.length === 0}
          onClick={() => download(entriesFileContent(custom), `palermo-lens-entries-${today()}.json`)}
        >
          {t('options_exportEntries')}
        </button>
        <div class="op-file">
          <label for="import-entries" class="op-label">
            {t('options_importEntries')}
          </label>
          <input
            id="import-entries"
            type="file"
            accept=".json,application/json"
            aria-describedby="import-entries-hint"
            onChange={importFile}
          />
          <p id="import-entries-hint" class="op-hint">
            {t('options_importEntriesHint')}
          </p>
        </div>
      </div>
    </Section>
  );
}

// 9. The full glossary -----------------------------------------------------------------------------

/** The entry id in the address (`#entry=ID`). */
const hashEntry = () => new URLSearchParams(location.hash.slice(1)).get('entry');

function GlossarySection(props: {
  lang: Language;
  entries: readonly Entry[];
  lookup: (id: string) => Entry | undefined;
}) {
  const { lang, entries, lookup } = props;
  const [query, setQuery] = useState('');
  const shown = useMemo(() => searchEntries(entries, query), [entries, query]);
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
      if (hashEntry() !== id) history.replaceState(null, '', `#entry=${encodeURIComponent(id)}`);
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
      const id = hashEntry();
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
    Promise.all([loadSettings(), customEntriesItem.getValue()]).then(
      ([s, entries]) => {
        if (controller.signal.aborted) return;
        apply(s);
        setCustom(storedCustomEntries(entries));
        setLoaded(true);
      },
      (e: unknown) => setSaveError(errorText(e)),
    );
    // Changes from elsewhere (the card, the popup, another options page). While our own change is
    // on its way, storage echoes older values: they would make a slider jump back.
    watchSettings((next) => {
      if (!saver.busy()) apply(next);
    }, controller.signal);
    const unwatch = customEntriesItem.watch((next) => setCustom(storedCustomEntries(next)));
    controller.signal.addEventListener('abort', unwatch, { once: true });
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
    await customEntriesItem.setValue(entries);
    setCustom(entries);
  }, []);

  const all = useMemo(() => [...glossary, ...custom], [custom]);
  const lookup = useMemo(() => {
    const byId = new Map(custom.map((e) => [e.id, e]));
    return (id: string) => builtInById(id) ?? byId.get(id);
  }, [custom]);

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
