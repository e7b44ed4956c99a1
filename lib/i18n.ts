/**
 * The extension pages' UI text, from `_locales/<lang>/messages.json` through `browser.i18n`, so it
 * follows the browser's language. Keys are prefixed by page: `popup_…`, `options_…`, `common_…`.
 */
import { browser } from 'wxt/browser';
import type { Language } from '../glossary/schema';

export function t(key: string, substitutions?: string | string[]): string {
  const getMessage = browser.i18n.getMessage as (name: string, subs?: string | string[]) => string;
  return getMessage(key, substitutions) || key;
}

/**
 * The glossary language of the UI text the browser chose: read from the messages themselves, so
 * that labels and glossary always agree (a browser may report fr-FR and still serve English).
 */
export function uiLanguage(): Language {
  return t('common_language') === 'fr' ? 'fr' : 'en';
}
