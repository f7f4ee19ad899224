/** The broker's answers: plain error pages (never a redirect), JSON, redirects, and the headers every answer carries. */

const SECURITY_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** A page a person reads in the browser: plain text, so nothing in it can be markup. */
export function errorPage(status: number, title: string, message: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(`${title}\n\n${message}\n`, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extraHeaders },
  });
}

export function json(status: number, body: unknown, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', ...extraHeaders },
  });
}

export function oauthError(status: number, error: string, description: string, extraHeaders: Record<string, string> = {}): Response {
  return json(status, { error, error_description: description }, extraHeaders);
}

export function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { ...SECURITY_HEADERS, location } });
}

/** Text from elsewhere made safe to forward: no control characters, at most `max` characters. */
export function boundedText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
