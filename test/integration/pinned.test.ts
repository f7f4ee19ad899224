/**
 * Pinned records in the real extension host: "Pin" puts a record in a Pinned section at the top of the Objects
 * view (kept per workspace in global state), expanding it costs one request per object of the pins, its titles
 * follow Refresh, and "Unpin" removes it (the section goes with the last pin).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SidebarViews } from '../../src/views/controller';
import { PinStore } from '../../src/views/pinStore';
import type { AttioTestServer } from '../server';
import { extensionApi, suiteServer, apiCalls, treeRows, signInWith } from './helpers';


suite('Pinned records in the Objects view', () => {
  let server: AttioTestServer;
  let t: SidebarViews;
  const serverOf = suiteServer();

  suiteSetup(async () => {
    server = serverOf();
    const api = await extensionApi();
    t = api.views;
    await signInWith(server.tokens.full);
  });

  test('Pin puts a person and a company in a Pinned section at the top, kept in global state; Unpin takes them out', async () => {
    const api = await extensionApi();
    const root = await treeRows(t.objects);
    assert.notStrictEqual(root[0].label, 'Pinned', 'nothing pinned yet');
    const person = (await treeRows(t.objects, root.find(r => r.label === 'People')!.node))[0];
    const company = (await treeRows(t.objects, root.find(r => r.label === 'Companies')!.node))[0];
    assert.match(person.contextValue, /(^|:)pin(:|$)/);
    await vscode.commands.executeCommand('attio.pinRecord', person.node);
    await vscode.commands.executeCommand('attio.pinRecord', company.node);

    const kept = new PinStore(api.globalState, () => api.data.session?.workspaceSlug).list();
    assert.deepStrictEqual(kept.map(p => p.object), ['people', 'companies'], 'kept in global state, which a reloaded window reads back');
    const stored = JSON.stringify(api.globalState.get('attio.pins'));
    for (const name of [person.label, company.label]) assert.ok(!stored.includes(name), `no record name in global state: ${stored}`);

    await vscode.commands.executeCommand('attio.refreshObjects');
    server.clearRequests();
    const top = await treeRows(t.objects);
    assert.strictEqual(top[0].label, 'Pinned');
    const pinned = await treeRows(t.objects, top[0].node);
    assert.deepStrictEqual(pinned.map(p => p.label), [person.label, company.label]);
    assert.ok(pinned.every(p => /^record:.*(^|:)pinned(:|$)/.test(p.contextValue)), 'pinned records offer Unpin');
    const queries = apiCalls(server).filter(c => c.includes('/records/query'));
    assert.deepStrictEqual(queries.sort(), ['POST /v2/objects/companies/records/query', 'POST /v2/objects/people/records/query'], 'one request per object of the pins');

    server.clearRequests();
    await treeRows(t.objects, (await treeRows(t.objects))[0].node);
    assert.deepStrictEqual(apiCalls(server).filter(c => c.includes('/records/query')), [], 'cached until Refresh or the TTL');

    await vscode.commands.executeCommand('attio.unpinRecord', pinned[0].node);
    assert.deepStrictEqual((await treeRows(t.objects, (await treeRows(t.objects))[0].node)).map(p => p.label), [company.label]);
    await vscode.commands.executeCommand('attio.unpinRecord', pinned[1].node);
    assert.notStrictEqual((await treeRows(t.objects))[0].label, 'Pinned', 'the section goes with the last pin');
  });
});
