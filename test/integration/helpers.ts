/** Shared by the integration suites: reach the extension's test API, point it at a local Attio server, sign out, read the trees and the logs. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { StoredSession } from '../../src/session/tokenStore';
import { extensionSettings } from '../harness/attioServer';
import { startAttioServer, type AttioTestServer, type StartOptions } from '../server';

export const EXTENSION_ID = 'attio-explorer.attio-explorer';

export async function extensionApi(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const api = await ext.activate();
  if (!api) throw new Error('the extension returned no test API (is the host in test mode?)');
  return api;
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}


/** Starts a local Attio-compatible server and points the extension (API and OAuth settings) at it. */
export async function startServerFor(opts: StartOptions = {}): Promise<AttioTestServer> {
  // the relay forwards OAuth callbacks only to hosts it knows: the one this window's callbacks go through is ours
  const callback = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/auth/callback`));
  const ownOrigin = /^https?$/.test(callback.scheme) ? [`${callback.scheme}://${callback.authority}`] : [];
  const server = await startAttioServer({ rateLimit: false, ...opts, oauth: { ...opts.oauth, relayOrigins: [...ownOrigin, ...(opts.oauth?.relayOrigins ?? [])] } });
  const all = vscode.workspace.getConfiguration();
  for (const [key, value] of Object.entries(extensionSettings(server))) await all.update(key, value, vscode.ConfigurationTarget.Global);
  const api = await extensionApi();
  await waitFor(() => api.connection.apiBaseUrl === server.url || undefined, 'the extension to pick up the server URL');
  return server;
}

/**
 * Runs "Attio: Sign In" with `request` (honoured because the tests run in test mode) and returns the session it
 * stored and made active, read through the test API: the command itself answers only `true`, never the session
 * (which holds the token). Undefined when nobody was signed in.
 */
export async function signInCommand(request: object): Promise<StoredSession | undefined> {
  const api = await extensionApi();
  const signedIn = await vscode.commands.executeCommand<boolean | undefined>('attio.signIn', request);
  if (signedIn === undefined) return undefined;
  assert.strictEqual(signedIn, true, 'Sign In answers true, nothing more');
  const { sessions, activeId } = await api.auth.current();
  return sessions.find(s => s.id === activeId);
}

/** Presses Escape on every prompt `attempt` opens (a Quick Pick, an input box) until it settles; its outcome. */
export async function dismissPrompts<T>(attempt: Thenable<T>, what: string): Promise<T> {
  const done = Promise.resolve(attempt).then(v => ({ v }));
  // repeated until the prompt has closed: it may not be open yet
  for (let i = 0; i < 40; i++) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const outcome = await Promise.race([done, new Promise<undefined>(r => setTimeout(r, 250))]);
    if (outcome) return outcome.v;
  }
  return assert.fail(`${what}: still waiting after its prompts were closed`);
}

/** Signs in with a pasted token (as the Sign In command does) and waits until the data layer has the session. */
export async function signInWith(token: string): Promise<void> {
  const api = await extensionApi();
  await vscode.commands.executeCommand('attio.signIn', { method: 'token', token });
  await waitFor(() => (api.connection.current?.session.accessToken === token && api.data.signedIn) || undefined, 'sign-in');
}

export async function signOutAll(): Promise<void> {
  const api = await extensionApi();
  for (const s of (await api.auth.current()).sessions) await vscode.commands.executeCommand('attio.signOut', { sessionId: s.id, removeClientSecret: true });
}

/**
 * For a suite: a local Attio server the extension points at, signed out before the suite and after it.
 * Returns a getter (the server exists once suiteSetup has run).
 */
