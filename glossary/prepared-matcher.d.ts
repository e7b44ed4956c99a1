declare module 'virtual:prepared-matcher' {
  const prepared: import('./prepare-matcher').PreparedMatcher;
  export default prepared;
}
declare module 'virtual:look-terms' {
  /** The words each built-in term requires (`PreparedMatcher['lookTerms']`), one term per line. */
  const lines: string;
  export default lines;
}
