/**
 * Meetings in the real extension host: a demo deal's "Meetings" (newest first, one request), the latest meeting's
 * call recording, "Open Transcript" as a read-only document (speaker, time, text; every page read), the record's
 * detail page listing its meetings, and a token without meeting scopes seeing no section and no error.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SidebarViews } from '../../src/views/controller';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { AttioTestServer } from '../server';
import { extensionApi, suiteServer, waitFor, treeChildren } from './helpers';

const calls = (s: AttioTestServer): string[] => s.requests.filter(r => r.path.startsWith('/v2/') && r.path !== '/v2/self').map(r => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`);

suite('Meetings and transcripts in the extension host', () => {
  let server: AttioTestServer;
  let t: SidebarViews;
  const serverOf = suiteServer();
  const item = (n: TreeNode): vscode.TreeItem => t.objects.getTreeItem(n);
  const label = (n: TreeNode): string => String(item(n).label);
  const children = (n?: TreeNode): Promise<TreeNode[]> => treeChildren(t.objects, n);

  const signIn = async (token: string): Promise<void> => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('attio.signIn', { method: 'token', token });
    await waitFor(() => (api.data.signedIn && api.connection.current?.session.scopes.length ? true : undefined), 'sign-in');
  };
  const firstDeal = async (): Promise<TreeNode> => (await children((await children()).find(n => label(n) === 'Deals')))[0];

  suiteSetup(async () => {
    server = serverOf();
    t = (await extensionApi()).views;
    await signIn(server.tokens.full);
  });
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('a demo deal\'s Meetings newest first in one request; the latest has a recording whose transcript opens as a document', async () => {
    const deal = await firstDeal();
    const section = (await children(deal)).find(n => label(n) === 'Meetings');
    assert.ok(section, 'a Meetings section');
    server.clearRequests();
    const meetings = await children(section);
    assert.deepStrictEqual(calls(server).filter(c => c.startsWith('GET /v2/meetings')), ['GET /v2/meetings'], 'one request (detail pages other suites left open may reload beside it)');
    assert.deepStrictEqual(meetings.map(label), ['Pricing and rollout', 'Security review', 'Discovery call']);
    assert.match(String(item(meetings[0]).description), /3 participants$/);
    const [recording] = await children(meetings[0]);
    assert.match(String(item(recording).contextValue), /^recording:transcript/);
    assert.strictEqual(item(recording).command?.command, 'attio.openTranscript');
    const processing = await children(meetings[1]);
    assert.match(String(item(processing[0]).description), /^processing/);
    assert.doesNotMatch(String(item(processing[0]).contextValue), /transcript/, 'no transcript to open yet');

    server.clearRequests();
    await vscode.commands.executeCommand('attio.openTranscript', recording);
    const doc = await waitFor(() => vscode.workspace.textDocuments.find(d => d.uri.scheme === 'attio-transcript'), 'the transcript document');
    const text = doc.getText();
    const plain = text.replace(/\\(.)/g, '$1'); // speech is shown as text: its punctuation comes escaped
    assert.match(text, /^# Transcript: Pricing and rollout/);
    assert.match(plain, /\*\*Priya Raman\*\* · 0:00\n\nThanks for making time\./);
    assert.match(plain, /\*\*Dana Whitfield\*\* · 3:13\n\nSounds good\. Talk Thursday\./, 'the last segment, from the last page');
    assert.doesNotMatch(text, /<b>/, 'markup in speech is text');
    assert.strictEqual(calls(server).filter(c => c.endsWith('/transcript')).length, 2, 'one request per transcript page');
  });

  test('the deal\'s detail page lists its meetings', async () => {
    const text = await (await extensionApi()).details.provideTextDocumentContent((await firstDeal()).detail()!, new vscode.CancellationTokenSource().token);
    assert.match(text, /## Meetings[\s\S]*Pricing and rollout[\s\S]*dana\.whitfield\\@customer\.example/, 'the participant, escaped: no mailto autolink from CRM text');
  });

  test('a token without meeting scopes: no Meetings section, no error', async () => {
    await vscode.commands.executeCommand('attio.signOut');
    await signIn(server.addToken('noMeetings', ['record_permission:read', 'object_configuration:read', 'list_entry:read', 'list_configuration:read', 'note:read', 'user_management:read']));
    const rows = await children(await firstDeal());
    assert.ok(!rows.some(n => label(n) === 'Meetings'));
    assert.ok(!rows.some(n => /^message:error/.test(String(item(n).contextValue))));
  });
});
