/**
 * List writes in the real extension host against the local Attio server: add a record to a list, group a list by
 * stage and move an entry by drag and drop (the controller's handleDrop, 1 write) and by "Move to Stage…", remove an
 * entry (confirmed), and export a filtered list to CSV, compared with the server's data.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AttioEntry } from '../../src/attio';
import { TreeCommands } from '../../src/constants';
import type { SidebarViews } from '../../src/views/controller';
import { ENTRY_MIME } from '../../src/views/stageDrop';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { AttioTestServer } from '../server';
import { apiCalls, extensionApi, findRow, signInWith, suiteServer, treeRows, waitFor } from './helpers';

const stageOf = (e: AttioEntry): string | undefined => (e.entry_values.stage?.[0] as { status?: { title?: string } } | undefined)?.status?.title;
const writes = (server: AttioTestServer): string[] => apiCalls(server).filter(c => !/^(GET|POST \S+\/query)/.test(c));

suite('List writes: add to a list, move a stage, remove, export', () => {
  let server: AttioTestServer;
  let t: SidebarViews;
  // leave no grouping or filter behind for the suites that follow (before the suite server signs out)
  suiteTeardown(async () => {
    const api = await extensionApi();
    for (const l of (await api.data.lists.lists()).value) {
      await t.setStageGrouping(l.id.list_id, false);
      await t.filters?.set('lists', l.id.list_id, undefined);
    }
  });

  const serverOf = suiteServer();

  suiteSetup(async () => {
    server = serverOf();
    t = (await extensionApi()).views;
    await signInWith(server.tokens.full);
  });
  const listRow = async (name: string) => findRow(await treeRows(t.lists), name);

  test('Add to List… adds a person to Hiring with a stage: 1 write, and the list shows the entry', async () => {
    const people = findRow(await treeRows(t.objects), 'People');
    const person = (await treeRows(t.objects, people.node)).find(r => r.contextValue.startsWith('record:'))!;
    await (await extensionApi()).data.lists.lists();
    const hiring = (await extensionApi()).data.lists.list('hiring')!;
    const applied = (await (await extensionApi()).data.schema.statuses('lists', hiring.id.list_id, 'stage')).find(s => s.title === 'Applied')!;
    server.clearRequests();
    await vscode.commands.executeCommand(TreeCommands.addToList, person.node, 'hiring', applied.id.status_id);
    assert.deepStrictEqual(writes(server), [`POST /v2/lists/${hiring.id.list_id}/entries`]);
    const entries = await treeRows(t.lists, (await listRow('Hiring')).node);
    assert.ok(entries.some(r => r.label === person.label && r.description === 'Applied'), `${person.label} in Hiring: ${entries.map(r => `${r.label} (${r.description})`).join(', ')}`);
  });

  test('grouped by stage, a drag and drop to another stage costs exactly 1 write and shows the entry in its new group; Move to Stage… too', async () => {
    const api = await extensionApi();
    const pipeline = await listRow('Sales Pipeline');
    await treeRows(t.lists, pipeline.node); // the list's attributes load with its entries
    await waitFor(async () => ((await listRow('Sales Pipeline')).contextValue.includes(':stages') || undefined), 'Group by Stage offered');
    await vscode.commands.executeCommand(TreeCommands.groupByStage, (await listRow('Sales Pipeline')).node);
    const groups = await treeRows(t.lists, (await listRow('Sales Pipeline')).node);
    assert.deepStrictEqual(groups.filter(g => g.contextValue === 'stage').map(g => g.label), ['Qualified', 'Demo Scheduled', 'Proposal Sent', 'Closed Won', 'Closed Lost']);
    const from = groups.find(g => g.contextValue === 'stage' && Number(g.description) > 0)!;
    const to = groups.find(g => g.contextValue === 'stage' && g !== from)!;
    const dragged = (await treeRows(t.lists, from.node))[0];
    const transfer = new vscode.DataTransfer();
    server.clearRequests();
    await t.stageDrop.handleDrag([dragged.node], transfer);
    // the workbench carries the drag as text between the extension host and the window: the entry ids
    assert.deepStrictEqual(JSON.parse(await transfer.get(ENTRY_MIME)!.asString()), [dragged.node.attioId()], 'the dragged entries as text');
    await t.stageDrop.handleDrop(to.node, transfer, new vscode.CancellationTokenSource().token);
    const list = api.data.lists.list('sales-pipeline')!.id.list_id;
    assert.deepStrictEqual(writes(server), [`PUT /v2/lists/${list}/entries/${dragged.node.attioId()}`], 'one write');
    const served = (await api.data.lists.entry(list, dragged.node.attioId()!)) as AttioEntry;
    assert.strictEqual(stageOf(served), to.label);
    const regrouped = await treeRows(t.lists, (await listRow('Sales Pipeline')).node);
    const target = findRow(regrouped, to.label);
    assert.ok((await treeRows(t.lists, target.node)).some(r => r.label === dragged.label), 'shown in its new stage');

    // Move to Stage… on the same entry, back where it came from
    const moved = (await treeRows(t.lists, target.node)).find(r => r.label === dragged.label)!;
    const back = (await api.data.schema.statuses('lists', list, 'stage')).find(s => s.title === from.label)!;
    server.clearRequests();
    await vscode.commands.executeCommand(TreeCommands.moveToStage, moved.node, back.id.status_id);
    assert.deepStrictEqual(writes(server), [`PUT /v2/lists/${list}/entries/${dragged.node.attioId()}`]);
    const res = await fetch(`${server.url}/v2/lists/${list}/entries/${dragged.node.attioId()}`, { headers: { authorization: `Bearer ${server.tokens.full}` } });
    assert.strictEqual(stageOf(((await res.json()) as { data: AttioEntry }).data), from.label, 'the server has the entry back in its stage');
  });

  test('Remove from List (confirmed) deletes the entry: 1 write, gone from the list', async () => {
    await t.setStageGrouping((await extensionApi()).data.lists.list('hiring')!.id.list_id, false);
    const hiring = await listRow('Hiring');
    const entry = (await treeRows(t.lists, hiring.node)).find(r => r.contextValue.startsWith('entry:'))!;
    server.clearRequests();
    await vscode.commands.executeCommand(TreeCommands.removeFromList, entry.node, true);
    assert.deepStrictEqual(writes(server).map(w => w.replace(/[0-9a-f-]{36}/g, ':id')), ['DELETE /v2/lists/:id/entries/:id']);
    assert.ok(!(await treeRows(t.lists, (await listRow('Hiring')).node)).some(r => r.node.attioId() === entry.node.attioId()));
  });

  test('Export… of a filtered list writes the CSV of exactly the entries the server has for that filter', async () => {
    const api = await extensionApi();
    const list = api.data.lists.list('sales-pipeline')!.id.list_id;
    const won = (await api.data.schema.statuses('lists', list, 'stage')).find(s => s.title === 'Closed Won')!;
    await t.filters!.set('lists', list, { conditions: [{ attribute: 'stage', type: 'status', op: 'is', value: won.id.status_id, label: 'Stage', valueLabel: won.title }] });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'attio-export-')), 'pipeline.csv');
    server.clearRequests();
    const rows = await vscode.commands.executeCommand<number>(TreeCommands.export, (await listRow('Sales Pipeline')).node, { format: 'csv', uri: vscode.Uri.file(file) });
    const csv = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
    const res = await fetch(`${server.url}/v2/lists/${list}/entries/query`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.full}`, 'content-type': 'application/json' }, body: JSON.stringify({ filter: { stage: won.id.status_id } }) });
    const expected = ((await res.json()) as { data: AttioEntry[] }).data.map(e => e.id.entry_id).sort();
    assert.strictEqual(rows, expected.length);
    assert.strictEqual(csv[0], 'Record,Stage,Owner,Expected close,Added at,Added by,Entry ID');
    assert.deepStrictEqual(csv.slice(1).map(l => l.split(',').pop()).sort(), expected);
    assert.ok(csv.slice(1).every(l => l.split(',')[1] === 'Closed Won'));
    assert.ok(apiCalls(server).every(c => !/DELETE|PUT|PATCH/.test(c)), 'an export writes nothing');
  });
});
