import type { Language } from '../glossary/schema';
import type { Settings } from '../lib/settings';

/** The card's language: the setting, or the language of the text the highlight is in. */
export function cardLanguage(setting: Settings['cardLanguage'], el: Element): Language {
  if (setting !== 'page') return setting;
  const lang = el.closest('[lang]')?.getAttribute('lang') ?? el.ownerDocument.documentElement.lang ?? '';
  return lang.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
