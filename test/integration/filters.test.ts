/**
 * Filter and sort in the real extension host against the local Attio server: a filtered and sorted object shows
 * exactly the records the server's data says, its node says what is active, Clear restores the list, the filter is
 * kept in global state (what a reload reads back), a list's entries filter too, and a filter Attio rejects (an
 * attribute removed) falls back to the unfiltered list with the filter dropped.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AttioRecord } from '../../src/attio';
import type { RecordFilter } from '../../src/data';
import type { SidebarViews } from '../../src/views/controller';
import { FilterStore } from '../../src/views/filterStore';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { NodeTreeProvider } from '../../src/views/provider';
import type { AttioTestServer } from '../server';
import { extensionApi, logCount, suiteServer, waitFor, apiCalls, treeRows, type TreeRow, signInWith } from './helpers';


const rows = (p: NodeTreeProvider, node?: TreeNode): Promise<TreeRow<TreeNode>[]> => treeRows(p, node);
type Row = TreeRow<TreeNode>;

const calls = apiCalls;

const stageOf = (r: AttioRecord): string | undefined => (r.values.stage?.[0] as { status?: { title: string } } | undefined)?.status?.title;
const valueOf = (r: AttioRecord): number => (r.values.value?.[0] as { currency_value?: number } | undefined)?.currency_value ?? -Infinity;

suite('Filters: filter and sort objects and lists in the extension host', () => {
  let server: AttioTestServer;
  let t: SidebarViews;
  // filters are kept per workspace: leave none behind for the suites that follow (before the suite server signs out)
  suiteTeardown(async () => {
    const api = await extensionApi();
    for (const l of (await api.data.lists.lists()).value) await t.filters?.set('lists', l.id.list_id, undefined);
    for (const o of (await api.data.records.objects()).value) await t.filters?.set('objects', o.api_slug ?? o.id.object_id, undefined);
  });
  const serverOf = suiteServer();

  suiteSetup(async () => {
    server = serverOf();
    const api = await extensionApi();
    t = api.views;
    await signInWith(server.tokens.full);
  });

  const deals = async (): Promise<Row> => {
    const r = (await rows(t.objects)).find(x => x.label === 'Deals');
    assert.ok(r, 'Deals row');
    return r;
  };

  test('a filtered and sorted object shows exactly the server\'s records and says what is active; Clear restores it; the filter is kept in global state', async () => {
    const api = await extensionApi();
    const all = (await api.data.records.list('deals')).items;
    const statuses = await api.data.schema.statuses('objects', 'deals', 'stage');
    const stage = statuses.find(s => all.filter(r => stageOf(r) === s.title).length >= 2)!;
    const expected = all.filter(r => stageOf(r) === stage.title).sort((a, b) => valueOf(b) - valueOf(a)).map(r => api.data.records.title(r, 'deals'));
    const filter: RecordFilter = {
      conditions: [{ attribute: 'stage', type: 'status', op: 'is', value: stage.id.status_id, label: 'Stage', valueLabel: stage.title }],
      sort: { attribute: 'value', label: 'Deal value', direction: 'desc' },
    };

    server.clearRequests();
    await vscode.commands.executeCommand('attio.filter', (await deals()).node, filter);
    const row = await deals();
    assert.strictEqual(row.description, `Stage is ${stage.title} · by Deal value ↓`);
    assert.match(row.contextValue, /(^|:)filtered(:|$)/);
    const children = await rows(t.objects, row.node);
    assert.deepStrictEqual(children.map(c => c.label), expected, 'the matching deals, by value descending');
    // (title lookups of referenced records, and detail pages other suites left open, are not the filter's cost)
    assert.deepStrictEqual(calls(server).filter(c => c.endsWith('/records/query') && c.includes('/deals/')), ['POST /v2/objects/deals/records/query'], 'one request to apply it (building cost none)');

    const kept = new FilterStore(api.globalState, () => api.data.session?.workspaceSlug).get('objects', 'deals');
    assert.deepStrictEqual(kept, filter, 'kept in global state, which a reloaded window reads back');

    server.clearRequests();
    await vscode.commands.executeCommand('attio.clearFilter', row.node);
    const cleared = await deals();
    assert.doesNotMatch(cleared.contextValue, /(^|:)filtered(:|$)/);
    assert.doesNotMatch(cleared.description, /Stage/);
    const back = await rows(t.objects, cleared.node);
    assert.strictEqual(back.filter(c => /^record:/.test(c.contextValue)).length, all.length, 'every deal again');
    assert.deepStrictEqual(calls(server), [], 'from the cache');
  });

  test('a list\'s entries filtered by stage', async () => {
    const api = await extensionApi();
    const list = (await rows(t.lists)).find(r => r.label === 'Sales Pipeline') ?? (await rows(t.lists))[0];
    const listId = (list.node as unknown as { list: { id: { list_id: string } } }).list.id.list_id;
    const entries = (await api.data.lists.entries(listId)).items;
    const statuses = await api.data.schema.statuses('lists', listId, 'stage');
    const title = (e: (typeof entries)[number]): string | undefined => (e.entry.entry_values.stage?.[0] as { status?: { title: string } } | undefined)?.status?.title;
    const stage = statuses.find(s => entries.some(e => title(e) === s.title))!;
    await vscode.commands.executeCommand('attio.filter', list.node, { conditions: [{ attribute: 'stage', type: 'status', op: 'is', value: stage.id.status_id, label: 'Stage', valueLabel: stage.title }] });
    const filtered = (await rows(t.lists)).find(r => r.label === list.label)!;
    assert.strictEqual(filtered.description, `Stage is ${stage.title}`);
    const shown = (await rows(t.lists, filtered.node)).map(r => r.label).sort();
    assert.deepStrictEqual(shown, entries.filter(e => title(e) === stage.title).map(e => e.title).sort());
    await vscode.commands.executeCommand('attio.clearFilter', filtered.node);
  });

  test('a filter on an attribute removed in Attio: the unfiltered list, the filter dropped, the reason logged', async () => {
    const api = await extensionApi();
    const before = await logCount('filter on objects/deals dropped');
    await vscode.commands.executeCommand('attio.filter', (await deals()).node, { conditions: [{ attribute: 'removed_in_attio', type: 'text', op: 'contains', value: 'x', label: 'Removed' }] });
    const row = await deals();
    const children = await rows(t.objects, row.node);
    assert.strictEqual(children.filter(c => /^record:/.test(c.contextValue)).length, (await api.data.records.list('deals')).items.length, 'every deal');
    assert.strictEqual(t.filters?.get('objects', 'deals'), undefined, 'dropped');
    assert.doesNotMatch((await deals()).description, /Removed/);
    await waitFor(async () => (await logCount('filter on objects/deals dropped')) > before || undefined, 'the log line');
  });
});
