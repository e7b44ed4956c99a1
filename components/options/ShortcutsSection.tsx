import { useEffect, useState } from 'preact/hooks';
import { type Browser, browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { errorText, Section } from './widgets';

// 5. Keyboard shortcuts -------------------------------------------------------------------------

function isFirefox(): boolean {
  return import.meta.env.FIREFOX || /\bFirefox\//.test(navigator.userAgent);
}

export function ShortcutsSection() {
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
