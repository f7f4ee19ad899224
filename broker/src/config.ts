/**
 * The broker's configuration, read from its environment: wrangler.toml [vars] and secrets on Workers, process.env on
 * Node. Problems are reported by variable name only, never with a value.
 */
import { parseOrigins } from './callbacks';
import { MIN_SEALING_KEY_LENGTH } from './sealing';
import type { RateLimitBinding } from './rateLimit';

export interface Env {
  ATTIO_CLIENT_ID?: string;
  /** Secret: `wrangler secret put ATTIO_CLIENT_SECRET`. */
  ATTIO_CLIENT_SECRET?: string;
  /** Secret: at least 32 characters (`openssl rand -base64 32`). */
  SEALING_KEY?: string;
  ATTIO_AUTHORIZE_URL?: string;
  ATTIO_TOKEN_URL?: string;
  /** Comma- or space-separated origins of the team's own editor hosts (code-server, …). */
  ALLOWED_CALLBACK_ORIGINS?: string;
  /** Space- or comma-separated: the scopes configured on the Attio app (published in the metadata). */
  SCOPES?: string;
  APP_NAME?: string;
  /** The broker's public origin when a proxy stands in front of it (Node); default: the request's own origin. */
  PUBLIC_URL?: string;
  /** Requests per client IP and minute on /authorize and on /token (in-memory fallback; default 30). */
  RATE_LIMIT_PER_MINUTE?: string;
  /** Workers' rate-limiting binding ([[ratelimits]] in wrangler.toml); absent → the in-memory fallback. */
  RATE_LIMITER?: RateLimitBinding;
}

export interface BrokerConfig {
  clientId: string;
  clientSecret: string;
  sealingSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  callbackOrigins: string[];
  scopes: string[];
  appName: string;
  publicOrigin?: string;
  rateLimitPerMinute: number;
}

export const DEFAULT_AUTHORIZE_URL = 'https://app.attio.com/authorize';
export const DEFAULT_TOKEN_URL = 'https://app.attio.com/oauth/token';
export const DEFAULT_APP_NAME = 'Attio Explorer';
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 30;

export type ConfigResult = { ok: true; config: BrokerConfig } | { ok: false; problems: string[] };

export function readConfig(env: Env): ConfigResult {
  const problems: string[] = [];
  const clientId = (env.ATTIO_CLIENT_ID ?? '').trim();
  const clientSecret = env.ATTIO_CLIENT_SECRET ?? '';
  const sealingSecret = env.SEALING_KEY ?? '';
  if (!clientId) problems.push('ATTIO_CLIENT_ID is not set');
  if (!clientSecret) problems.push('ATTIO_CLIENT_SECRET is not set');
  if (sealingSecret.length < MIN_SEALING_KEY_LENGTH) problems.push(`SEALING_KEY must be at least ${MIN_SEALING_KEY_LENGTH} characters`);
  const authorizeUrl = endpoint('ATTIO_AUTHORIZE_URL', env.ATTIO_AUTHORIZE_URL, DEFAULT_AUTHORIZE_URL, problems);
  const tokenUrl = endpoint('ATTIO_TOKEN_URL', env.ATTIO_TOKEN_URL, DEFAULT_TOKEN_URL, problems);
  const { origins, invalid } = parseOrigins(env.ALLOWED_CALLBACK_ORIGINS);
  if (invalid.length > 0) problems.push(`ALLOWED_CALLBACK_ORIGINS has ${invalid.length} entr${invalid.length === 1 ? 'y' : 'ies'} that are not http(s) origins`);
  let publicOrigin: string | undefined;
  if (env.PUBLIC_URL) {
    publicOrigin = parseOrigins(env.PUBLIC_URL).origins[0];
    if (!publicOrigin) problems.push('PUBLIC_URL is not an http(s) origin');
  }
  const rate = env.RATE_LIMIT_PER_MINUTE ? Number(env.RATE_LIMIT_PER_MINUTE) : DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(rate) || rate < 1) problems.push('RATE_LIMIT_PER_MINUTE must be a positive integer');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      clientId,
      clientSecret,
      sealingSecret,
      authorizeUrl,
      tokenUrl,
      callbackOrigins: origins,
      scopes: (env.SCOPES ?? '').split(/[\s,]+/).filter(Boolean),
      appName: (env.APP_NAME ?? '').trim() || DEFAULT_APP_NAME,
      publicOrigin,
      rateLimitPerMinute: rate,
    },
  };
}

/** An Attio endpoint: https, or http on a loopback host (the local test server). */
function endpoint(name: string, value: string | undefined, fallback: string, problems: string[]): string {
  const text = (value ?? '').trim() || fallback;
  try {
    const url = new URL(text);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (!url.username && !url.password && (url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) return url.toString();
  } catch {
    // reported below
  }
  problems.push(`${name} must be an https URL`);
  return fallback;
}
