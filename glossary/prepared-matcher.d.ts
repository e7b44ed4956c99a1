declare module 'virtual:prepared-matcher' {
  const prepared: import('./prepare-matcher').PreparedMatcher;
  export default prepared;
}
