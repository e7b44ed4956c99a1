/**
 * The options page's list of sites: what the user types (a host name, or an address copied from
 * the address bar) made into the host name the settings store. Pure: no browser APIs.
 */

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
