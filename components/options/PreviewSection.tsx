import type { TargetedPointerEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { glossary } from '../../glossary';
import { compileMatcher } from '../../glossary/matcher';
import { mergeEntries } from '../../glossary/merge';
import type { Entry, Language } from '../../glossary/schema';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { highlightCss, isDrawn, isSwitchedOff, markSwitchedOff } from '../../page/highlight-style';
import { Highlighter } from '../../page/highlighter';
import { EntryView } from '../EntryView';
import { Section } from './widgets';

// 6. Live preview ---------------------------------------------------------------------------------

/** The preview's sample: the "At regional level" paragraph of the source document. */
export const PREVIEW_TEXT =
  'France ratified the Council of Europe Convention on Action against Trafficking in Human Beings in 2008. The Convention makes the protection of victims and defence of their rights a central tenet of the mechanism for combating trafficking. The Council has also set up a treaty body, the Group of Experts on Action against Trafficking in Human Beings (GRETA), which is responsible for monitoring the implementation of the Convention. France cooperates actively with GRETA, welcoming the visit of a GRETA delegation on its first evaluation round in 2012. A national plan of action is being drawn up to implement the treaty body’s recommendations.';
const PREVIEW_ENTRY = 'greta';

export function PreviewSection(props: {
  settings: Settings;
  custom: readonly Entry[];
  lookup: (id: string) => Entry | undefined;
}) {
  const { settings, custom, lookup } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const highlighterRef = useRef<Highlighter | null>(null);
  const styleRef = useRef<HTMLStyleElement | null>(null);
  const [cardId, setCardId] = useState(PREVIEW_ENTRY);
  const customRef = useRef(custom);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  // The paragraph is ours, not Preact's: the highlighter rewrites its text nodes.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const controller = new AbortController();
    const paragraph = document.createElement('p');
    paragraph.className = 'op-preview__text';
    paragraph.lang = 'en';
    paragraph.textContent = PREVIEW_TEXT;
    container.append(paragraph);
    const style = document.createElement('style');
    document.head.append(style);
    styleRef.current = style;
    highlighterRef.current = new Highlighter({
      matcher: compileMatcher(mergeEntries(glossary, customRef.current)),
      root: paragraph,
      signal: controller.signal,
      switchedOff: (id, category) => isSwitchedOff(settingsRef.current, id, category),
    });
    void highlighterRef.current.start();
    return () => {
      controller.abort();
      highlighterRef.current?.removeAll();
      highlighterRef.current = null;
      paragraph.remove();
      style.remove();
    };
  }, []);

  // The user's entries are highlighted too: a new matcher when they change.
  useEffect(() => {
    if (customRef.current === custom) return;
    customRef.current = custom;
    void highlighterRef.current?.replaceMatcher(compileMatcher(mergeEntries(glossary, custom)));
  }, [custom]);

  useEffect(() => {
    const css = highlightCss(settings);
    if (styleRef.current && styleRef.current.textContent !== css) styleRef.current.textContent = css;
    if (highlighterRef.current) markSwitchedOff(highlighterRef.current.marks(), settings);
  }, [settings]);

  // Resting the pointer on a highlight shows its card, after the hover delay.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onPointerOver = (event: TargetedPointerEvent<HTMLDivElement>) => {
    const mark = (event.target as Element).closest('palermo-mark');
    clearTimeout(timer.current);
    const id = mark?.getAttribute('data-glossary-id');
    // As on a page: only a drawn highlight opens its card.
    if (mark && id && lookup(id) && isDrawn(mark, settings))
      timer.current = setTimeout(() => setCardId(id), settings.hoverDelayMs);
  };

  const entry = lookup(cardId) ?? lookup(PREVIEW_ENTRY);
  // The sample is English: "the page's language" is English here.
  const cardLang: Language = settings.cardLanguage === 'page' ? 'en' : settings.cardLanguage;
  return (
    <Section id="preview" title={t('options_preview')} intro={t('options_previewIntro')} class="op-preview">
      <div
        ref={containerRef}
        id="preview-text"
        class="op-preview__sample"
        onPointerOver={onPointerOver}
        onPointerLeave={() => clearTimeout(timer.current)}
      />
      <h3 class="op-subtitle">{t('options_previewCard')}</h3>
      <div class="op-preview__card" id="preview-card">
        {entry && (
          <EntryView entry={entry} lang={cardLang} entryById={lookup} onNavigate={(id) => setCardId(id)} compact />
        )}
      </div>
    </Section>
  );
}
