/**
 * The few runtime globals the glossary may use beyond the language itself: every place it runs
 * (the extension's pages and scripts, Node at build and test time) has them. Declared here because
 * tsconfig.glossary.json leaves out the DOM's types on purpose.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
