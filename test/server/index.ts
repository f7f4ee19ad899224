/**
 * A local Attio-compatible REST + OAuth server over real HTTP on 127.0.0.1,
 * for the client's tests, integration tests, benchmarks and the demo.
 *
 *   const server = await startAttioServer();
 *   fetch(`${server.url}/v2/self`, { headers: { authorization: `Bearer ${server.tokens.full}` } });
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { applyDrift, applyHugeText, changeSchema, type SchemaEdit } from './drift';
import { ApiError, forbidden, invalidToken, missingAuthorization, nextSecondHttpDate, notFound, rateLimited, serverError, validation } from './errors';
import { FaultDecision, FaultInjector, Faults } from './faults';
import { Reply, jsonReply, readBody, send } from './http';
import { Workspace } from './model';
import { Decision, OAuthProvider, VSCODE_CALLBACK_URI } from './oauth';
import { ALPHANUMERIC, HEX, Prng } from './prng';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rateLimit';
import { matchRoute, operationKey } from './routes';
import { ALL_READ_SCOPES, REQUIRED_SCOPES, hasScopes } from './scopes';
import { CorsPolicy } from './cors';
import { buildWorkspace } from './seed';
import { Token, TokenStore, tokenFromHeader } from './tokens';

export type { Faults } from './faults';
export type { SchemaEdit } from './drift';

export interface StartOptions {
  /** 0 (default) = random free port. */
  port?: number;
  /** demo (default) or a generated large workspace (e.g. 50_000 records spread over objects). */
  workspace?: 'demo' | { records: number };
  faults?: Faults;
  /** Default {readsPerSecond: 100, writesPerSecond: 25}; false disables rate limiting. */
  rateLimit?: { readsPerSecond: number; writesPerSecond: number } | false;
  /** relayOrigins: the team's own hosts (origins) /oauth/relay forwards to, besides VS Code's (see oauth.ts). */
  oauth?: { redirectUris?: string[]; scopes?: string[]; autoDecision?: 'approve' | 'deny'; relayOrigins?: string[] };
  seed?: number;
  /**
   * Origins whose browser pages may call the API (CORS), '*' for any. Default none: Attio does not document whether
   * api.attio.com answers browsers, so the stand-in answers them only when a test says so (the web build's tests name
   * the workbench's origin, see cors.ts).
   */
  corsOrigins?: readonly string[] | '*';
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  /** Token NAME (e.g. 'full'), never the secret. */
  token?: string;
  startedAt: number;
  durationMs: number;
  aborted: boolean;
  body?: unknown;
  /** The injected fault, if any ('cut' = headers and half the body sent, then the socket destroyed). */
  fault?: Exclude<FaultDecision['kind'], 'none'>;
  /** The Retry-After header sent with a 429. */
  retryAfter?: string;
  /** Size of the response body in bytes (as sent in full, or as promised by a cut response's content-length). */
  bytes?: number;
  /** The Origin header: a browser's page or worker sent it (Node's fetch sends none). */
  origin?: string;
}

export interface AttioTestServer {
  /** http://127.0.0.1:PORT */
  url: string;
  tokens: { full: string; readOnly: string; noTasks: string; noLists: string; inactive: string; /** full access to a second, small workspace ("Globex Trading") */ otherWorkspace: string };
  oauth: { clientId: string; clientSecret: string; authorizeUrl: string; tokenUrl: string; relayUrl: string; redirectUris: string[] };
  /** The request log, in arrival order. */
  requests: LoggedRequest[];
  clearRequests(): void;
  /** Replaces the current faults. */
  setFaults(f: Faults): void;
  /** Changes the demo workspace's schema (an attribute or option added, removed, retyped; see drift.ts). */
  changeSchema(edit: SchemaEdit): void;
  setOAuthAutoDecision(d: 'approve' | 'deny' | undefined): void;
  /** Registers one more redirect URI on the OAuth app (a sign-in broker started after this server). */
  allowRedirectUri(uri: string): void;
  /** Lets /oauth/relay forward to one more origin of the team's own (a code-server started after this server). */
  allowRelayOrigin(origin: string): void;
  /** Lets one more browser origin call the API (CORS): a code-server started after this server. */
  allowCorsOrigin(origin: string): void;
  /** Returns the new token value. */
  addToken(name: string, scopes: string[], active?: boolean): string;
  /** Makes the token inactive. */
  revokeToken(token: string): void;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 20240611;
const DEFAULT_OAUTH_SCOPES = [...ALL_READ_SCOPES, 'task:read-write'];

export async function startAttioServer(opts: StartOptions = {}): Promise<AttioTestServer> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const ws = buildWorkspace({ seed, now: Date.now(), records: typeof opts.workspace === 'object' ? opts.workspace.records : undefined });
  // Secrets come from their own generator so workspace contents don't shift them.
  const secretRng = new Prng(seed ^ 0x5f3759df);
  const apiKeyClientId = secretRng.uuid();
  const tokens = new TokenStore(apiKeyClientId);
  const demoTokens = { ...tokens.seedDemoTokens(secretRng, Date.now()), otherWorkspace: tokens.createOtherWorkspaceToken(secretRng, Date.now()) };
  // A second workspace on the same server, for signing in to several workspaces; built on first use.
  let otherWs: Workspace | undefined;
  const workspaceOf = (t: Token): Workspace =>
    t.workspace === 'other' ? (otherWs ??= buildWorkspace({ seed: seed + 17, now: Date.now(), name: 'Globex Trading', slug: 'globex-trading' })) : ws;
  const oauthClientId = secretRng.uuid();
  const oauthClientSecret = secretRng.string(48, ALPHANUMERIC + HEX);
  const faults = new FaultInjector(new Prng(seed + 1), opts.faults);
  const limiter = new RateLimiter(opts.rateLimit === undefined ? DEFAULT_RATE_LIMIT : opts.rateLimit);
  const requests: LoggedRequest[] = [];
  const cors = new CorsPolicy(opts.corsOrigins);

