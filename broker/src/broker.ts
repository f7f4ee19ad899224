/**
 * The broker as one fetch handler, the same on Workers (worker.ts) and on Node (node.ts):
 *
 *   GET  /.well-known/attio-explorer   metadata the extension reads from the one URL a user configures
 *   GET  /authorize                     checks the callback, seals {callback, nonce, challenge, exp} into state,
 *                                       302 to Attio's authorize URL with the broker's /callback as redirect_uri
 *   GET  /callback                      opens the state, 302 to the sealed callback with code (or error) + nonce + state
 *   POST /token                         PKCE check against the sealed challenge, then one request to Attio's token URL
 *   GET  /healthz                       200
 *
 * Nothing is stored and nothing is logged: codes, tokens, verifiers and secrets never reach a log line.
 */
import { allowedCallback, isAllowedWebOrigin } from './callbacks';
import { BrokerConfig, Env, readConfig } from './config';
import { constantTimeEqual } from './encoding';
import { exchangeCode } from './exchange';
import { isValidChallenge, isValidVerifier, s256Challenge } from './pkce';
import { MemoryRateLimiter, RateLimiter, bindingLimiter } from './rateLimit';
import { boundedText, errorPage, json, oauthError, redirect } from './responses';
import { open, seal, sealingKey } from './sealing';

export const METADATA_PATH = '/.well-known/attio-explorer';
export const METADATA_VERSION = 1;
/** How long a sign-in may take from /authorize to /token (Attio's codes live 10 minutes). */
export const STATE_TTL_MS = 10 * 60 * 1000;
export const MAX_TOKEN_BODY_BYTES = 8 * 1024;
const MAX_PARAM = 256;
const MAX_CODE = 1024;
const PRINTABLE = /^[\x21-\x7e]+$/;

export interface BrokerOptions {
  clock?: () => number;
  /** The upstream fetch (tests count requests through it); default the global fetch. */
  fetcher?: typeof fetch;
}

export interface Broker {
  fetch(request: Request, env: Env, clientIp: string): Promise<Response>;
}

