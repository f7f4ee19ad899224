/** A data layer on the local Attio-compatible server and the chat tools' runner over it (with the words people read, as shipped), for chat tests. */
import { ToolRunner } from '../../../src/chat/toolRunner';
import type { WorkspaceData } from '../../../src/data';
import { localData, type LocalData } from '../data/localData';
import { errorView, type ErrorView } from '../../../src/session/errorReporter';
import type { AttioTestServer } from '../../server';

/** The error reporter's classification, without recording scope errors or prompting. */
export const describeError = (e: unknown, feature: string): ErrorView => errorView(e, feature, 'Attio', text => text);

export interface ChatHarness {
  data: WorkspaceData;
  /** The connection the data layer sees (a test switches it as another window's workspace switch does). */
  signedIn: LocalData['signedIn'];
  runner: ToolRunner;
  /** Invokes a tool as chat does (in a chat session) unless `inChat` is false (another extension's call). */
  run(name: string, input: unknown, inChat?: boolean): Promise<string>;
  enabled: { on: boolean };
  /** The setting attio.chat.allowToolsOutsideChat (off, as by default). */
  outsideChat: { allowed: boolean };
}

export async function chatHarness(server: AttioTestServer, token = server.tokens.full): Promise<ChatHarness> {
  const { data, signedIn } = await localData(server, { token });
  const enabled = { on: true };
  const outsideChat = { allowed: false };
  const runner = new ToolRunner({ data, describeError, redact: t => t.split(token).join('«redacted»'), enabled: () => enabled.on, allowOutsideChat: () => outsideChat.allowed });
  return { data, signedIn, runner, enabled, outsideChat, run: (name, input, inChat = true) => runner.invoke(name, input, inChat, new AbortController().signal) };
}

/** The demo workspace's Acme Robotics, found as an agent would (search), for tests that need a record to point at. */
export async function findAcme(h: ChatHarness): Promise<{ id: string; url: string }> {
  const s = await h.run('attio_search_records', { query: 'Acme Robotics', object: 'companies', limit: 1 });
  const m = /record_id (\S+) · (\S+)/.exec(s);
  if (!m) throw new Error(`no Acme Robotics in: ${s}`);
  return { id: m[1], url: m[2] };
}