export function suiteServer(opts: StartOptions = {}): () => AttioTestServer {
  let server: AttioTestServer | undefined;
  suiteSetup(async () => {
    server = await startServerFor(opts);
    await signOutAll();
  });
  suiteTeardown(async () => {
    await signOutAll();
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the suite server is not started yet');
    return server;
  };
}

/** The text of every log file of this window (every channel, VS Code's own too; the files lag the writes by about a second). */
async function logFileTexts(): Promise<string[]> {
  const api = await extensionApi();
  const texts: string[] = [];
  const walk = (p: string): void => {
    for (const e of fs.readdirSync(p, { withFileTypes: true })) {
      const full = path.join(p, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.log')) texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.resolve(api.logUri.fsPath, '..', '..'));
  return texts;
}

const occurrences = (texts: readonly string[], needle: string): number => texts.reduce((n, t) => n + t.split(needle).length - 1, 0);

/** How often `needle` occurs in the lines the extension has written to its "Attio" log (counted as they are written). */
export async function logCount(needle: string): Promise<number> {
  return occurrences((await extensionApi()).logLines, needle);
}

/** For leak scans: how often `needle` occurs in the Attio log's lines and in every log file of this window. */
export async function logLeakCount(needle: string): Promise<number> {
  return (await logCount(needle)) + occurrences(await logFileTexts(), needle);
}

/** The last Attio log line containing `needle`. */
export async function logText(needle: string): Promise<string> {
  return [...(await extensionApi()).logLines].reverse().find(l => l.includes(needle)) ?? '';
}

/** Waits until `server` has had no new request for `ms` (the loads already started have finished). */
export async function serverQuiet(server: AttioTestServer, ms = 500): Promise<void> {
  let seen = -1;
  let since = Date.now();
  await waitFor(() => {
    if (server.requests.length !== seen) [seen, since] = [server.requests.length, Date.now()];
    return Date.now() - since >= ms || undefined;
  }, `the server to go quiet for ${ms} ms`);
}

/**
 * How a test says "nothing more happens": checks `probe` until `ms` have passed and fails, naming `what`, as soon as it
 * is false. (Absence has no event to wait for; this is the observation window, stated.)
 */
export async function holdsFor(probe: () => boolean | Promise<boolean>, what: string, ms: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (!(await probe())) assert.fail(`${what}: stopped holding after ${Date.now() - start} ms`);
    if (Date.now() - start >= ms) return;
    await new Promise(r => setTimeout(r, 50));
  }
}

/** One row of a tree as a person sees it. */
export interface TreeRow<N> {
  node: N;
  label: string;
  description: string;
  contextValue: string;
  collapsible: boolean;
  command?: vscode.Command;
  tooltip: string;
}

interface RowProvider<N> {
  getChildren(node?: N): vscode.ProviderResult<N[]>;
  getTreeItem(node: N): vscode.TreeItem | Thenable<vscode.TreeItem>;
  resolveTreeItem?(item: vscode.TreeItem, node: N, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem>;
}

/** A tree level's rows (label, description, context value, command, tooltip), as the suites about the trees read them. */
export async function treeRows<N extends { localId: string }>(p: RowProvider<N>, node?: N, opts: { developerSections?: boolean } = {}): Promise<TreeRow<N>[]> {
  const children = opts.developerSections ? ((await p.getChildren(node)) ?? []) : await treeChildren(p, node);
  const out: TreeRow<N>[] = [];
  for (const n of children) {
    const base = await p.getTreeItem(n);
    const item = (await p.resolveTreeItem?.(base, n, new vscode.CancellationTokenSource().token)) ?? base;
    const tip = item.tooltip;
    out.push({
      node: n,
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: typeof item.description === 'string' ? item.description : '',
      contextValue: item.contextValue ?? '',
      collapsible: item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
      command: item.command,
      tooltip: typeof tip === 'string' ? tip : (tip?.value ?? ''),
    });
  }
  return out;
}

/** The row labelled `label` (or matching it); fails naming the rows there are. */
export function findRow<R extends { label: string }>(list: R[], label: string | RegExp): R {
  const r = list.find(x => (typeof label === 'string' ? x.label === label : label.test(x.label)));
  assert.ok(r, `row ${label} in [${list.map(x => x.label).join(', ')}]`);
  return r;
}

/** API requests (not /v2/self) since the last clear, as "METHOD path". */
export function apiCalls(server: AttioTestServer): string[] {
  return server.requests.filter(r => r.path.startsWith('/v2/') && r.path !== '/v2/self').map(r => `${r.method} ${r.path}`);
}

/**
 * A tree level as the suites about records, lists and tasks see it: without the developer's Attributes and Webhooks
 * sections, which have a suite of their own (developer.test.ts).
 */
export async function treeChildren<N extends { localId: string }>(p: { getChildren(node?: N): vscode.ProviderResult<N[]> }, node?: N): Promise<N[]> {
  return ((await p.getChildren(node)) ?? []).filter(n => !/^(attributes|webhooks)$/.test(n.localId));
}
