/** The extension's id in Firefox (browser_specific_settings.gecko.id); the tests use it too. */
export const GECKO_ID = 'palermo-lens@palermo-lens.org';
