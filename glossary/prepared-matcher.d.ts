declare module 'virtual:prepared-matcher' {
  const prepared: import('./prepare-matcher').PreparedMatcher;
  export default prepared;
}
declare module 'virtual:first-stage' {
  /** The source of the built-in matcher's first stage (`PreparedMatcher['source']`), flags `gu`. */
  const source: string;
  export default source;
}
