/**
 * Site rules: which pages the extension runs on (the browser's limits and the user's list of
 * sites, a listed domain covering its subdomains), and what the user types in that list made into
 * the host name the settings store. Pure: no browser APIs.
 */
import type { Settings } from './settings';

/** Whether the extension highlights on a page of this host. A listed domain covers its subdomains. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  const listed = settings.sites.some((site) => host === site || host.endsWith(`.${site}`));
  return settings.siteMode === 'all-except' ? !listed : listed;
}

/** The settings after switching the extension on or off for this host. */
export function withSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  const covering = (site: string) => hostname.toLowerCase() === site || hostname.toLowerCase().endsWith(`.${site}`);
  const listed = settings.siteMode === 'all-except' ? !enabled : enabled;
  const sites = settings.sites.filter((s) => !covering(s));
  return { ...settings, sites: listed ? [...sites, host] : sites };
}

/** Extension stores, where browsers never let extensions run (host, and path prefix if any). */
const STORES: readonly [host: string, path: string][] = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
  ['addons.opera.com', '/'],
];

/**
 * Whether the browser keeps content scripts out of a page at this address: its own pages
 * (chrome:, about:, edge:…), extension pages, view-source and the like, and the extension
 * stores. `file:` pages are not restricted here (they are when the user has not allowed file
 * access, which only the failed message tells). An unknown address (undefined: the browser
 * did not give it) is not known to be restricted either.
 */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (url === undefined || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol === 'file:') return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  const host = parsed.hostname.toLowerCase();
  return STORES.some(([h, path]) => host === h && parsed.pathname.startsWith(path));
}

/** The host name of an http(s) page, lower-cased; undefined for anything else. */
export function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) return undefined;
    return parsed.hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export type HostInput =
  | { ok: true; host: string }
  | { ok: false; reason: 'empty' | 'invalid' }
  | { ok: false; reason: 'listed' | 'covered'; by: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The host name in `input` ("example.org", "https://www.example.org/page", "Café.fr:8080"):
 * lower case, in its ASCII form, without "www.", or why it cannot be added to `listed`.
 */
export function parseHostInput(input: string, listed: readonly string[]): HostInput {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'invalid' };
  if (url.username || url.password) return { ok: false, reason: 'invalid' };
  // What was typed as the host, before the URL parser turned "123" into "0.0.0.123".
  const typed = (withScheme.split('://')[1] ?? '').split(/[/?#:]/)[0]?.toLowerCase() ?? '';
  let host = url.hostname.replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) && host !== typed.replace(/\.$/, '')) return { ok: false, reason: 'invalid' };
  host = host.replace(/^www\./, '');
  const labels = host.split('.');
  if (host.length > 253 || !labels.every((l) => LABEL.test(l))) return { ok: false, reason: 'invalid' };
  if (listed.includes(host)) return { ok: false, reason: 'listed', by: host };
  const parent = listed.find((site) => host.endsWith(`.${site}`));
  if (parent) return { ok: false, reason: 'covered', by: parent };
  return { ok: true, host };
}
