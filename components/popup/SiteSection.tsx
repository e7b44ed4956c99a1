import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { isSiteEnabled } from '../../lib/sites';
import type { PageState } from './hooks';

function SiteSwitch(props: { checked: boolean; hostname: string; onChange: (on: boolean) => void }) {
  return (
    <div class="pp-switch">
      <input
        id="pp-site-switch"
        class="pp-switch__input"
        type="checkbox"
        role="switch"
        checked={props.checked}
        aria-checked={props.checked}
        aria-describedby="pp-site-host"
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label class="pp-switch__label" for="pp-site-switch">
        {t('popup_siteSwitch')}
      </label>
      <span id="pp-site-host" class="pp-switch__host">
        {props.hostname}
      </span>
    </div>
  );
}

/**
 * The site switch, or why there is none (the page is loading or off limits), or a way to have the
 * page read where the extension does not run yet.
 */
export function SiteSection(props: {
  page: PageState;
  settings: Settings | undefined;
  onSiteChange: (hostname: string, on: boolean) => void;
  onHighlight: () => void;
}) {
  const { page, settings } = props;
  if (page.kind === 'loading') return <p class="pp-note pp-site">{t('popup_loading')}</p>;
  if (page.kind === 'absent') {
    return (
      <div class="pp-site" data-testid="absent">
        <p class="pp-note">
          {settings?.activation === 'on-request' ? t('popup_notRunning_onRequest') : t('popup_notRunning')}
        </p>
        <button type="button" class="pl-button pp-button--primary" onClick={props.onHighlight}>
          {t('popup_highlightPage')}
        </button>
      </div>
    );
  }
  if (page.kind === 'unavailable') {
    return (
      <p class="pp-note pp-note--warning pp-site" data-testid="unavailable">
        {t('popup_unavailable')}
      </p>
    );
  }
  const host = page.hostname;
  if (!settings || !host) return null;
  return (
    <div class="pp-site">
      <SiteSwitch
        checked={isSiteEnabled(settings, host)}
        hostname={host}
        onChange={(next) => props.onSiteChange(host, next)}
      />
    </div>
  );
}
