/**
 * Editing list entry values in the real extension host, against the local Attio server, with the same Edit… as
 * records: from an entry's value row (a text and a status) it writes once and re-reads the entry once, and the Lists
 * view and the entry's page show the new value; a refused edit rolls back and re-opens the input with what was typed;
 * the entry page's Edit link opens the input of its attribute; a token that may not write entries gets no Edit links
 * and no Edit menu. The prompts are answered by a script (the command's second argument, honoured only in test mode).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AttioEntry } from '../../src/attio';
import { detailUri } from '../../src/detail/uris';
import type { SidebarViews } from '../../src/views/controller';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { RecordRun } from '../../src/views/recordHandlers';
import type { AttioTestServer } from '../server';
import { apiCalls, extensionApi, findRow, signInWith, suiteServer, treeRows, waitFor, type TreeRow } from './helpers';

suite('Editing list entry values in the extension host', () => {
  let server: AttioTestServer;
  let t: SidebarViews;
  const serverOf = suiteServer();
  const token = () => new vscode.CancellationTokenSource().token;
  /** Requests about entries (not their queries), with ids as `:id`. */
  const entryCalls = (): string[] => apiCalls(server).map(c => c.replace(/[0-9a-f-]{36}/g, ':id')).filter(c => /\/entries\/:id$/.test(c));

  const entries = async (list: string): Promise<TreeRow<TreeNode>[]> => (await treeRows(t.lists, findRow(await treeRows(t.lists), list).node)).filter(r => r.contextValue.startsWith('entry:'));
  const entryRow = async (list: string, id: string): Promise<TreeRow<TreeNode>> => (await entries(list)).find(r => r.node.attioId() === id)!;
  const valueRow = async (list: string, id: string, title: string): Promise<TreeRow<TreeNode> | undefined> => (await treeRows(t.lists, (await entryRow(list, id)).node)).find(r => r.label === title);
  const shown = async (list: string, id: string, title: string): Promise<string> => (await valueRow(list, id, title))?.description ?? '';
  const edit = async (row: TreeRow<TreeNode>, ...answers: string[]): Promise<RecordRun> => (await vscode.commands.executeCommand<RecordRun>('attio.editValue', row.node, answers))!;
  const page = async (list: string, id: string): Promise<string> => (await extensionApi()).details.provideTextDocumentContent(detailUri({ kind: 'entry', list, id }), token());
  const listId = async (slug: string): Promise<string> => {
    const api = await extensionApi();
    await api.data.lists.lists();
    return api.data.lists.list(slug)!.id.list_id;
  };
  /** What the server stores for an entry's attribute (the current value's title or text). */
  const stored = async (list: string, id: string, slug: string): Promise<string | undefined> => {
    const res = await fetch(`${server.url}/v2/lists/${list}/entries/${id}`, { headers: { authorization: `Bearer ${server.tokens.full}` } });
    const v = ((await res.json()) as { data: AttioEntry }).data.entry_values[slug]?.find(x => !x.active_until) as { status?: { title: string }; value?: unknown } | undefined;
    return v?.status?.title ?? (v?.value === undefined ? undefined : String(v.value));
  };

  suiteSetup(async () => {
    server = serverOf();
    t = (await extensionApi()).views;
    await signInWith(server.tokens.full);
  });

  test('edit an entry\'s text from its value row: 1 write + 1 read, the Lists view and the entry page show it', async () => {
    const hiring = await listId('hiring');
    const entry = (await entries('Hiring'))[0];
    const id = entry.node.attioId()!;
    const role = (await valueRow('Hiring', id, 'Role'))!;
    assert.match(role.contextValue, /(^|:)editable(:|$)/, 'the row offers Edit…');
    assert.doesNotMatch((await valueRow('Hiring', id, 'Added at'))!.contextValue, /editable/, 'a system attribute has no Edit');
    server.clearRequests();
    const run = await edit(role, 'Staff Engineer');
    assert.strictEqual(run.outcome, 'written');
    assert.deepStrictEqual(entryCalls(), ['PATCH /v2/lists/:id/entries/:id', 'GET /v2/lists/:id/entries/:id'], `1 write + 1 read (all: ${apiCalls(server).join(', ')})`);
    assert.strictEqual(await shown('Hiring', id, 'Role'), 'Staff Engineer');
    assert.strictEqual(await stored(hiring, id, 'role'), 'Staff Engineer');
    assert.match(await page(hiring, id), /\| Role<br>.*\| Staff Engineer · \[Edit\]\(\.\/edit\/role\/\d+\/entry\.md\) \|/);
  });

  test('edit an entry\'s stage with the statuses of its list: the row and the entry\'s description show the new stage', async () => {
    const pipeline = await listId('sales-pipeline');
    const entry = (await entries('Sales Pipeline')).find(r => r.description !== 'Proposal Sent')!;
    const id = entry.node.attioId()!;
    server.clearRequests();
    const run = await edit((await valueRow('Sales Pipeline', id, 'Stage'))!, 'Proposal Sent');
    assert.strictEqual(run.outcome, 'written');
    assert.deepStrictEqual(entryCalls(), ['PATCH /v2/lists/:id/entries/:id', 'GET /v2/lists/:id/entries/:id']);
    assert.strictEqual(await shown('Sales Pipeline', id, 'Stage'), 'Proposal Sent');
    assert.strictEqual((await entryRow('Sales Pipeline', id)).description, 'Proposal Sent');
    assert.strictEqual(await stored(pipeline, id, 'stage'), 'Proposal Sent');
  });

  test('a refused edit names the attribute and the reason, rolls back, and re-opens the input with what was typed', async () => {
    const entry = (await entries('Hiring'))[1];
    const id = entry.node.attioId()!;
    const before = await shown('Hiring', id, 'Role');
    assert.ok(before, 'the entry has a role');
    // Attio's schema moved on since the list's attributes were read: the role now takes numbers only
    server.changeSchema({ kind: 'retypeAttribute', target: 'hiring', slug: 'role', type: 'number' });
    const run = await edit((await valueRow('Hiring', id, 'Role'))!, 'Recruiter');
    assert.strictEqual(run.outcome, 'refused');
    assert.deepStrictEqual(run.inputs, [before, 'Recruiter'], 'the second input opened with what was typed');
    assert.strictEqual(await shown('Hiring', id, 'Role'), before, 'rolled back');
    server.changeSchema({ kind: 'retypeAttribute', target: 'hiring', slug: 'role', type: 'text' });
  });

  test('opening an entry page\'s Edit link opens the Edit… input of its attribute; accepting it is 1 write + 1 read', async () => {
    const api = await extensionApi();
    const pipeline = await listId('sales-pipeline');
    const id = (await entries('Sales Pipeline')).find(r => r.description !== 'Qualified')!.node.attioId()!;
    const link = /\| Stage<br>[^|]*\| [^|]*· \[Edit\]\(\.\/edit\/stage\/(\d+)\/entry\.md\) \|/.exec(await page(pipeline, id));
    assert.ok(link, 'the entry page has an Edit link beside the stage');
    await api.data.schema.statuses('lists', pipeline, 'stage');
    server.clearRequests();
    await vscode.workspace.openTextDocument(detailUri({ kind: 'entry', list: pipeline, id, edit: { attribute: 'stage', serial: Number(link[1]) } }));
    // the Quick Pick of statuses opens with its first item ("Qualified") active: accepted as a person presses Enter
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return (await stored(pipeline, id, 'stage')) === 'Qualified' || undefined;
    }, 'the stage picked through the Edit link to be stored');
    assert.deepStrictEqual(entryCalls().filter(c => !c.startsWith('GET')), ['PATCH /v2/lists/:id/entries/:id'], `1 write (all: ${entryCalls().join(', ')})`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a token that may not write entries: no Edit links on an entry page, its Edit link asks for nothing, every entry Edit menu needs list_entry:read-write', async () => {
    const manifest = vscode.extensions.getExtension('attio-explorer.attio-explorer')!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const clauses = Object.values(manifest.contributes.menus).flat().filter(m => m.command === 'attio.editValue').flatMap(m => (m.when ?? '').split('||'));
    const aboutEntries = clauses.filter(c => /attio\.lists|detailPage == entry/.test(c));
    assert.ok(aboutEntries.length >= 3 && aboutEntries.every(c => /attio:canWriteEntries/.test(c)), JSON.stringify(clauses));
    assert.ok(clauses.every(c => /attio:canWrite(Records|Entries)/.test(c)), JSON.stringify(clauses));

    const pipeline = await listId('sales-pipeline');
    const id = (await entries('Sales Pipeline'))[0].node.attioId()!;
    await signInWith(server.tokens.readOnly);
    const api = await extensionApi();
    assert.doesNotMatch(await page(pipeline, id), /\[Edit\]/);
    const asked: unknown[] = [];
    const listening = api.details.onDidRequestEdit(r => asked.push(r));
    try {
      server.clearRequests();
      await api.details.provideTextDocumentContent(detailUri({ kind: 'entry', list: pipeline, id, edit: { attribute: 'stage', serial: 1 } }), token());
    } finally {
      listening.dispose();
    }
    assert.deepStrictEqual(asked, [], 'no Edit… input is asked for');
    assert.ok(!apiCalls(server).some(c => !c.startsWith('GET') && !c.endsWith('/query')), apiCalls(server).join(', '));
    await signInWith(server.tokens.full);
  });
});
