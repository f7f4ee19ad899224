/**
 * CORS for the web build: a browser's worker (vscode.dev, code-server's web-worker extension host) may call the API
 * only if the server says so. The API authenticates with a bearer token in the Authorization header (no cookies), so
 * answering an allowed origin exposes nothing a page could not get with the token itself; which origins are allowed is
 * still the server's choice: none by default, the ones a test names, or any ('*').
 *
 * Allowed: preflights (OPTIONS with Access-Control-Request-Method) get the methods, Authorization and Content-Type,
 * and a max age; every answer gets Access-Control-Allow-Origin and exposes Retry-After (the client's backoff reads
 * it on a 429). An origin not allowed gets no CORS header at all, so the browser blocks the answer.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import type { Reply } from './http';

export class CorsPolicy {
  private readonly origins: Set<string> | '*';

  constructor(origins: readonly string[] | '*' | undefined) {
    this.origins = origins === '*' ? '*' : new Set(origins ?? []);
  }

  allow(origin: string): void {
    if (this.origins !== '*') this.origins.add(new URL(origin).origin);
  }

  private allows(origin: string): boolean {
    return this.origins === '*' || this.origins.has(origin);
  }

  /** Sets the CORS headers of an allowed origin on `res`; returns the answer to a preflight (allowed or not). */
  apply(req: IncomingMessage, res: ServerResponse): Reply | undefined {
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!origin || !this.allows(origin)) return preflight ? { status: 204, headers: { vary: 'Origin' }, body: '' } : undefined;
    res.setHeader('access-control-allow-origin', this.origins === '*' ? '*' : origin);
    res.setHeader('vary', 'Origin');
    if (!preflight) {
      res.setHeader('access-control-expose-headers', 'Retry-After');
      return undefined;
    }
    return {
      status: 204,
      headers: {
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': 'Authorization, Content-Type',
        'access-control-max-age': '600',
      },
      body: '',
    };
  }
}
