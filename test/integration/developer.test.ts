/**
 * The developer's view in a real extension host, against the local Attio server: the Attributes sections of an
 * object and a list (and what each expansion costs), a select attribute's options, Open as JSON of a record
 * (parsed back and compared with the server's own answer), Copy as cURL / fetch, webhooks with and without
 * `webhook:read`, and a leak scan of everything generated.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SidebarViews } from '../../src/views/controller';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { NodeTreeProvider } from '../../src/views/provider';
import type { AttioTestServer } from '../server';
import { ALL_READ_SCOPES } from '../server/scopes';
import { extensionApi, signOutAll, suiteServer, waitFor, holdsFor, apiCalls, findRow, treeRows, type TreeRow } from './helpers';

type Row = TreeRow<TreeNode>;
const rows = (p: NodeTreeProvider, node?: TreeNode): Promise<Row[]> => treeRows(p, node, { developerSections: true });

async function signInWith(token: string): Promise<void> {
  await signOutAll();
  await vscode.commands.executeCommand('attio.signIn', { method: 'token', token });
  await waitFor(async () => (await extensionApi()).data.signedIn || undefined, 'sign-in');
}

/** Every token the server knows of, for the leak scan. */
function secrets(server: AttioTestServer): string[] {
  return Object.values(server.tokens);
}

function assertNoToken(text: string, server: AttioTestServer, where: string): void {
  for (const s of secrets(server)) assert.ok(!text.includes(s), `${where}: holds a token`);
  assert.ok(!/Bearer [A-Za-z0-9_-]{16,}/.test(text), `${where}: a literal bearer token`);
}

