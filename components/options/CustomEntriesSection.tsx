import type { JSX, TargetedEvent, TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { glossary } from '../../glossary';
import { CATEGORIES, CATEGORY_INFO } from '../../glossary/categories';
import { CUSTOM_ENTRIES_MAX_BYTES, entriesFileContent, parseCustomEntriesFile } from '../../glossary/custom-entries';
import type { Entry, Language } from '../../glossary/schema';
import { t } from '../../lib/i18n';
import { entryAcronyms, entryTitle } from '../EntryView';
import {
  type CustomEntryFields,
  EMPTY_FIELDS,
  entryFromFields,
  type FieldError,
  type FieldName,
  fieldsOfEntry,
  withEntry,
  withoutEntry,
} from './custom-entry-form';
import type { Notice } from './types';
import { ConfirmButton, download, errorText, NoticeView, readChosenFile, Section, today } from './widgets';

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

export function CustomEntriesSection(props: {
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
                    <span class="pl-sr-only"> {title.text}</span>
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
