import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { readerAddress } from '../../lib/messages';

/**
 * For a tab that shows a PDF: "Open in Palermo Lens" opens it in the reader. The reader fetches
 * it from its address, for which the extension asks the browser for access to that one site at
 * this moment (the user's click): where the user withdrew the extension's access to all sites,
 * or never granted it (Firefox), the browser asks them.
 */
export function PdfSection(props: { url: string }) {
  const [refused, setRefused] = useState(false);
  const open = async () => {
    const origin = `${new URL(props.url).origin}/*`;
    const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
    setRefused(!granted);
    if (!granted) return;
    await browser.tabs.create({ url: browser.runtime.getURL(readerAddress(props.url)) });
    window.close();
  };
  return (
    <div class="pp-site" data-testid="pdf">
      <p class="pp-note">{t('popup_pdfHint')}</p>
      <button type="button" class="pl-button pp-button--primary" onClick={() => void open()}>
        {t('popup_openInReader')}
      </button>
      {refused && (
        <p class="pp-note pp-note--warning" role="alert">
          {t('popup_permissionRefused')}
        </p>
      )}
    </div>
  );
}
