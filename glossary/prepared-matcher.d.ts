declare module 'virtual:prepared-matcher' {
  const prepared: import('./prepare-matcher').PreparedMatcher;
  export default prepared;
}
declare module 'virtual:look-terms' {
  /** The built-in terms as the content script's first look uses them (`prepareLookTerms`). */
  const terms: import('./look-index').LookTerms;
  export default terms;
}
