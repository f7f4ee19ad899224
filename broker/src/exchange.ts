/**
 * The one upstream request of POST /token: the code, the client id and the client secret to Attio's token URL
 * (form-encoded, as Attio documents), no redirect followed, bounded in time and size. The answer is reduced to
 * `{access_token, token_type}` or to an OAuth error code the extension can act on; Attio's description is bounded and
 * has every credential of the request cut out.
 */
import type { BrokerConfig } from './config';
import { boundedText } from './responses';

export type ExchangeResult =
  | { ok: true; accessToken: string; tokenType: string }
  | { ok: false; status: number; error: string; description?: string };

export const UPSTREAM_TIMEOUT_MS = 10_000;
const MAX_UPSTREAM_BODY = 64 * 1024;
const MAX_TOKEN_LENGTH = 4096;
const MAX_DESCRIPTION = 300;
/** RFC 6749 §5.2 codes passed on as they are (400); anything else from Attio is "upstream_unavailable" (502). */
const CLIENT_ERRORS = new Set(['invalid_request', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope', 'access_denied']);

const unavailable: ExchangeResult = { ok: false, status: 502, error: 'upstream_unavailable' };

export async function exchangeCode(config: BrokerConfig, code: string, redirectUri: string, fetcher: typeof fetch = fetch): Promise<ExchangeResult> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    client_id: config.clientId,
    client_secret: config.clientSecret,
    redirect_uri: redirectUri,
  });
  let response: Response;
  let text: string;
  try {
    response = await fetcher(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
    text = await response.text();
  } catch {
    return unavailable;
  }
  if (text.length > MAX_UPSTREAM_BODY) return unavailable;
  const parsed = parseObject(text);
  if (response.status >= 200 && response.status < 300) {
    const token = parsed?.access_token;
    const type = parsed?.token_type ?? 'Bearer';
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH || typeof type !== 'string' || !/^[A-Za-z]{1,20}$/.test(type)) {
      return unavailable;
    }
    return { ok: true, accessToken: token, tokenType: type };
  }
  const error = parsed?.error;
  if (response.status < 400 || response.status >= 500 || typeof error !== 'string') return unavailable;
  const description = typeof parsed?.error_description === 'string' ? redact(parsed.error_description, [code, config.clientSecret, config.clientId]) : undefined;
  if (error === 'invalid_client') {
    return { ok: false, status: 502, error: 'invalid_client', description: 'Attio refused the broker\'s own credentials: the admin should check ATTIO_CLIENT_ID and ATTIO_CLIENT_SECRET.' };
  }
  if (!CLIENT_ERRORS.has(error)) return unavailable;
  return { ok: false, status: 400, error, description };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return boundedText(out, MAX_DESCRIPTION);
}
