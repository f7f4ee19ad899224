/**
 * The broker's integration scenery: the repository's local Attio-compatible server (test/server, its OAuth
 * endpoints) and a browser stand-in that follows one redirect at a time, as a person's browser would.
 */
import assert from 'node:assert/strict';
import { AttioTestServer, startAttioServer } from '../../../test/server/index';
import { s256Challenge } from '../../src/pkce';

export const SEALING_KEY = 'integration-sealing-key-0123456789abcdef';
export const DESKTOP_CALLBACK = 'vscode://attio-explorer.attio-explorer/auth/callback?windowId=3';
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

export async function startAttio(): Promise<AttioTestServer> {
  return startAttioServer({ rateLimit: false, oauth: { autoDecision: 'approve' } });
}

/** The broker's variables for `attio`, as wrangler [vars] + secrets would hold them. */
export function brokerEnv(attio: AttioTestServer): Record<string, string> {
  return {
    ATTIO_CLIENT_ID: attio.oauth.clientId,
    ATTIO_CLIENT_SECRET: attio.oauth.clientSecret,
    SEALING_KEY,
    ATTIO_AUTHORIZE_URL: attio.oauth.authorizeUrl,
    ATTIO_TOKEN_URL: attio.oauth.tokenUrl,
    SCOPES: 'record_permission:read task:read-write',
    APP_NAME: 'Attio Explorer (integration)',
    ALLOWED_CALLBACK_ORIGINS: 'http://127.0.0.1:3050',
  };
}

/** One browser step: GET without following, answering status and Location. */
export async function visit(url: string, headers: Record<string, string> = {}): Promise<{ status: number; location: string | null; text: string }> {
  const res = await fetch(url, { redirect: 'manual', headers });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

export interface SignInStart {
  /** Where the broker's /callback sent the browser (the editor's callback with code, nonce, state). */
  landed: URL;
  /** The Attio authorize URL the broker redirected to. */
  attioAuthorize: URL;
}

/** /authorize at the broker → Attio's authorize (auto-decided) → the broker's /callback → the editor's callback. */
export async function signInUntilCallback(broker: string, headers: Record<string, string> = {}, callback = DESKTOP_CALLBACK, verifier = VERIFIER): Promise<SignInStart> {
  const q = new URLSearchParams({ callback, nonce: 'nonce-42', code_challenge: await s256Challenge(verifier), code_challenge_method: 'S256' });
  const toAttio = await visit(`${broker}/authorize?${q}`, headers);
  assert.equal(toAttio.status, 302, toAttio.text);
  const attioAuthorize = new URL(toAttio.location!);
  const toBroker = await visit(attioAuthorize.toString());
  assert.equal(toBroker.status, 302, toBroker.text);
  assert.ok(toBroker.location!.startsWith(`${broker}/callback?`), toBroker.location!);
  const toEditor = await visit(toBroker.location!, headers);
  assert.equal(toEditor.status, 302, toEditor.text);
  return { landed: new URL(toEditor.location!), attioAuthorize };
}

export async function exchange(broker: string, body: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, string>; headers: Headers }> {
  const res = await fetch(`${broker}/token`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, string>, headers: res.headers };
}

export const tokenRequests = (attio: AttioTestServer) => attio.requests.filter(r => r.path === '/oauth/token').length;
