import { CATEGORIES, CATEGORY_INFO, type Category } from '../../glossary/categories';
import type { Language } from '../../glossary/schema';
import { t } from '../../lib/i18n';
import { HIGHLIGHT_STYLES, type Settings } from '../../lib/settings';
import type { Update } from './types';
import { Choice, Section } from './widgets';

// 1. Highlighting ----------------------------------------------------------------------------

export function HighlightingSection({
  settings,
  update,
  lang,
}: {
  settings: Settings;
  update: Update;
  lang: Language;
}) {
  const setCategory = (c: Category, patch: Partial<Settings['categories'][Category]>, persist = true) =>
    update((s) => ({ ...s, categories: { ...s.categories, [c]: { ...s.categories[c], ...patch } } }), persist);
  return (
    <Section id="highlighting" title={t('options_highlighting')}>
      <fieldset class="op-fieldset">
        <legend class="op-legend">{t('options_categories')}</legend>
        <ul class="op-categories">
          {CATEGORIES.map((c) => {
            const label = CATEGORY_INFO[c].label[lang];
            const { enabled, color } = settings.categories[c];
            return (
              <li key={c} class="op-category" data-category={c}>
                <span class="op-category__swatch" style={{ background: color }} aria-hidden="true" />
                <label class="op-check">
                  <input
                    type="checkbox"
                    checked={enabled}
                    onChange={(e) => setCategory(c, { enabled: e.currentTarget.checked })}
                  />
                  <span>{label}</span>
                </label>
                <label class="op-color">
                  <span class="pl-sr-only">{t('options_colourFor', label)}</span>
                  <input
                    type="color"
                    value={color}
                    onInput={(e) => setCategory(c, { color: e.currentTarget.value.toLowerCase() }, false)}
                    onChange={(e) => setCategory(c, { color: e.currentTarget.value.toLowerCase() })}
                  />
                </label>
                {color !== CATEGORY_INFO[c].color && (
                  <button
                    type="button"
                    class="op-link-button"
                    onClick={() => setCategory(c, { color: CATEGORY_INFO[c].color })}
                  >
                    {t('options_defaultColour')}
                    <span class="pl-sr-only"> ({label})</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <Choice
        legend={t('options_style')}
        name="highlight-style"
        value={settings.highlightStyle}
        options={HIGHLIGHT_STYLES}
        label={(s) => t(`options_style_${s}`)}
        onChange={(highlightStyle) => update((s) => ({ ...s, highlightStyle }))}
      />
      <div class="op-field">
        <label class="op-check">
          <input
            type="checkbox"
            checked={settings.firstMentionOnly}
            aria-describedby="first-only-hint"
            onChange={(e) => {
              const firstMentionOnly = e.currentTarget.checked;
              update((s) => ({ ...s, firstMentionOnly }));
            }}
          />
          <span>{t('options_firstMentionOnly')}</span>
        </label>
        <p id="first-only-hint" class="op-hint">
          {t('options_firstMentionOnlyHint')}
        </p>
      </div>
    </Section>
  );
}
