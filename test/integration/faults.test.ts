/**
 * The fault catalogue (SECURITY.md, "Faults"): each row in a real extension host against the local Attio server's
 * fault injection. Every test asserts what the user sees in the trees and that nothing was lost: data stays visible,
 * the session stays stored, no expansion fails, no request loop.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { AttioAuthProvider } from '../../src/session/authProvider';

import { TokenStore } from '../../src/session/tokenStore';
import { Configuration } from '../../src/common/config';
import { SecretKeys } from '../../src/constants';
import { Redactor } from '../../src/attio';
import { Logger } from '../../src/common/log';
import type { SidebarViews } from '../../src/views/controller';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { NodeTreeProvider } from '../../src/views/provider';
import { ClientFactory } from '../../src/session/clients';
import { Connection } from '../../src/session/connection';
import type { AttioTestServer, LoggedRequest } from '../server';
import { extensionApi, signOutAll, suiteServer, waitFor, findRow, holdsFor, serverQuiet, logCount, treeRows, type TreeRow, signInCommand } from './helpers';

type Row = TreeRow<TreeNode>;
const rows = (p: NodeTreeProvider, node?: TreeNode): Promise<Row[]> => treeRows(p, node);

const errors = (list: Row[]): Row[] => list.filter(r => r.contextValue.startsWith('message:error'));
const labels = (list: Row[]): string[] => list.map(r => r.label);
const isApi = (r: LoggedRequest): boolean => r.path.startsWith('/v2/') && r.path !== '/v2/self';
/** The rows of every view and of the first expandable row of each (Deals in Objects), as a person sees them. */
async function everyRow(t: SidebarViews): Promise<Row[]> {
  const out: Row[] = [];
  for (const [view, under] of [[t.objects, 'Deals'], [t.lists, undefined], [t.tasks, undefined]] as const) {
    const top = await rows(view);
    const open = under ? findRow(top, under) : top.find(r => r.collapsible && !r.contextValue.startsWith('message:'));
    out.push(...top, ...(open ? await rows(view, open.node) : []));
  }
  return out;
}
const staleRows = (list: Row[]): string[] => list.filter(r => /stale/.test(r.description) || /^Couldn't refresh/.test(r.label)).map(r => `${r.label} (${r.description})`);


suite('Faults in the extension host', () => {
  const serverOf = suiteServer();
  let server: AttioTestServer;
  let t: SidebarViews;
  const PAGE = 10;

  suiteSetup(async () => {
    server = serverOf();
    t = (await extensionApi()).views;
    // small pages: every object has several, so "Load more" can fail part-way
    await vscode.workspace.getConfiguration('attio').update('tree.pageSize', PAGE, vscode.ConfigurationTarget.Global);
    assert.ok(await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: server.tokens.full }));
    await waitFor(async () => (await extensionApi()).data.signedIn || undefined, 'sign-in');
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('attio').update('tree.pageSize', undefined, vscode.ConfigurationTarget.Global);
  });
  teardown(() => server.setFaults({}));

  test('5xx storm during Refresh: the data stays visible, marked stale; Retry and Refresh recover every row of every view', async () => {
    // the views are used as in a session: the same nodes (ObjectsRoot keeps its object rows) before, during and after
    assert.deepStrictEqual(staleRows(await everyRow(t)), []);
    const deals = findRow(await rows(t.objects), 'Deals');
    const before = await rows(t.objects, deals.node);
    assert.strictEqual(errors(before).length, 0);
    server.setFaults({ status5xxRate: 1 });
    server.clearRequests();
    await vscode.commands.executeCommand('attio.refresh');
    const during = await rows(t.objects, deals.node);
    assert.match(during[0].label, /^Couldn't refresh \(showing cached data\): .*server error \(HTTP 50[023]\)/);
    assert.deepStrictEqual(labels(during.slice(1)), labels(before), 'every record still shown');
    assert.ok(during.slice(1).every(r => /stale/.test(r.description)), 'marked stale');
    const tries = server.requests.filter(r => r.path === '/v2/objects/deals/records/query');
    assert.strictEqual(tries.length, 4, 'one request and three retries, then it stops');
    assert.ok(tries.every(r => r.status >= 500));
    const outage = staleRows(await everyRow(t));
    for (const row of ['People', 'Deals']) assert.ok(outage.some(r => r.startsWith(`${row} (`)), `${row} marked stale: ${outage.join(', ')}`);

    server.setFaults({});
    const retry = during[0].command;
    assert.strictEqual(retry?.command, 'attio.retry');
    const refreshed = new Promise<TreeNode | undefined | void>(resolve => {
      const sub = t.objects.onDidChangeTreeData(n => {
        sub.dispose();
        resolve(n);
      });
    });
    await vscode.commands.executeCommand(retry.command, ...(retry.arguments ?? []));
    assert.strictEqual(await refreshed, deals.node, 'Retry reloads the failed node');
    const after = await rows(t.objects, deals.node);
    assert.deepStrictEqual(labels(after), labels(before));
    assert.ok(after.every(r => !/stale/.test(r.description)));

    // Attio: Refresh with the server healthy: no row of any view is marked stale any more
    await vscode.commands.executeCommand('attio.refresh');
    const healthy = await everyRow(t);
    assert.deepStrictEqual(staleRows(healthy), []);
    assert.ok(findRow(healthy, 'Deals'), 'the same object rows');
  });

  test('connection reset mid-page: retried unseen; when it persists, the loaded pages stay and "Load more" retries', async () => {
    const people = findRow(await rows(t.objects), 'People');
    const page1 = await rows(t.objects, people.node);
    assert.strictEqual(page1.length, PAGE + 1);
    // two responses cut off half-way through their body: the client retries, the user notices nothing
    server.setFaults({ midBodyResets: 2, pathPrefix: '/v2/objects/people/records/query' });
    server.clearRequests();
    await vscode.commands.executeCommand('attio.loadMore', page1[PAGE].node);
    const page2 = await rows(t.objects, people.node);
    assert.strictEqual(errors(page2).length, 0);
    assert.deepStrictEqual(labels(page2.slice(0, PAGE)), labels(page1.slice(0, PAGE)));
    assert.strictEqual(page2.length, 2 * PAGE + 1);
    // (other open documents may load in the background: count the page's own requests)
    const pageRequests = (): LoggedRequest[] => server.requests.filter(r => r.path === '/v2/objects/people/records/query');
    assert.deepStrictEqual(
      pageRequests().map(r => r.fault ?? 'ok'),
      ['cut', 'cut', 'ok'],
    );

    // every response cut: "Load more" fails, the 20 records already shown stay, and "Load more" is the retry
    server.setFaults({ midBodyResetRate: 1, pathPrefix: '/v2/objects/people/records/query' });
    server.clearRequests();
    await vscode.commands.executeCommand('attio.loadMore', page2[2 * PAGE].node);
    const failed = await rows(t.objects, people.node);
    assert.deepStrictEqual(labels(failed.slice(0, 2 * PAGE)), labels(page2.slice(0, 2 * PAGE)), 'nothing already shown is lost');
    const more = failed[failed.length - 1];
    assert.strictEqual(failed.length, 2 * PAGE + 1, labels(failed).join(', '));
    assert.strictEqual(more.label, 'Load more…');
    assert.match(more.description, /couldn't load/i);
    assert.match(more.tooltip, /could not reach Attio|network|socket/i);
    assert.strictEqual(pageRequests().length, 4, 'one request and three retries');

    server.setFaults({});
    await vscode.commands.executeCommand('attio.loadMore', more.node);
    const page3 = await rows(t.objects, people.node);
    assert.strictEqual(page3.length, 3 * PAGE + 1);
    assert.deepStrictEqual(labels(page3.slice(0, 2 * PAGE)), labels(page2.slice(0, 2 * PAGE)));
    assert.ok(!/couldn't load/i.test(page3[3 * PAGE].description));
  });

  test('malformed JSON: a clear error without CRM data, not retried in a loop; cached data stays; Retry recovers', async () => {
    const companies = findRow(await rows(t.objects), 'Companies');
    const records = await rows(t.objects, companies.node);
    const acme = findRow(records, 'Acme Robotics');
    const sections = await rows(t.objects, acme.node);
    const notes = findRow(sections, 'Notes');

    server.setFaults({ malformedRate: 1 });
    server.clearRequests();
    const broken = await rows(t.objects, notes.node);
    assert.strictEqual(broken.length, 1);
    assert.match(broken[0].label, /unexpected response shape.*valid JSON/);
    assert.strictEqual(broken[0].command?.command, 'attio.retry');
    assert.strictEqual(server.requests.filter(isApi).length, 1, 'a malformed body is not retried');

    // an expansion with cached data keeps it
    await vscode.commands.executeCommand('attio.refreshObjects');
    const stale = await rows(t.objects, companies.node);
    assert.match(stale[0].label, /^Couldn't refresh \(showing cached data\): .*valid JSON/);
    assert.deepStrictEqual(labels(stale.slice(1)), labels(records));
    for (const name of labels(records).filter(l => l !== 'Load more…')) assert.ok(!stale[0].label.includes(name), 'no CRM data in the message');

    server.setFaults({});
    const fixed = await rows(t.objects, notes.node);
    assert.ok(fixed.length >= 1 && errors(fixed).length === 0, labels(fixed).join(', '));
    assert.deepStrictEqual(labels(await rows(t.objects, companies.node)), labels(records));
  });

  test('schema drift (unknown fields and attribute types, missing optional fields): every view renders as before', async () => {
    const snapshot = async (): Promise<string[][]> => {
      await vscode.commands.executeCommand('attio.refresh');
      const objects = await rows(t.objects);
      const people = await rows(t.objects, findRow(objects, 'People').node);
      const values = await rows(t.objects, people[0].node);
      const lists = await rows(t.lists);
      const entries = await rows(t.lists, lists[0].node);
      const groups = await rows(t.tasks);
      const open = await rows(t.tasks, findRow(groups, 'All open').node);
      const all = [objects, people, values, lists, entries, groups, open];
      for (const level of all) assert.deepStrictEqual(errors(level).map(r => r.label), []);
      return all.map(level => level.map(r => `${r.label} | ${r.description.replace(/ · stale$/, '')}`));
    };
    await snapshot(); // group counts are known once each group has loaded
    const baseline = await snapshot();
    for (const drift of ['unknown-fields', 'missing-optional'] as const) {
      server.setFaults({ drift });
      assert.deepStrictEqual(await snapshot(), baseline, drift);
    }
  });

  test('429 storm while expanding: every expansion completes, no retry before Retry-After', async () => {
    await vscode.commands.executeCommand('attio.refreshObjects');
    const objects = await rows(t.objects);
    server.setFaults({ storm429: 5 });
    server.clearRequests();
    const t0 = Date.now();
    const expanded = await Promise.all(['People', 'Companies', 'Deals'].map(name => rows(t.objects, findRow(objects, name).node)));
    const ms = Date.now() - t0;
    for (const level of expanded) {
      assert.deepStrictEqual(errors(level).map(r => r.label), [], 'no failed expansion');
      assert.ok(level.length > PAGE, 'records shown');
    }
    const log = server.requests.filter(r => r.path.startsWith('/v2/'));
    const limited = log.filter(r => r.status === 429);
    assert.strictEqual(limited.length, 5, 'the whole storm was met');
    for (const r of limited) {
      const retryAt = Date.parse(r.retryAfter!);
      const next = log.find(x => x.path === r.path && x.startedAt > r.startedAt);
      assert.ok(next, `a retry of ${r.path}`);
      assert.ok(next.startedAt >= retryAt, `${r.path} retried ${retryAt - next.startedAt} ms before Retry-After`);
    }
    assert.ok(ms < 10_000, `${ms} ms`);
  });

  test('a token revoked mid-session: one prompt, no request loop, the session kept until the user acts', async () => {
    const api = await extensionApi();
    const token = server.addToken('revoked-mid-session', [
      'object_configuration:read',
      'record_permission:read',
      'list_configuration:read',
      'list_entry:read',
      'task:read',
      'user_management:read',
    ]);
    const session = await signInCommand({ method: 'token', token });
    assert.ok(session);
    await waitFor(() => api.connection.current?.session.id === session.id || undefined, 'the new session to be active');
    const objects = await rows(t.objects);
    const people = findRow(objects, 'People');
    const before = await rows(t.objects, people.node);

    // counted before the revocation: a background load (an open detail document) may meet it first
    const prompts = await logCount('asking to sign in again');
    server.revokeToken(token);
    server.clearRequests();
    for (let i = 0; i < 3; i++) {
      await vscode.commands.executeCommand('attio.refresh');
      const during = await rows(t.objects, people.node);
      assert.match(during[0].label, /^Couldn't refresh \(showing cached data\): The token for .* is no longer active\. Sign in again\./);
      assert.strictEqual(during[0].command?.command, 'attio.signIn');
      assert.deepStrictEqual(labels(during.slice(1)), labels(before), 'the records stay visible');
      const lists = await rows(t.lists);
      assert.match(lists[0].label, /no longer active/);
    }
    // wait for the first prompt, then check no second comes
    await waitFor(async () => (await logCount('asking to sign in again')) - prompts >= 1 || undefined, 'the re-sign-in prompt in the log');
    await holdsFor(async () => (await logCount('asking to sign in again')) - prompts === 1, 'one prompt, not one per failure', 1000);
    // what the three refreshes started ends (on a loaded machine some loads are still arriving); then nothing more comes
    await serverQuiet(server, 1000);
    const seen = server.requests.length;
    await holdsFor(() => server.requests.length === seen, `nothing retries on its own (after ${seen} requests)`, 3000);
    const calls = server.requests.filter(isApi);
    assert.ok(calls.every(r => r.status === 403), 'no retry of a refused request');
    assert.ok(server.requests.filter(r => r.path === '/v2/self').length <= calls.length, 'at most one /v2/self check per refusal');
    assert.ok((await api.auth.current()).sessions.some(s => s.id === session.id), 'the session is kept');
    assert.strictEqual(api.connection.current?.session.id, session.id);

    // the user acts: signs in again with a working token; the views load without errors
    assert.ok(await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: server.tokens.full }));
    await waitFor(() => api.connection.current?.session.accessToken === server.tokens.full || undefined, 'the new token');
    assert.ok(!(await api.auth.current()).sessions.some(s => s.id === session.id), 'the revoked session is replaced');
    const again = await rows(t.objects, findRow(await rows(t.objects), 'People').node);
    assert.deepStrictEqual(errors(again), []);
  });

  test('a 20 MB response: the expansion completes, the host stays responsive, other views work, labels stay short', async function () {
    const BYTES = 20 * 1024 * 1024;
    const deals = findRow(await rows(t.objects), 'Deals');
    const before = await rows(t.objects, deals.node);
    await vscode.commands.executeCommand('attio.refresh');
    server.setFaults({ hugeTextBytes: BYTES });
    server.clearRequests();
    // The host must parse the 20 MB answer in one go (JSON.parse cannot yield); what that costs on this machine right
    // now sets the floor of "responsive": the stall may not exceed 2 s, or five such parses on a machine that slow.
    const sample = JSON.stringify({ data: [{ values: { text: [{ value: 'x'.repeat(BYTES) }] } }] });
    const p0 = Date.now();
    JSON.parse(sample);
    const parseMs = Date.now() - p0;
    const stallBound = Math.max(2_000, 5 * parseMs);
    // the extension host's event loop: how late does a 50 ms timer fire while this goes on?
    let maxLag = 0;
    let last = Date.now();
    const probe = setInterval(() => {
      const now = Date.now();
      maxLag = Math.max(maxLag, now - last - 50);
      last = now;
    }, 50);
    let big: Row[];
    let bigMs: number;
    let tasksMs: number;
    try {
      const t0 = Date.now();
      const [records, groups] = await Promise.all([
        rows(t.objects, deals.node).then(r => ((bigMs = Date.now() - t0), r)),
        rows(t.tasks)
          .then(g => rows(t.tasks, findRow(g, 'All open').node))
          .then(r => ((tasksMs = Date.now() - t0), r)),
      ]);
      big = records;
      assert.ok(groups.length > 0 && errors(groups).length === 0, `the Tasks view still works: ${groups.map(g => g.label).join(' | ')}`);
    } finally {
      clearInterval(probe);
    }
    const sent = server.requests.find(r => r.path === '/v2/objects/deals/records/query');
    assert.ok(sent && sent.status === 200 && sent.bytes! >= BYTES, `a ${sent?.bytes} byte response`);
    console.log(`    20 MB page: expansion ${bigMs!} ms, Tasks ${tasksMs!} ms, worst event-loop delay ${maxLag} ms (JSON.parse of 20 MB: ${parseMs} ms)`);
    assert.deepStrictEqual(labels(big), labels(before), 'the same records');
    // Bound: the client's per-request timeout is 15 s; a 20 MB page over loopback must finish well inside it.
    assert.ok(bigMs! < 10_000, `expansion took ${bigMs!} ms`);
    assert.ok(maxLag < stallBound, `the extension host stalled for ${maxLag} ms (bound ${stallBound} ms; JSON.parse of 20 MB here: ${parseMs} ms)`);
    const values = await rows(t.objects, big[0].node);
    const text = findRow(values, 'Drift long text');
    assert.ok(text.description.length <= 300, `a ${text.description.length}-character description`);
    assert.ok(text.tooltip.length <= 3_000, `a ${text.tooltip.length}-character tooltip`);
    server.setFaults({});
    await vscode.commands.executeCommand('attio.refresh');
  });
});

suite('SecretStorage that throws', () => {
  test('activation still completes, signed out, and says once what failed', async () => {
    await signOutAll();
    const failure = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
    const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
    const broken: vscode.SecretStorage = {
      get: () => Promise.reject(new Error(`${failure}\n    at Keyring.get (keyring.js:1:1)`)),
      store: () => Promise.reject(new Error(failure)),
      delete: () => Promise.reject(new Error(failure)),
      keys: () => Promise.reject(new Error(failure)),
      onDidChange: changed.event,
    } as vscode.SecretStorage;
    // the parts activation builds, in the order it builds them
    const channel = vscode.window.createOutputChannel('Attio (broken secret storage)', { log: true });
    const redactor = new Redactor();
    const lines: string[] = [];
    const log = new Logger(channel, redactor, undefined, line => lines.push(line));
    const said = (): string[] => lines.filter(l => l.includes("couldn't read your saved sign-ins"));
    const store = new TokenStore(broken, log.child('Secrets'));
    const auth = new AttioAuthProvider(store, () => Promise.reject(new Error('no interactive sign-in here')), log.child('Auth'));
    const config = new Configuration();
    const workspace = new Connection(auth, config, new ClientFactory(redactor, log.child('Client')), log.child('Connection'));
    try {
      assert.deepStrictEqual((await auth.current()).sessions, [], 'signed out, not stuck');
      assert.deepStrictEqual(await auth.getSessions(), []);
      assert.strictEqual(workspace.current, undefined);
      for (let i = 0; i < 3; i++) changed.fire({ key: SecretKeys.sessions }); // e.g. another window writes
      await waitFor(() => said().length > 0 || undefined, 'the failure in the log');
      await holdsFor(async () => said().length === 1 && (await auth.current()).sessions.length === 0, 'said once, still signed out', 500);
      const text = said()[0];
      assert.ok(text.includes(failure), `names the failure: ${text}`);
      assert.ok(!/\bat Keyring\.get\b/.test(text), 'no stack');
    } finally {
      workspace.dispose();
      config.dispose();
      auth.dispose();
      store.dispose();
      channel.dispose();
      changed.dispose();
    }
    // the real extension, activated with the real SecretStorage, is unaffected
    const api = await extensionApi();
    assert.deepStrictEqual((await api.auth.current()).sessions, []);
    assert.deepStrictEqual(await api.views.objects.getChildren(), [], 'signed-out views are empty: VS Code shows their welcome');
  });
});

