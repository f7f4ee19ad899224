/**
 * Where the broker may send a browser carrying an authorization code: the allow-list of callbacks, and the browser
 * origins that may call /token (CORS).
 *
 * A callback passes only as one of:
 * - this extension's desktop URI: `vscode:` or `vscode-insiders:`, authority exactly EXTENSION_ID, path exactly
 *   OAUTH_CALLBACK_PATH (a query such as VS Code's `windowId` is kept);
 * - VS Code for the Web's callback page on vscode.dev, insiders.vscode.dev or github.dev: https, path exactly
 *   WEB_CALLBACK_PATH, naming this extension (`vscode-authority`), a desktop scheme (`vscode-scheme`) and the
 *   callback path (`vscode-path`), each exactly once;
 * - a URL on an origin the admin configured (ALLOWED_CALLBACK_ORIGINS: the team's own code-server and the like), any
 *   path (a server may live under a base path), naming this extension and the callback path the same way (its
 *   `vscode-scheme` is the host's own, e.g. code-server's `code-oss`): a page there that routes callbacks to
 *   extensions must not be handed a code for another extension.
 *
 * The raw text is checked before parsing (printable ASCII, no backslash, bounded), never userinfo or a fragment, and
 * the broker redirects to the parsed URL's own serialisation: what was checked is what the browser follows.
 */

/** Must equal src/constants.ts EXTENSION_ID and OAUTH_CALLBACK_PATH of the extension (checked by a test). */
export const EXTENSION_ID = 'attio-explorer.attio-explorer';
export const OAUTH_CALLBACK_PATH = '/auth/callback';
export const DESKTOP_SCHEMES: readonly string[] = ['vscode', 'vscode-insiders'];
export const KNOWN_WEB_ORIGINS: readonly string[] = ['https://vscode.dev', 'https://insiders.vscode.dev', 'https://github.dev'];
/** The route of VS Code for the Web's URL callback page (`asExternalUri` of a `vscode://` URI in a web window). */
export const WEB_CALLBACK_PATH = '/callback';
export const MAX_CALLBACK_LENGTH = 2048;
/** VS Code for the Web runs extensions in a worker on a random subdomain of vscode-cdn.net: its fetches carry that origin. */
const WEB_WORKER_ORIGIN = /^https:\/\/[a-z0-9-]{1,63}\.vscode-cdn\.net$/;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
/** A DNS name or an IP address: no wildcard or other character a configured origin could not mean literally. */
const HOSTNAME = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;

/** The callback as a URL when the allow-list admits it, else undefined. */
export function allowedCallback(raw: string, configuredOrigins: readonly string[]): URL | undefined {
  if (raw.length > MAX_CALLBACK_LENGTH || !PRINTABLE_ASCII.test(raw) || raw.includes('\\')) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.hash || raw.includes('#')) return undefined;
  const scheme = url.protocol.slice(0, -1);
  if (DESKTOP_SCHEMES.includes(scheme)) return url.host === EXTENSION_ID && url.pathname === OAUTH_CALLBACK_PATH ? url : undefined;
  if (scheme !== 'https' && scheme !== 'http') return undefined;
  if (configuredOrigins.includes(url.origin)) return namesThisExtension(url.searchParams, HOST_SCHEME) ? url : undefined;
  if (scheme === 'https' && KNOWN_WEB_ORIGINS.includes(url.origin) && url.pathname === WEB_CALLBACK_PATH && namesThisExtension(url.searchParams, DESKTOP_SCHEME)) {
    return url;
  }
  return undefined;
}

const DESKTOP_SCHEME = /^(?:vscode|vscode-insiders)$/;
const HOST_SCHEME = /^[a-z][a-z0-9+.-]{0,31}$/;

/** VS Code's web callback query (`vscode-authority`, `vscode-scheme`, `vscode-path`) names this extension's callback, each once. */
function namesThisExtension(query: URLSearchParams, schemes: RegExp): boolean {
  const one = (key: string): string | undefined => {
    const values = query.getAll(key);
    return values.length === 1 ? values[0] : undefined;
  };
  const scheme = one('vscode-scheme');
  return one('vscode-authority') === EXTENSION_ID && scheme !== undefined && schemes.test(scheme) && one('vscode-path') === OAUTH_CALLBACK_PATH;
}

/** Whether a browser page or worker of `origin` may call /token: VS Code for the Web, its workers, configured origins. */
export function isAllowedWebOrigin(origin: string, configuredOrigins: readonly string[]): boolean {
  return KNOWN_WEB_ORIGINS.includes(origin) || WEB_WORKER_ORIGIN.test(origin) || configuredOrigins.includes(origin);
}

/**
 * Parses ALLOWED_CALLBACK_ORIGINS (comma- or space-separated origins such as `https://code.example.com`); an entry
 * that is not an http(s) origin alone (a path, userinfo, a wildcard) is reported, never widened.
 */
export function parseOrigins(text: string | undefined): { origins: string[]; invalid: string[] } {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const entry of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    try {
      const url = new URL(entry);
      const bare = entry.replace(/\/$/, '').toLowerCase() === url.origin && HOSTNAME.test(url.hostname);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && bare) origins.push(url.origin);
      else invalid.push(entry);
    } catch {
      invalid.push(entry);
    }
  }
  return { origins, invalid };
}
