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

/** The glossary language that matches the browser's UI language. */
export function uiLanguage(): Language {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
