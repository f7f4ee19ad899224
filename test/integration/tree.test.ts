/**
 * The Objects, Lists and Tasks trees in a real extension host, against the local Attio server: every level's
 * children, load more, the detail documents, completing a task, Refresh, and the requests each expansion costs.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SidebarViews } from '../../src/views/controller';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { NodeTreeProvider } from '../../src/views/provider';
import type { AttioTestServer } from '../server';
import { extensionApi, suiteServer, waitFor, holdsFor, serverQuiet, apiCalls, findRow, treeRows, type TreeRow, signInWith } from './helpers';

async function views(): Promise<SidebarViews> {
  return (await extensionApi()).views;
}

type Row = TreeRow<TreeNode>;
const rows = (p: NodeTreeProvider, node?: TreeNode): Promise<Row[]> => treeRows(p, node);

suite('Trees: Objects, Lists, Tasks in the extension host', () => {
  let server: AttioTestServer;
  let t: SidebarViews;

  const serverOf = suiteServer();
  suiteSetup(async () => {
    server = serverOf();
    t = await views();
    await signInWith(server.tokens.full);
  });

  test('signed in: the Objects root lists every object, in one request', async () => {
    await vscode.commands.executeCommand('attio.refresh');
    server.clearRequests();
    const objects = await rows(t.objects);
    for (const name of ['People', 'Companies', 'Deals']) findRow(objects, name);
    assert.ok(objects.every(o => /^object:/.test(o.contextValue) && o.collapsible));
    assert.deepStrictEqual(apiCalls(server).filter(c => c === 'GET /v2/objects'), ['GET /v2/objects']);
  });

  test('an object shows 50 records with "Load more", which loads the next page', async () => {
    const people = findRow(await rows(t.objects), 'People');
    server.clearRequests();
    const page1 = await rows(t.objects, people.node);
    assert.deepStrictEqual(apiCalls(server), ['POST /v2/objects/people/records/query'], 'one request per expansion');
    const more = page1[page1.length - 1];
    assert.strictEqual(more.label, 'Load more…');
    assert.strictEqual(page1.length, 51);
    assert.ok(page1.slice(0, 50).every(r => /^record:/.test(r.contextValue) && !/^[0-9a-f-]{36}$/.test(r.label)), 'records by title');
    server.clearRequests();
    await vscode.commands.executeCommand('attio.loadMore', more.node);
    const all = await rows(t.objects, people.node);
    assert.strictEqual(apiCalls(server).length, 1, 'load more = one request');
    assert.ok(all.length > 50 && all.every(r => r.label !== 'Load more…'));
    server.clearRequests();
    await rows(t.objects, people.node);
    assert.deepStrictEqual(apiCalls(server), [], 're-expansion within the TTL costs nothing');
  });

  test('a record expands to typed values, list entries and notes', async () => {
    const companies = findRow(await rows(t.objects), 'Companies');
    const acme = findRow(await rows(t.objects, companies.node), 'Acme Robotics');
    const values = await rows(t.objects, acme.node);
    findRow(values, 'Name');
    const domains = findRow(values, /Domain/);
    assert.match(domains.description, /acmerobotics\.com/);
    const entries = findRow(values, 'List entries');
    const notes = findRow(values, 'Notes');
    const entryRows = await rows(t.objects, entries.node);
    assert.ok(entryRows.length >= 1);
    const noteRows = await rows(t.objects, notes.node);
    assert.ok(noteRows.length >= 1);
    const people = findRow(await rows(t.objects), 'People');
    const ada = findRow(await rows(t.objects, people.node), 'Ada Lovelace');
    const adaValues = await rows(t.objects, ada.node);
    assert.strictEqual(findRow(adaValues, 'Company').description, 'Acme Robotics', 'reference by title');
    assert.match(findRow(adaValues, /Email/).description, /@/);
  });

  test('Lists: each list with its parent object; entries by parent title (two requests); entry values', async () => {
    const lists = await rows(t.lists);
    const pipeline = findRow(lists, 'Sales Pipeline');
    assert.strictEqual(pipeline.description, 'Deals');
    server.clearRequests();
    const entries = await rows(t.lists, pipeline.node);
    assert.strictEqual(apiCalls(server).length, 2, `entries + titles: ${apiCalls(server).join(', ')}`);
    assert.ok(entries.length > 0 && entries.every(e => !/^[0-9a-f-]{36}$/.test(e.label)));
    const values = await rows(t.lists, entries[0].node);
    assert.match(values[0].label, /^Record: /);
    findRow(values, 'Stage');
  });

  test('Tasks: groups, overdue highlighted, badge = my overdue tasks; completing updates without reload', async () => {
    const groups = await rows(t.tasks);
    assert.deepStrictEqual(groups.map(g => g.label), ['My open tasks', 'All open', 'Overdue', 'Completed (recent)']);
    const mine = await rows(t.tasks, groups[0].node);
    const overdueMine = mine.filter(r => /overdue/.test(r.description)).length;
    await waitFor(() => (t.tasks.view.badge?.value ?? 0) === overdueMine || undefined, `badge ${overdueMine}`);
    const open = await rows(t.tasks, groups[1].node);
    const target = open.find(r => /:openTask:/.test(r.contextValue));
    assert.ok(target);
    const completedBefore = await rows(t.tasks, groups[3].node);
    server.clearRequests();
    await vscode.commands.executeCommand('attio.completeTask', target.node);
    assert.deepStrictEqual(apiCalls(server).map(c => c.split(' ')[0]), ['PATCH'], 'only the update request');
    const openAfter = await rows(t.tasks, groups[1].node);
    const completedAfter = await rows(t.tasks, groups[3].node);
    assert.ok(!openAfter.some(r => r.node.id.endsWith(target.node.localId)));
    assert.strictEqual(completedAfter.length, completedBefore.length + 1);
    assert.deepStrictEqual(apiCalls(server).map(c => c.split(' ')[0]), ['PATCH'], 'no reload');
    const done = completedAfter.find(r => r.label === target.label);
    assert.ok(done && /:doneTask:/.test(done.contextValue));
    await vscode.commands.executeCommand('attio.reopenTask', done.node);
  });

  test('detail documents: record, entry and task render as Markdown with links', async () => {
    const people = findRow(await rows(t.objects), 'People');
    const ada = findRow(await rows(t.objects, people.node), 'Ada Lovelace');
    const uri = ada.node.detail();
    assert.ok(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.languageId, 'markdown');
    assert.match(doc.getText(), /^# Ada Lovelace/);
    assert.match(doc.getText(), /\[Acme Robotics\]\(\.\.\/\.\.\/companies\/[0-9a-f-]+\/Acme%20Robotics\.md\)/);
    await vscode.commands.executeCommand('attio.openDetail', ada.node);
    const groups = await rows(t.tasks);
    const task = (await rows(t.tasks, groups[1].node))[0];
    const taskDoc = await vscode.workspace.openTextDocument(task.node.detail()!);
    assert.match(taskDoc.getText(), /Deadline/);
  });

  test('Refresh re-renders the detail page on screen; a closed one costs no request until it is shown again', async () => {
    const people = findRow(await rows(t.objects), 'People');
    const ada = findRow(await rows(t.objects, people.node), 'Ada Lovelace');
    const adaId = ada.node.attioId()!;
    const adaCalls = (): string[] => apiCalls(server).filter(c => c.includes(adaId) || c === 'GET /v2/notes');
    await vscode.commands.executeCommand('attio.openDetail', ada.node);
    await vscode.commands.executeCommand('attio.refresh');
    server.clearRequests();
    await vscode.commands.executeCommand('attio.refresh');
    await waitFor(() => adaCalls().length > 0 || undefined, 'the page on screen to load again');
    // the page's render asks for the record, then its notes and entries: every one of those answered before it closes
    await serverQuiet(server);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => vscode.window.tabGroups.all.every(g => g.tabs.length === 0) || undefined, 'the editors to close');
    assert.ok(vscode.workspace.textDocuments.some(d => d.uri.toString() === ada.node.detail()!.toString()), 'VS Code still holds the closed page');
    server.clearRequests();
    await vscode.commands.executeCommand('attio.refresh');
    await holdsFor(() => adaCalls().length === 0, 'a page not on screen is not fetched', 1500);
    await vscode.commands.executeCommand('attio.openDetail', ada.node);
    await waitFor(() => adaCalls().length > 0 || undefined, 'the page shown again to load its data');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Refresh refetches; a failing refresh keeps data visible, marked stale', async () => {
    const deals = findRow(await rows(t.objects), 'Deals');
    const before = await rows(t.objects, deals.node);
    server.setFaults({ status5xxRate: 1 });
    try {
      await vscode.commands.executeCommand('attio.refreshObjects');
      const after = await rows(t.objects, deals.node);
      assert.match(after[0].label, /Couldn't refresh/);
      assert.deepStrictEqual(after.slice(1).map(r => r.label), before.map(r => r.label));
      assert.ok(after.slice(1).every(r => /stale/.test(r.description)));
    } finally {
      server.setFaults({});
    }
    await vscode.commands.executeCommand('attio.refresh');
    const fresh = await rows(t.objects, deals.node);
    assert.ok(fresh.every(r => !/stale/.test(r.description)));
  });

  test('a token without list scopes shows a scope error node in Lists', async () => {
    await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: server.tokens.noLists });
    await waitFor(async () => {
      const r = await rows(t.lists);
      return r[0] && /list_/.test(r[0].label) ? r : undefined;
    }, 'scope error node');
    const r = await rows(t.lists);
    assert.match(r[0].contextValue, /^message:error/);
    const item = t.lists.getTreeItem(r[0].node);
    assert.strictEqual(item.command?.command, 'attio.verifyConnection');
  });
});
