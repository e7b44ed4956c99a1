/**
 * The highlights' look: one style sheet (style and colours) and three attributes on the root
 * element (categories off, entries hidden, first mention only) that the sheet reads. Turning a
 * category off only changes an attribute: no walk of the page, and the browser restyles the
 * highlights alone, where a new sheet would restyle the whole page. The rules are specific and
 * !important so that page CSS (`* { margin: 10px }`, `[data-x] { display: block }`) cannot
 * restyle highlights. A shadow root cannot see the root element's attributes (Firefox has no
 * `:host-context()`): the open shadow roots that hold highlights share a second sheet, the same
 * rules with the switched-off categories and entries written into it, rewritten when they change.
 */

import { CATEGORIES, type Category } from '../glossary/categories';
import type { Settings } from '../lib/settings';
import { HIGHLIGHT_TAG } from './highlighter';

const SEL = `${HIGHLIGHT_TAG}[data-glossary-id][data-glossary-category]`;
const cssString = (s: string) => JSON.stringify(s);

const OFF = 'data-palermo-lens-off';
const HIDDEN = 'data-palermo-lens-hidden';
const FIRST_ONLY = 'data-palermo-lens-first-only';

/**
 * The sheet for a highlight style and colours; `ids` are the entries that can be hidden. For the
 * document, what is switched off is read from the root attributes; for a shadow root, it is
 * written in from the settings.
 */
export function highlightCss(
  settings: Pick<Settings, 'highlightStyle' | 'categories' | 'hiddenEntries' | 'firstMentionOnly'>,
  ids: readonly string[],
  scope: 'document' | 'shadow-root' = 'document',
): string {
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
  ];
  const off =
    scope === 'document'
      ? [
          ...CATEGORIES.map((c) => `html[${OFF}~=${cssString(c)}] ${SEL}[data-glossary-category=${cssString(c)}]`),
          ...ids.map((id) => `html[${HIDDEN}~=${cssString(id)}] ${SEL}[data-glossary-id=${cssString(id)}]`),
          `html[${FIRST_ONLY}] ${SEL}:not([data-glossary-first])`,
        ]
      : [
          ...CATEGORIES.filter((c) => !settings.categories[c].enabled).map(
            (c) => `${SEL}[data-glossary-category=${cssString(c)}]`,
          ),
          ...settings.hiddenEntries.map((id) => `${SEL}[data-glossary-id=${cssString(id)}]`),
          ...(settings.firstMentionOnly ? [`${SEL}:not([data-glossary-first])`] : []),
        ];
  if (off.length)
    rules.push(
      `${off.join(',\n')} { text-decoration-line: none !important; background: none !important; cursor: inherit !important; }`,
    );
  return rules.join('\n');
}

/** Sets the root attributes for the settings that switch highlights off; null removes them. */
export function applyRootAttributes(root: Element, settings: Settings | null): void {
  const set = (name: string, value: string) => {
    if (value && root.getAttribute(name) !== value) root.setAttribute(name, value);
    else if (!value && root.hasAttribute(name)) root.removeAttribute(name);
  };
  set(OFF, settings ? CATEGORIES.filter((c) => !settings.categories[c].enabled).join(' ') : '');
  set(HIDDEN, settings ? settings.hiddenEntries.join(' ') : '');
  set(FIRST_ONLY, settings?.firstMentionOnly ? 'true' : '');
}

/** Whether a highlight is drawn under these settings (the card opens only for those). */
export function isDrawn(mark: Element, settings: Settings): boolean {
  const category = mark.getAttribute('data-glossary-category') as Category;
  const id = mark.getAttribute('data-glossary-id') ?? '';
  return (
    settings.categories[category]?.enabled !== false &&
    !settings.hiddenEntries.includes(id) &&
    (!settings.firstMentionOnly || mark.hasAttribute('data-glossary-first'))
  );
}