  let oauth: OAuthProvider | undefined;
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, jsonReply(500, serverError(500).toBody()));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const entry: LoggedRequest = { method, path: url.pathname, query: url.search.replace(/^\?/, ''), status: 0, startedAt, durationMs: 0, aborted: false };
    requests.push(entry);
    if (req.headers.origin) entry.origin = req.headers.origin;
    const preflight = cors.apply(req, res);
    if (preflight) {
      send(res, preflight);
      entry.status = preflight.status;
      return;
    }
    // Settled once the server has answered (or deliberately reset the socket);
    // a connection that closes before that was aborted by the client.
    let settled = false;
    const finish = (status: number) => {
      settled = true;
      entry.status = status;
      entry.durationMs = Date.now() - startedAt;
    };
    res.on('close', () => {
      if (!settled) {
        entry.aborted = true;
        entry.durationMs = Date.now() - startedAt;
      }
    });

    const token = resolveToken(req.headers.authorization);
    if (token) entry.token = token.name;
    const rawBody = await readBody(req).catch(() => '');
    const isOAuth = url.pathname === '/authorize' || url.pathname.startsWith('/authorize/') || url.pathname.startsWith('/oauth/');
    entry.body = isOAuth ? redactForm(rawBody) : parseJsonOrRaw(rawBody);
    if (entry.aborted) return;

    if (faults.latencyMs > 0 && (await clientGoneDuring(faults.latencyMs, res))) return;

    // faults hit /v2 paths, or the OAuth token endpoint when aimed at it (Attio down for a broker: the code stays unused)
    const fault: FaultDecision = faults.applies(url.pathname) ? faults.decide() : { kind: 'none' };
    if (fault.kind !== 'none') entry.fault = fault.kind;
    if (fault.kind === 'reset') {
      req.socket.destroy();
      finish(0);
      return;
    }

    if (isOAuth) {
      const faulty = fault.kind === 'rate-limit' ? errorReply(rateLimited()) : fault.kind === 'server-error' ? errorReply(serverError(fault.status)) : undefined;
      const reply = faulty ?? oauth!.handle(method, url, rawBody, req.headers['content-type']) ?? jsonReply(404, notFound(`No route for ${method} ${url.pathname}.`).toBody());
      send(res, reply);
      finish(reply.status);
      return;
    }

    let reply: Reply;
    if (fault.kind === 'rate-limit') {
      reply = errorReply(rateLimited());
    } else if (fault.kind === 'server-error') {
      reply = errorReply(serverError(fault.status));
    } else {
      reply = apiReply(method, url, req.headers.authorization, token, rawBody);
      if (fault.kind === 'malformed' && reply.status === 200 && reply.body) {
        reply = { ...reply, body: reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))) + '\u0000' };
      }
    }
    entry.bytes = Buffer.byteLength(reply.body ?? '');
    if (reply.headers?.['retry-after']) entry.retryAfter = reply.headers['retry-after'];
    if (fault.kind === 'cut') {
      finish(reply.status);
      sendHalfThenReset(res, reply);
      return;
    }
    send(res, reply);
    finish(reply.status);
  }

  function resolveToken(header: string | undefined): Token | undefined {
    const value = tokenFromHeader(header);
    return value ? tokens.get(value) : undefined;
  }

  /** The /v2 pipeline: auth → route → rate limit → scopes → handler → drift. */
  function apiReply(method: string, url: URL, authorization: string | undefined, token: Token | undefined, rawBody: string): Reply {
    try {
      if (tokenFromHeader(authorization) === null) throw missingAuthorization();
      const match = matchRoute(method, url.pathname);
      if (match && operationKey(match.route) === 'GET /v2/self' && !token?.active) {
        return jsonReply(200, applyDrift({ active: false }, faults.drift));
      }
      if (!token || !token.active) throw invalidToken();
      const kind = match?.route.kind ?? (method === 'GET' ? 'read' : 'write');
      if (!limiter.allow(token.name, kind)) throw rateLimited();
      if (!match) throw notFound(`No route for ${method} ${url.pathname}.`);
      if (!hasScopes(token.scopes, REQUIRED_SCOPES[operationKey(match.route)])) throw forbidden();
      const body = parseJsonBody(rawBody);
      const w = workspaceOf(token);
      const data = match.route.handle({ ws: w, params: match.params, query: url.searchParams, body, token, now: Date.now(), selfInfo: (t) => selfInfo(w, t) });
      return jsonReply(200, applyHugeText(applyDrift(data, faults.drift), faults.hugeTextBytes));
    } catch (error) {
      if (error instanceof ApiError) return errorReply(error);
      if (error instanceof URIError) return errorReply(validation('Malformed URL encoding.'));
      throw error;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const relayUrl = `${url}/oauth/relay`;
  const redirectUris = [relayUrl, VSCODE_CALLBACK_URI, ...(opts.oauth?.redirectUris ?? [])];
  oauth = new OAuthProvider(
    {
      appName: 'Attio Explorer for VS Code',
      clientId: oauthClientId,
      clientSecret: oauthClientSecret,
      redirectUris,
      scopes: opts.oauth?.scopes ?? DEFAULT_OAUTH_SCOPES,
      autoDecision: opts.oauth?.autoDecision,
      relayOrigins: (opts.oauth?.relayOrigins ?? []).map(o => new URL(o).origin),
    },
    tokens,
    ws.name,
  );
  const provider = oauth;

  return {
    url,
    tokens: demoTokens,
    oauth: { clientId: oauthClientId, clientSecret: oauthClientSecret, authorizeUrl: `${url}/authorize`, tokenUrl: `${url}/oauth/token`, relayUrl, redirectUris },
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    setFaults: (f: Faults) => faults.set(f),
    changeSchema: (edit: SchemaEdit) => changeSchema(ws, edit),
    setOAuthAutoDecision: (d: Decision | undefined) => provider.setAutoDecision(d),
    allowRedirectUri: (uri: string) => provider.allowRedirectUri(uri),
    allowRelayOrigin: (origin: string) => provider.allowRelayOrigin(origin),
    allowCorsOrigin: (origin: string) => cors.allow(origin),
    addToken: (name: string, scopes: string[], active = true) => tokens.create(name, scopes, active),
    revokeToken: (token: string) => tokens.revoke(token),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function selfInfo(ws: Workspace, token: Token) {
  return {
    active: true,
    scope: [...token.scopes].join(' '),
    client_id: token.clientId,
    token_type: 'Bearer',
    exp: null,
    iat: Math.floor(token.issuedAt / 1000),
    sub: ws.id,
    aud: token.clientId,
    iss: 'attio.com',
    authorized_by_workspace_member_id: ws.members[0].id,
    workspace_id: ws.id,
    workspace_name: ws.name,
    workspace_slug: ws.slug,
    workspace_logo_url: null,
  };
}

function errorReply(error: ApiError): Reply {
  const headers: Record<string, string> = error.status === 429 ? { 'retry-after': nextSecondHttpDate() } : {};
  return jsonReply(error.status, error.toBody(), headers);
}

function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw validation('The request body is not valid JSON.');
  }
}

function parseJsonOrRaw(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** OAuth bodies are logged without secrets or codes. */
function redactForm(raw: string): unknown {
  if (raw === '') return undefined;
  const form = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['client_secret', 'code']) if (key in form) form[key] = '[redacted]';
  return form;
}

/** Sends the headers (with the full content-length) and half the body, then destroys the socket. */
function sendHalfThenReset(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body ?? '', 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

/** Waits `ms`; resolves true (without waiting further) if the client disconnects first. */
function clientGoneDuring(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(false);
    }, ms);
    res.once('close', onClose);
  });
}
