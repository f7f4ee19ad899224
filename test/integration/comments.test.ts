/**
 * Comments in the real extension host: a demo deal's "Comments" section (its threads, authors, a resolved one) in
 * one request, a company's detail page showing a comment's markup as text, Add Comment, and a token without
 * comment scopes seeing no section and no error.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SidebarViews } from '../../src/views/controller';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { AttioTestServer } from '../server';
import { extensionApi, suiteServer, waitFor, treeChildren } from './helpers';

const calls = (s: AttioTestServer): string[] => s.requests.filter(r => r.path.startsWith('/v2/') && r.path !== '/v2/self').map(r => `${r.method} ${r.path}`);

suite('Comments of records and entries in the extension host', () => {
  let server: AttioTestServer;
  let t: SidebarViews;
  const serverOf = suiteServer();
  const label = (n: TreeNode): string => String(t.objects.getTreeItem(n).label);
  const desc = (n: TreeNode): string => String(t.objects.getTreeItem(n).description ?? '');
  const children = (n?: TreeNode): Promise<TreeNode[]> => treeChildren(t.objects, n);

  const signIn = async (token: string): Promise<void> => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('attio.signIn', { method: 'token', token });
    await waitFor(() => (api.data.signedIn && api.connection.current?.session.scopes.length ? true : undefined), 'sign-in');
  };

  const firstOf = async (object: string): Promise<TreeNode> => {
    const obj = (await children()).find(n => label(n) === object);
    assert.ok(obj, object);
    return (await children(obj))[0];
  };

  suiteSetup(async () => {
    server = serverOf();
    t = (await extensionApi()).views;
    await signIn(server.tokens.full);
  });

  test('a demo deal\'s Comments: its threads newest first, with authors, replies and the resolved one, in one request', async () => {
    const deal = await firstOf('Deals');
    const section = (await children(deal)).find(n => label(n) === 'Comments');
    assert.ok(section, 'a Comments section');
    server.clearRequests();
    const threads = await children(section);
    assert.deepStrictEqual(calls(server).filter(c => c !== 'GET /v2/workspace_members'), ['GET /v2/threads'], 'one request');
    assert.strictEqual(label(threads[0]), 'Legal wants the DPA signed before we send the order form.');
    assert.match(desc(threads[0]), /^[A-Z][a-z]+ [A-Z][a-z]+ · .+ · 2 replies$/, 'author by name, time, replies');
    assert.deepStrictEqual((await children(threads[0])).map(label), ['Sent it over this morning, waiting on their counsel.', 'Great — I will chase on Thursday.']);
    assert.ok(threads.some(n => /resolved/.test(desc(n))), 'the resolved thread is marked');
  });

  test('a company\'s detail page lists its comments, markup typed in a comment shown as text', async () => {
    const company = await firstOf('Companies');
    // rendered through the provider, not opened: an open detail document re-renders (and requests) on every refresh
    const text = await (await extensionApi()).details.provideTextDocumentContent(company.detail()!, new vscode.CancellationTokenSource().token);
    assert.match(text, /## Comments/);
    assert.match(text, /Their security review asked for/);
    assert.doesNotMatch(text, /<b>|\]\(command:/, 'no live HTML or command link');
    assert.match(text, /SOC 2/);
  });

  test('Add Comment on a record starts a thread shown first', async () => {
    const deal = await firstOf('Deals');
    await vscode.commands.executeCommand('attio.addComment', deal, 'Called their CFO, budget confirmed.');
    const section = (await children(deal)).find(n => label(n) === 'Comments')!;
    assert.strictEqual(label((await children(section))[0]), 'Called their CFO, budget confirmed.');
  });

  test('a token without comment scopes: no Comments section, no error, none in the detail page', async () => {
    await vscode.commands.executeCommand('attio.signOut');
    await signIn(server.addToken('noComments', ['record_permission:read', 'object_configuration:read', 'list_entry:read', 'list_configuration:read', 'note:read', 'user_management:read']));
    const deal = await firstOf('Deals');
    const rows = await children(deal);
    assert.ok(!rows.some(n => label(n) === 'Comments'));
    assert.ok(!rows.some(n => /^message:error/.test(String(t.objects.getTreeItem(n).contextValue))), 'no error row');
    const text = await (await extensionApi()).details.provideTextDocumentContent(deal.detail()!, new vscode.CancellationTokenSource().token);
    assert.doesNotMatch(text, /## Comments|Could not load comments/);
  });
});
