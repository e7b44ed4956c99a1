import { CATEGORIES, CATEGORY_INFO, type Category } from '../../glossary/categories';
import type { Language } from '../../glossary/schema';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import type { MentionSummary } from './popup-state';
import { CategoryDot, Count } from './widgets';

/** Quick category toggles (for every site), with the page's count of each. */
export function CategoriesSection(props: {
  settings: Settings;
  summary: MentionSummary | undefined;
  lang: Language;
  onToggle: (category: Category, on: boolean) => void;
}) {
  const { settings, summary, lang } = props;
  return (
    <section class="pp-section" aria-labelledby="pp-categories-heading">
      <h2 class="pl-heading" id="pp-categories-heading">
        {t('popup_categoriesHeading')}
      </h2>
      <p class="pp-hint" id="pp-categories-hint">
        {t('popup_categoriesHint')}
      </p>
      <ul class="pp-list pp-categories" aria-labelledby="pp-categories-heading" aria-describedby="pp-categories-hint">
        {CATEGORIES.map((c) => (
          <li key={c} class="pp-list__item pp-row" data-category={c}>
            <input
              id={`pp-category-${c}`}
              class="pp-checkbox"
              type="checkbox"
              checked={settings.categories[c].enabled}
              onChange={(e) => props.onToggle(c, e.currentTarget.checked)}
            />
            <label class="pp-row__title pp-category__label" for={`pp-category-${c}`}>
              <CategoryDot color={settings.categories[c].color} />
              {CATEGORY_INFO[c].label[lang]}
            </label>
            {summary && <Count count={summary.categories[c]} lang={lang} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
