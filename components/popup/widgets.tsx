/** Small pieces shared by the popup's sections and its search. */
import type { Language } from '../../glossary/schema';
import { t } from '../../lib/i18n';
import { pluralForm } from './popup-state';

const mentionsText = (count: number, lang: Language) => t(`popup_mentions_${pluralForm(count, lang)}`, String(count));

/** `lang` for an element whose text is in `textLang`, inside the page's language: set only when they differ. */
export const langIf = (textLang: Language, lang: Language) => (textLang === lang ? undefined : textLang);

export function CategoryDot({ color }: { color: string }) {
  return <span class="pp-dot" style={{ background: color }} aria-hidden="true" />;
}

/** A number shown as is, read as "12 mentions". */
export function Count({ count, lang }: { count: number; lang: Language }) {
  return (
    <span class="pp-count" data-count={count}>
      <span aria-hidden="true">{count}</span>
      <span class="pl-sr-only">{mentionsText(count, lang)}</span>
    </span>
  );
}
