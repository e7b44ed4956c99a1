import type { Language } from '../../glossary/schema';
import { t } from '../../lib/i18n';
import { CARD_LANGUAGES, HOVER_DELAY, type Settings } from '../../lib/settings';
import type { Update } from './types';
import { Choice, Section } from './widgets';

// 2. Card ------------------------------------------------------------------------------------

export function CardSection({ settings, update, lang }: { settings: Settings; update: Update; lang: Language }) {
  const number = new Intl.NumberFormat(lang);
  const setDelay = (value: string, persist: boolean) => {
    const hoverDelayMs = Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, Math.round(Number(value))));
    if (Number.isFinite(hoverDelayMs)) update((s) => ({ ...s, hoverDelayMs }), persist);
  };
  const delay = t('options_milliseconds', number.format(settings.hoverDelayMs));
  return (
    <Section id="card" title={t('options_card')}>
      <div class="op-field">
        <label for="hover-delay" class="op-label">
          {t('options_hoverDelay')}
        </label>
        <div class="op-range">
          <input
            id="hover-delay"
            type="range"
            min={HOVER_DELAY.min}
            max={HOVER_DELAY.max}
            step={50}
            value={settings.hoverDelayMs}
            aria-valuetext={delay}
            aria-describedby="hover-delay-hint"
            onInput={(e) => setDelay(e.currentTarget.value, false)}
            onChange={(e) => setDelay(e.currentTarget.value, true)}
          />
          <output for="hover-delay" class="op-range__value">
            {delay}
          </output>
        </div>
        <p id="hover-delay-hint" class="op-hint">
          {t('options_hoverDelayHint', [number.format(HOVER_DELAY.min), number.format(HOVER_DELAY.max)])}
        </p>
      </div>
      <Choice
        legend={t('options_cardLanguage')}
        name="card-language"
        value={settings.cardLanguage}
        options={CARD_LANGUAGES}
        label={(l) => t(`options_cardLanguage_${l}`)}
        onChange={(cardLanguage) => update((s) => ({ ...s, cardLanguage }))}
      />
    </Section>
  );
}