suite('Developer: schema, Open as JSON, Copy as cURL, webhooks', () => {
  let server: AttioTestServer;
  let t: SidebarViews;
  const generated: [string, string][] = [];

  const serverOf = suiteServer({ workspace: { records: 1200 } });
  suiteSetup(async () => {
    server = serverOf();
    t = (await extensionApi()).views;
    await signInWith(server.tokens.full);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('an object\'s Attributes: 1 request; title, api slug, type and flags of every attribute', async () => {
    await vscode.commands.executeCommand('attio.refresh');
    const people = findRow(await rows(t.objects), 'People');
    const children = await rows(t.objects, people.node);
    const section = children[0];
    assert.strictEqual(section.label, 'Attributes');
    assert.match(section.contextValue, /^attributes:/);
    server.clearRequests();
    const attrs = await rows(t.objects, section.node);
    const cost = apiCalls(server);
    assert.ok(cost.length <= 1 && cost.every(c => c === 'GET /v2/objects/people/attributes'), `at most one request: ${cost.join(', ')}`);
    console.log(`      [requests] People → Attributes: ${cost.length} (${cost.join(', ') || 'attributes already cached by the records page'})`);
    const email = findRow(attrs, 'Email addresses');
    assert.match(email.description, /^email_addresses · email-address · .*unique/);
    assert.match(email.contextValue, /(^|:)slug(:|$)/);
    assert.ok(attrs.every(a => a.contextValue.startsWith('attribute:') || a.contextValue.startsWith('message:')));
    assert.strictEqual(await vscode.commands.executeCommand('attio.copyApiSlug', email.node), 'email_addresses');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'email_addresses');
  });

  test('a select attribute\'s options: 1 request on expand, archived only on request', async () => {
    const partnerships = findRow(await rows(t.objects), 'Partnerships');
    const section = (await rows(t.objects, partnerships.node))[0];
    const tier = findRow(await rows(t.objects, section.node), 'Tier');
    assert.ok(tier.collapsible);
    assert.match(tier.description, /^tier · select/);
    server.clearRequests();
    const options = await rows(t.objects, tier.node);
    assert.deepStrictEqual(apiCalls(server), ['GET /v2/objects/partnerships/attributes/tier/options']);
    assert.deepStrictEqual(options.filter(o => o.contextValue.startsWith('option:')).map(o => o.label), ['Gold', 'Silver', 'Bronze']);
    assert.match(findRow(options, 'Gold').description, /^[0-9a-f-]{36}$/, 'the option id');
    findRow(options, /1 archived/);
    await vscode.commands.executeCommand('attio.showArchivedAttributes', section.node);
    const withArchived = await rows(t.objects, findRow(await rows(t.objects, section.node), 'Tier').node);
    assert.match(findRow(withArchived, 'Platinum').description, /archived/);
    await vscode.commands.executeCommand('attio.showArchivedAttributes', section.node);
  });

  test('a list\'s Attributes and a status attribute\'s statuses', async () => {
    const pipeline = findRow(await rows(t.lists), 'Sales Pipeline');
    const section = (await rows(t.lists, pipeline.node))[0];
    assert.strictEqual(section.label, 'Attributes');
    server.clearRequests();
    const attrs = await rows(t.lists, section.node);
    const listCost = apiCalls(server);
    assert.ok(listCost.length <= 1, listCost.join(', '));
    console.log(`      [requests] Sales Pipeline → Attributes: ${listCost.length}`);
    const stage = findRow(attrs, 'Stage');
    assert.match(stage.description, /^stage · status · required/);
    server.clearRequests();
    const statuses = await rows(t.lists, stage.node);
    assert.strictEqual(apiCalls(server).length, 1);
    assert.ok(statuses.some(s => s.label === 'Closed Won'));
  });

  test('Open as JSON of a record is the server\'s answer as received, in a json document', async () => {
    const people = findRow(await rows(t.objects), 'People');
    const ada = findRow(await rows(t.objects, people.node), 'Ada Lovelace');
    const id = (ada.node as unknown as { record: { id: { record_id: string } } }).record.id.record_id;
    server.clearRequests();
    await vscode.commands.executeCommand('attio.openAsJson', ada.node);
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.scheme === 'attio-json' ? vscode.window.activeTextEditor : undefined), 'the JSON editor');
    assert.deepStrictEqual(apiCalls(server), [`GET /v2/objects/people/records/${id}`], 'one request');
    assert.strictEqual(editor.document.languageId, 'json');
    const direct = await fetch(`${server.url}/v2/objects/people/records/${id}`, { headers: { authorization: `Bearer ${server.tokens.full}` } });
    assert.deepStrictEqual(JSON.parse(editor.document.getText()), await direct.json());
    generated.push(['record JSON', editor.document.getText()]);
    // Refresh asks again
    server.clearRequests();
    await vscode.commands.executeCommand('attio.refreshJson', editor.document.uri);
    await waitFor(() => apiCalls(server).length === 1 || undefined, 'the refresh request');
  });

  test('a record\'s detail page shows each attribute\'s api slug and type under its title', async () => {
    const people = findRow(await rows(t.objects), 'People');
    const ada = findRow(await rows(t.objects, people.node), 'Ada Lovelace');
    const uri = ada.node.detail();
    assert.ok(uri);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /\| Email addresses<br><sub>`email_addresses` · email-address<\/sub> \|/);
    assert.match(text, /\| Name<br><sub>`name` · personal-name<\/sub> \|/);
  });

  test('Copy as cURL / fetch of a record: the key as a placeholder, the URL on the configured base URL', async () => {
    const people = findRow(await rows(t.objects), 'People');
    const ada = findRow(await rows(t.objects, people.node), 'Ada Lovelace');
    const id = (ada.node as unknown as { record: { id: { record_id: string } } }).record.id.record_id;
    const curl = await vscode.commands.executeCommand<string>('attio.copyAsCurl', ada.node);
    assert.strictEqual(await vscode.env.clipboard.readText(), curl);
    assert.match(curl, /--header "Authorization: Bearer \$ATTIO_API_KEY"/);
    assert.ok(curl.includes(`'${server.url}/v2/objects/people/records/${id}'`), curl);
    const ts = await vscode.commands.executeCommand<string>('attio.copyAsFetch', ada.node);
    assert.match(ts, /process\.env\.ATTIO_API_KEY/);
    const self = await vscode.commands.executeCommand<string>('attio.copySelfAsCurl');
    assert.ok(self.includes(`'${server.url}/v2/self'`));
    const list = findRow(await rows(t.lists), 'Sales Pipeline');
    const entry = (await rows(t.lists, list.node)).find(r => r.contextValue.startsWith('entry:'));
    assert.ok(entry);
    generated.push(['record cURL', curl], ['record fetch', ts], ['self cURL', self]);
    generated.push(['entry cURL', await vscode.commands.executeCommand<string>('attio.copyAsCurl', entry.node)]);
  });

  test('webhooks: a read-only section with webhook:read', async () => {
    const root = await rows(t.objects);
    const hooks = findRow(root, 'Webhooks');
    assert.strictEqual(root[root.length - 1].label, 'Webhooks', 'after the objects');
    server.clearRequests();
    const list = await rows(t.objects, hooks.node);
    assert.deepStrictEqual(apiCalls(server), ['GET /v2/webhooks']);
    const sync = findRow(list, 'https://sync.northwindlabs.com/attio/events');
    assert.match(sync.description, /^active · 3 events$/);
    findRow(list, /old-integration/).description.startsWith('inactive');
    const subs = await rows(t.objects, sync.node);
    assert.match(findRow(subs, 'record.created').description, /object_id equals [0-9a-f-]{36} or object_id equals/);
    assert.strictEqual(findRow(subs, 'record.updated').description, 'all events');
    await vscode.commands.executeCommand('attio.openAsJson', sync.node);
    const doc = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.path.startsWith('/webhook-') ? vscode.window.activeTextEditor.document : undefined), 'the webhook JSON');
    assert.strictEqual(JSON.parse(doc.getText()).data.target_url, 'https://sync.northwindlabs.com/attio/events');
    generated.push(['webhook JSON', doc.getText()]);
  });

  test('a 500-record page opens as JSON (time logged, not asserted)', async () => {
    const item = { kind: 'records', object: 'people', limit: 500, offset: 0 };
    const uri = vscode.Uri.from({ scheme: 'attio-json', path: '/people-records-0-500.json', query: JSON.stringify(item) });
    const data = (await extensionApi()).data;
    const f0 = Date.now();
    await data.api.raw({ endpoint: 'queryRecords', params: { path: { object: 'people' }, body: { limit: 500, offset: 0 } } });
    const fetchMs = Date.now() - f0;
    const t0 = Date.now();
    await vscode.commands.executeCommand('attio.openAsJson', uri);
    const ms = Date.now() - t0;
    const doc = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.path === '/people-records-0-500.json' ? vscode.window.activeTextEditor.document : undefined), 'the page JSON');
    const n = (JSON.parse(doc.getText()) as { data: unknown[] }).data.length;
    assert.strictEqual(n, 500);
    // VS Code's own floor: an untitled json document with the same text
    const u0 = Date.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: doc.getText(), language: 'json' }), { preview: true });
    const floorMs = Date.now() - u0;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    console.log(
      `      [bench] Open as JSON of a ${n}-record page (${(doc.getText().length / 1024).toFixed(0)} KB, ${doc.lineCount} lines): ${ms} ms in the extension host ` +
        `(budget 300 ms; of which the request ≈ ${fetchMs} ms; an untitled json document with the same text: ${floorMs} ms)`,
    );
    generated.push(['page JSON', doc.getText()]);
  });

  test('leak scan: no generated cURL, fetch or JSON text holds a token', () => {
    assert.ok(generated.length >= 7, `scanned ${generated.length}`);
    for (const [what, text] of generated) assertNoToken(text, server, what);
  });

  test('a sign-in to another session clears open JSON documents without asking Attio again', async () => {
    const doc = vscode.workspace.textDocuments.find(d => d.uri.path === '/people-records-0-500.json');
    assert.ok(doc, 'the page document is open');
    const other = server.addToken('developer-switch', ALL_READ_SCOPES);
    server.clearRequests();
    await signInWith(other);
    await waitFor(() => doc.getText().startsWith('// The workspace changed') || undefined, 'the document to be cleared');
    // (an open detail page re-renders for the new session, as it always has; the JSON documents do not ask)
    await holdsFor(() => !apiCalls(server).some(c => c === 'POST /v2/objects/people/records/query' || c.includes('/v2/webhooks/')), 'the JSON documents do not ask Attio again', 1000);
    // Refresh JSON asks again, with the new session
    server.clearRequests();
    await vscode.commands.executeCommand('attio.refreshJson', doc.uri);
    await waitFor(() => doc.getText().startsWith('{') || undefined, 'the refreshed answer');
    assert.deepStrictEqual(apiCalls(server), ['POST /v2/objects/people/records/query']);
  });

  test('webhooks: absent (not an error) without webhook:read, and never requested', async () => {
    const token = server.addToken('no webhooks', ALL_READ_SCOPES.filter(s => !s.startsWith('webhook:')));
    await signInWith(token);
    server.clearRequests();
    const root = await rows(t.objects);
    assert.ok(root.some(r => r.label === 'People'));
    assert.ok(!root.some(r => r.label === 'Webhooks' || r.contextValue.startsWith('message:error')), root.map(r => r.label).join(', '));
    assert.ok(!apiCalls(server).some(c => c.includes('webhooks')));
    await signInWith(server.tokens.full);
  });
});
