/** A data layer on the local Attio-compatible server and the chat tools' runner over it, for chat tests. */
import * as assert from 'assert';
import { AttioClient } from '../../../src/attio';
import { ToolRunner } from '../../../src/chat/tools';
import { WorkspaceData, type DataConnection } from '../../../src/data';
import type { ErrorView } from '../../../src/session/errorReporter';
import type { AttioTestServer } from '../../server';
import { MissingScopeError, AuthError, isCancellation, errorMessage } from '../../../src/attio';

/** The error reporter's classification without its vscode side effects. */
export function describeError(e: unknown, feature: string): ErrorView {
  if (isCancellation(e)) return { kind: 'cancelled' };
  if (e instanceof MissingScopeError) {
    const missing = [...e.missingScopes];
    return { kind: 'scope', missing, message: `${feature} needs the ${missing.join(', ')} scope, which this token lacks.` };
  }
  if (e instanceof AuthError) return { kind: 'signedOut', message: 'The token is no longer active. Sign in again.' };
  return { kind: 'other', message: errorMessage(e) };
}

export interface ChatHarness {
  data: WorkspaceData;
  runner: ToolRunner;
  run(name: string, input: unknown, inChat?: boolean): Promise<string>;
  enabled: { on: boolean };
}

export async function chatHarness(server: AttioTestServer, token = server.tokens.full): Promise<ChatHarness> {
  const client = new AttioClient({ baseUrl: server.url, token: () => token, maxRetries: 0, timeoutMs: 5000 });
  const self = await client.self();
  assert.ok(self.active);
  const conn: DataConnection = { key: `chat|${token.slice(0, 6)}`, client, session: { workspaceName: self.workspaceName, workspaceSlug: self.workspaceSlug, memberId: self.authorizedByMemberId } };
  const data = new WorkspaceData({ connection: () => conn, config: () => ({ cacheTtlMs: 300_000, pageSize: 50 }), locale: 'en-US', timeZone: 'UTC' });
  const enabled = { on: true };
  const runner = new ToolRunner({ data, describeError, redact: t => t.split(token).join('«redacted»'), enabled: () => enabled.on });
  return { data, runner, enabled, run: (name, input, inChat = false) => runner.invoke(name, input, inChat, new AbortController().signal) };
}
