/**
 * The highlights' look, as one style sheet generated from the settings. Changing a setting only
 * replaces this sheet's text: no walk of the page. The rules are specific and !important so that
 * page CSS (`* { margin: 10px }`, `[data-x] { display: block }`) cannot restyle highlights.
 */

import { CATEGORIES } from '../../glossary/schema';
import type { Settings } from '../../lib/settings';
import { HIGHLIGHT_TAG } from './highlighter';

const SEL = `${HIGHLIGHT_TAG}[data-glossary-id][data-glossary-category]`;
const cssString = (s: string) => JSON.stringify(s);

export function highlightCss(settings: Settings): string {
  const underline = settings.highlightStyle !== 'background';
  const background = settings.highlightStyle !== 'underline';
  const rules = [
    `${SEL} {
  all: unset !important;
  display: inline !important;
  font: inherit !important;
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
  const off = [
    ...CATEGORIES.filter((c) => !settings.categories[c].enabled).map(
      (c) => `${SEL}[data-glossary-category=${cssString(c)}]`,
    ),
    ...settings.hiddenEntries.map((id) => `${SEL}[data-glossary-id=${cssString(id)}]`),
    ...(settings.firstMentionOnly ? [`${SEL}:not([data-glossary-first])`] : []),
  ];
  if (off.length) {
    rules.push(
      `${off.join(',\n')} { text-decoration-line: none !important; background: none !important; cursor: inherit !important; }`,
    );
  }
  return rules.join('\n');
}