export function createBroker(options: BrokerOptions = {}): Broker {
  const clock = options.clock ?? Date.now;
  const memoryLimiters = new Map<number, RateLimiter>();
  const limiterFor = (env: Env, config: BrokerConfig): RateLimiter => {
    if (env.RATE_LIMITER) return bindingLimiter(env.RATE_LIMITER);
    let limiter = memoryLimiters.get(config.rateLimitPerMinute);
    if (!limiter) memoryLimiters.set(config.rateLimitPerMinute, (limiter = new MemoryRateLimiter(config.rateLimitPerMinute, clock)));
    return limiter;
  };

  return {
    async fetch(request, env, clientIp) {
      const url = new URL(request.url);
      const route = `${request.method} ${url.pathname}`;
      if (route === 'GET /healthz' || route === 'HEAD /healthz') return new Response('ok\n', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
      const read = readConfig(env);
      if (!read.ok) {
        return errorPage(500, 'Sign-in broker not configured', `The admin has yet to finish setting up this broker: ${read.problems.join('; ')}.`);
      }
      const config = read.config;
      const origin = config.publicOrigin ?? url.origin;
      const context: RouteContext = { config, origin, now: clock(), fetcher: options.fetcher };
      switch (route) {
        case `GET ${METADATA_PATH}`:
          return metadata(context);
        case 'GET /authorize':
          return (await limited(limiterFor(env, config), 'authorize', clientIp, 'page')) ?? authorize(url.searchParams, context);
        case 'GET /callback':
          return callback(url.searchParams, context);
        case 'OPTIONS /token':
          return preflight(request, config);
        case 'POST /token': {
          const cors = corsHeaders(request, config);
          return (await limited(limiterFor(env, config), 'token', clientIp, 'json', cors)) ?? withHeaders(await token(request, context), cors);
        }
        default:
          return errorPage(404, 'Not found', 'This address is not part of the sign-in broker.');
      }
    },
  };
}

interface RouteContext {
  config: BrokerConfig;
  origin: string;
  now: number;
  fetcher?: typeof fetch;
}

function metadata({ config, origin }: RouteContext): Response {
  return json(
    200,
    {
      version: METADATA_VERSION,
      name: config.appName,
      client_id: config.clientId,
      authorization_endpoint: `${origin}/authorize`,
      token_endpoint: `${origin}/token`,
      scopes: config.scopes,
    },
    { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' },
  );
}

async function limited(limiter: RateLimiter, route: string, clientIp: string, kind: 'page' | 'json', cors: Record<string, string> = {}): Promise<Response | undefined> {
  const decision = await limiter.check(`${route}:${clientIp}`);
  if (decision.allowed) return undefined;
  const headers = { 'retry-after': String(decision.retryAfterSeconds), ...cors };
  return kind === 'page'
    ? errorPage(429, 'Too many sign-in attempts', `Wait ${decision.retryAfterSeconds} seconds, then start the sign-in again from VS Code.`, headers)
    : oauthError(429, 'rate_limited', `Too many requests; retry after ${decision.retryAfterSeconds} seconds.`, headers);
}

/** The single value of a query parameter; undefined when absent, null when repeated. */
function single(query: URLSearchParams, key: string): string | undefined | null {
  const values = query.getAll(key);
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : null;
}

async function authorize(query: URLSearchParams, { config, origin, now }: RouteContext): Promise<Response> {
  const bad = (message: string) => errorPage(400, 'This sign-in link is not valid', `${message} Start the sign-in again from VS Code.`);
  const callbackText = single(query, 'callback');
  const nonce = single(query, 'nonce');
  const challenge = single(query, 'code_challenge');
  const method = single(query, 'code_challenge_method');
  const workspace = single(query, 'workspace');
  if (!callbackText) return bad('The link names no callback.');
  const callbackUrl = allowedCallback(callbackText, config.callbackOrigins);
  if (!callbackUrl) return bad('The callback is not one this broker sends sign-ins to.');
  if (!nonce || nonce.length > MAX_PARAM || !PRINTABLE.test(nonce)) return bad('The link has no valid nonce.');
  if (method !== 'S256') return bad('The link must use PKCE with code_challenge_method=S256.');
  if (!challenge || !isValidChallenge(challenge)) return bad('The link has no valid code_challenge.');
  if (workspace === null || (workspace !== undefined && (workspace.length > MAX_PARAM || !PRINTABLE.test(workspace)))) return bad('The workspace is not valid.');
  const state = await seal(
    { callback: callbackUrl.toString(), nonce, challenge, exp: now + STATE_TTL_MS, ...(workspace ? { workspace } : {}) },
    await sealingKey(config.sealingSecret),
  );
  const target = new URL(config.authorizeUrl);
  target.searchParams.set('client_id', config.clientId);
  target.searchParams.set('response_type', 'code');
  target.searchParams.set('redirect_uri', `${origin}/callback`);
  target.searchParams.set('state', state);
  return redirect(target.toString());
}

async function callback(query: URLSearchParams, { config, now }: RouteContext): Promise<Response> {
  const bad = (message: string) => errorPage(400, 'This sign-in response cannot be used', `${message} Nothing was sent to your editor; start the sign-in again from VS Code.`);
  const stateText = single(query, 'state');
  if (!stateText) return bad('It carries no state.');
  const opened = await open(stateText, await sealingKey(config.sealingSecret), now);
  if (!opened.ok) return bad(opened.reason === 'expired' ? 'It took longer than 10 minutes.' : 'Its state was not made by this broker.');
  const target = allowedCallback(opened.state.callback, config.callbackOrigins);
  if (!target) return bad('Its callback is no longer on this broker\'s allow-list.');
  const code = single(query, 'code');
  const error = single(query, 'error');
  if (code && error === undefined && code.length <= MAX_CODE && PRINTABLE.test(code)) {
    target.searchParams.set('code', code);
    target.searchParams.set('nonce', opened.state.nonce);
    target.searchParams.set('state', stateText);
    return redirect(target.toString());
  }
  if (error && code === undefined) {
    const description = single(query, 'error_description');
    target.searchParams.set('error', /^[A-Za-z0-9_.-]{1,64}$/.test(error) ? error : 'invalid_response');
    if (description) target.searchParams.set('error_description', boundedText(description, 300));
    target.searchParams.set('nonce', opened.state.nonce);
    return redirect(target.toString());
  }
  return bad('Attio answered with neither a code nor an error.');
}

async function token(request: Request, { config, origin, now, fetcher }: RouteContext): Promise<Response> {
  const fields = await readTokenRequest(request);
  if (!fields) return oauthError(400, 'invalid_request', 'Send code, code_verifier and state as JSON or a form (at most 8 KB).');
  const { code, code_verifier: verifier, state } = fields;
  if (!code || code.length > MAX_CODE || !PRINTABLE.test(code)) return oauthError(400, 'invalid_request', 'code is missing or malformed.');
  if (!verifier || !isValidVerifier(verifier)) return oauthError(400, 'invalid_request', 'code_verifier must be 43–128 characters of [A-Za-z0-9-._~].');
  if (!state) return oauthError(400, 'invalid_request', 'state is missing.');
  const opened = await open(state, await sealingKey(config.sealingSecret), now);
  if (!opened.ok) return oauthError(400, 'invalid_grant', opened.reason === 'expired' ? 'The sign-in expired; start again.' : 'The state was not made by this broker.');
  if (!constantTimeEqual(await s256Challenge(verifier), opened.state.challenge)) return oauthError(400, 'invalid_grant', 'The code_verifier does not match the code_challenge.');
  const result = await exchangeCode(config, code, `${origin}/callback`, fetcher);
  if (!result.ok) return json(result.status, result.description ? { error: result.error, error_description: result.description } : { error: result.error });
  return json(200, { access_token: result.accessToken, token_type: result.tokenType }, { pragma: 'no-cache' });
}

type TokenFields = Partial<Record<'code' | 'code_verifier' | 'state', string>>;

async function readTokenRequest(request: Request): Promise<TokenFields | undefined> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_TOKEN_BODY_BYTES) return undefined;
  let text: string;
  try {
    text = await request.text();
  } catch {
    return undefined;
  }
  if (new TextEncoder().encode(text).length > MAX_TOKEN_BODY_BYTES) return undefined;
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  let entries: [string, unknown][];
  if (type === 'application/json') {
    try {
      const value: unknown = JSON.parse(text);
      if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
      entries = Object.entries(value);
    } catch {
      return undefined;
    }
  } else if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(text);
    if (['code', 'code_verifier', 'state'].some(k => form.getAll(k).length > 1)) return undefined;
    entries = [...form.entries()];
  } else {
    return undefined;
  }
  const fields: TokenFields = {};
  for (const [key, value] of entries) {
    if ((key === 'code' || key === 'code_verifier' || key === 'state') && typeof value === 'string') fields[key] = value;
  }
  return fields;
}

function corsHeaders(request: Request, config: BrokerConfig): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin || !isAllowedWebOrigin(origin, config.callbackOrigins)) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' };
}

function preflight(request: Request, config: BrokerConfig): Response {
  const cors = corsHeaders(request, config);
  if (!cors['access-control-allow-origin']) return new Response(null, { status: 204, headers: cors });
  return new Response(null, {
    status: 204,
    headers: { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'Content-Type', 'access-control-max-age': '600' },
  });
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}
