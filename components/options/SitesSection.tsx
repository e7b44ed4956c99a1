import type { TargetedSubmitEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { ACTIVATIONS, type Settings, SITE_MODES } from '../../lib/settings';
import { parseHostInput } from '../../lib/sites';
import type { Update } from './types';
import { Choice, Section } from './widgets';

// 3. Sites -----------------------------------------------------------------------------------

export function SitesSection({ settings, update }: { settings: Settings; update: Update }) {
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
        legend={t('options_activation')}
        name="activation"
        value={settings.activation}
        options={ACTIVATIONS}
        label={(a) => t(a === 'on-request' ? 'options_activation_onRequest' : 'options_activation_always')}
        onChange={(activation) => update((s) => ({ ...s, activation }))}
      />
      <p class="op-hint">{t('options_activationHint')}</p>
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
                <span class="pl-sr-only"> {site}</span>
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
