declare module 'virtual:prepared-matcher' {
  const prepared: import('./prepare-matcher').PreparedMatcher;
  export default prepared;
}
declare module 'virtual:first-stage' {
  /** The built-in glossary's expression for the content script's first look (`PreparedMatcher['lookSource']`). */
  const source: string;
  export default source;
}
