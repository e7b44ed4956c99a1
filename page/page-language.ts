import type { Language } from '../glossary/schema';
import type { Settings } from '../lib/settings';

/**
 * The card's language: the setting, or the language of the text the highlight is in (a shadow
 * root's text has its host's language).
 */
export function cardLanguage(setting: Settings['cardLanguage'], el: Element): Language {
  if (setting !== 'page') return setting;
  let withLang: Element | null = null;
  for (let e: Element | null = el; e && !withLang; ) {
    withLang = e.closest('[lang]');
    const root = e.getRootNode();
    e = root instanceof ShadowRoot ? root.host : null;
  }
  const lang = withLang?.getAttribute('lang') ?? el.ownerDocument.documentElement.lang ?? '';
  return lang.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
