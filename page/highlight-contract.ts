/**
 * The highlight contract's names, which the page, our tests and the card rely on: a module of its
 * own so that the content script's first look (first-look.ts) can know them without the rest.
 */

/** The element of every highlight. A custom tag: no page rule for `mark` or `span` reaches it. */
export const HIGHLIGHT_TAG = 'palermo-mark';
export const HIGHLIGHT_NODE_NAME = 'PALERMO-MARK';
/** On a highlight that is switched off (highlight-style.ts): its category is off or its entry hidden. */
export const SWITCHED_OFF = 'data-glossary-off';
/** Marks the extension's own UI hosts, which are never highlighted. */
export const UI_ATTRIBUTE = 'data-palermo-lens-ui';
