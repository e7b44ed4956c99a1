import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { parseSettingsFile, SETTINGS_FILE_MAX_BYTES, settingsFileContent } from '../../lib/settings-file';
import type { Notice } from './types';
import { ConfirmButton, download, errorText, NoticeView, readChosenFile, Section, today } from './widgets';

// 7. Settings files and reset -------------------------------------------------------------------

export function SettingsFilesSection({
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
