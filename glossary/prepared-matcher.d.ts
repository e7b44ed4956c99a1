declare module 'virtual:prepared-matcher' {
  const prepared: import('./matcher').PreparedMatcher;
  export default prepared;
}
