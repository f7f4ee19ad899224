/**
 * A signed-in data layer on the local Attio-compatible server, for the tests of everything that reads it (data parts,
 * the editor's link resolution, the chat tools): one client per token, the session `/v2/self` describes, a clock and
 * TTL the test can move, and a connection it can sign out.
 */
import * as assert from 'assert';
import { AttioClient } from '../../../src/attio';
import { WorkspaceData, type DataConnection } from '../../../src/data';
import type { AttioTestServer } from '../../server';

export interface LocalData {
  data: WorkspaceData;
  client: AttioClient;
  /** The active connection (a test may change its key, as a workspace switch does). */
  conn: DataConnection;
  /** What the data layer sees as signed in: set `current` to undefined to sign out. */
  signedIn: { current: DataConnection | undefined };
  clock: { now: number };
  setTtl(ms: number): void;
}

export async function localData(server: AttioTestServer, opts: { token?: string; pageSize?: number } = {}): Promise<LocalData> {
  const token = opts.token ?? server.tokens.full;
  const client = new AttioClient({ baseUrl: server.url, token: () => token, maxRetries: 0, timeoutMs: 10_000 });
  const self = await client.self();
  assert.ok(self.active, 'the token is active');
  const conn: DataConnection = {
    key: `local|${token.slice(0, 8)}`,
    client,
    session: { workspaceName: self.workspaceName, workspaceSlug: self.workspaceSlug, memberId: self.authorizedByMemberId, scopes: [...self.scopes] },
  };
  const signedIn: { current: DataConnection | undefined } = { current: conn };
  const clock = { now: Date.now() };
  let ttl = 300_000;
  const data = new WorkspaceData({
    connection: () => signedIn.current,
    config: () => ({ cacheTtlMs: ttl, pageSize: opts.pageSize ?? 50 }),
    now: () => clock.now,
    locale: 'en-US',
    timeZone: 'UTC',
  });
  return { data, client, conn, signedIn, clock, setTtl: ms => (ttl = ms) };
}

/** API requests (not /v2/self) since the last clear, as "METHOD path"; `ids: false` writes record and other ids as `:id`. */
export function apiCalls(server: AttioTestServer, opts: { ids?: boolean } = {}): string[] {
  return server.requests
    .filter(r => r.path.startsWith('/v2/') && r.path !== '/v2/self')
    .map(r => `${r.method} ${opts.ids === false ? r.path.replace(/[0-9a-f-]{36}/g, ':id') : r.path}`);
}
