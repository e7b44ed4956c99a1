/**
 * The highlights' look: one style sheet (style and colours), and an attribute on each highlight
 * that is switched off (its category is off, its entry hidden), set and removed by the content
 * script when the settings change. Turning a category off so restyles the highlights of that
 * category alone: an attribute on the root element that the sheet read made the browser visit
 * the whole page and restyle every highlight, and a rewritten sheet made it visit the whole page
 * (docs/performance.md: measured). "First mention only" is a rule of the sheet, rewritten when it
 * changes: it concerns nearly every highlight anyway. The rules are specific and !important so
 * that page CSS (`* { margin: 10px }`, `[data-x] { display: block }`) cannot restyle highlights.
 * Open shadow roots with highlights adopt a sheet of the same text.
 */

import { CATEGORIES, type Category } from '../glossary/categories';
import type { Settings } from '../lib/settings';
import { HIGHLIGHT_TAG, SWITCHED_OFF } from './highlight-plan';

const SEL = `${HIGHLIGHT_TAG}[data-glossary-id][data-glossary-category]`;
const cssString = (s: string) => JSON.stringify(s);

/** The sheet for a highlight style and colours, and "first mention only". */
export function highlightCss(settings: Pick<Settings, 'highlightStyle' | 'categories' | 'firstMentionOnly'>): string {
  const underline = settings.highlightStyle !== 'background';
  const background = settings.highlightStyle !== 'underline';
  const rules = [
    `${SEL} {
  display: inline !important;
  position: static !important;
  float: none !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  width: auto !important;
  height: auto !important;
  min-width: 0 !important;
  max-width: none !important;
  inset: auto !important;
  transform: none !important;
  opacity: 1 !important;
  visibility: inherit !important;
  box-shadow: none !important;
  outline: none !important;
  filter: none !important;
  font: inherit !important;
  letter-spacing: inherit !important;
  word-spacing: inherit !important;
  text-transform: inherit !important;
  line-height: inherit !important;
  vertical-align: baseline !important;
  white-space: inherit !important;
  color: inherit !important;
  cursor: help !important;
  border-radius: 2px !important;
  text-decoration-line: ${underline ? 'underline' : 'none'} !important;
  text-decoration-style: solid !important;
  text-decoration-thickness: 2px !important;
  text-underline-offset: 0.2em !important;
  text-decoration-skip-ink: none !important;
  text-decoration-color: var(--palermo-lens-color) !important;
  background: ${background ? 'color-mix(in srgb, var(--palermo-lens-color) 16%, transparent)' : 'none'} !important;
  -webkit-box-decoration-break: clone !important;
  box-decoration-break: clone !important;
}`,
    `${SEL}:hover, ${SEL}[data-glossary-active] { background: color-mix(in srgb, var(--palermo-lens-color) 26%, transparent) !important; }`,
    `${SEL}[data-glossary-inner] { text-decoration-style: dotted !important; text-decoration-line: underline !important; text-underline-offset: 0.42em !important; background: none !important; }`,
    `${SEL}[data-glossary-flash] { outline: 3px solid var(--palermo-lens-color) !important; outline-offset: 1px !important; }`,
    ...CATEGORIES.map(
      (c) =>
        `${SEL}[data-glossary-category=${cssString(c)}] { --palermo-lens-color: ${settings.categories[c].color}; }`,
    ),
    `${SEL}[${SWITCHED_OFF}]${settings.firstMentionOnly ? `, ${SEL}:not([data-glossary-first])` : ''} { text-decoration-line: none !important; background: none !important; cursor: inherit !important; }`,
  ];
  return rules.join('\n');
}

/** Whether the highlights of an entry are switched off: their category is off, or the entry hidden. */
export const isSwitchedOff = (settings: Pick<Settings, 'categories' | 'hiddenEntries'>, id: string, category: string) =>
  settings.categories[category as Category]?.enabled === false || settings.hiddenEntries.includes(id);

/**
 * A selector's tail for the highlights whose switch differs between two settings (those of the
 * categories and entries whose state changed), or null when there are none.
 */
export function switchChanges(
  before: Pick<Settings, 'categories' | 'hiddenEntries'>,
  after: Pick<Settings, 'categories' | 'hiddenEntries'>,
): string | null {
  const categories = CATEGORIES.filter((c) => before.categories[c].enabled !== after.categories[c].enabled);
  const hidden = [before.hiddenEntries, after.hiddenEntries];
  const ids = [...new Set(hidden.flat())].filter((id) => hidden[0]?.includes(id) !== hidden[1]?.includes(id));
  const selectors = [
    ...categories.map((c) => `[data-glossary-category=${cssString(c)}]`),
    ...ids.map((id) => `[data-glossary-id=${cssString(id)}]`),
  ];
  return selectors.length ? `:is(${selectors.join(', ')})` : null;
}

/** Marks the highlights switched off under these settings, and only them; returns how many changed. */
export function markSwitchedOff(
  marks: Iterable<Element>,
  settings: Pick<Settings, 'categories' | 'hiddenEntries'>,
): number {
  let changed = 0;
  for (const mark of marks) {
    const off = isSwitchedOff(
      settings,
      mark.getAttribute('data-glossary-id') ?? '',
      mark.getAttribute('data-glossary-category') ?? '',
    );
    // Only a change restyles: the highlights that stay as they were are not touched.
    if (off !== mark.hasAttribute(SWITCHED_OFF)) {
      mark.toggleAttribute(SWITCHED_OFF, off);
      changed++;
    }
  }
  return changed;
}

/** Whether a highlight is drawn under these settings (the card opens only for those). */
export function isDrawn(mark: Element, settings: Settings): boolean {
  const category = mark.getAttribute('data-glossary-category') as Category;
  const id = mark.getAttribute('data-glossary-id') ?? '';
  return (
    !isSwitchedOff(settings, id, category) && (!settings.firstMentionOnly || mark.hasAttribute('data-glossary-first'))
  );
}
