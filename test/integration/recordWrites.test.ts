/**
 * Editing and creating records in the real extension host, against the local Attio server: Edit… on a value row
 * (status, select added and removed, currency, record reference) writes once and re-reads once, and the tree and
 * detail page show the new value; a refused edit rolls back and re-opens the input with what was typed; New Record…
 * meeting a unique value offers the existing record; a read-only token gets no Edit. The prompts are answered by a
 * script (the command's second argument, honoured only in test mode).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { assessScopes } from '../../src/attio';
import type { SidebarViews } from '../../src/views/controller';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { RecordRun } from '../../src/views/recordHandlers';
import type { AttioTestServer } from '../server';
import { apiCalls, extensionApi, suiteServer, treeChildren, waitFor } from './helpers';

suite('Editing and creating records in the extension host', () => {
  let server: AttioTestServer;
  let t: SidebarViews;
  const serverOf = suiteServer();
  const item = (n: TreeNode): vscode.TreeItem => t.objects.getTreeItem(n) as vscode.TreeItem;
  const label = (n: TreeNode): string => String(item(n).label);
  const children = (n?: TreeNode): Promise<TreeNode[]> => treeChildren(t.objects, n);
  const calls = (): string[] => apiCalls(server).filter(c => !c.startsWith('GET /v2/workspace_members')).map(c => c.replace(/[0-9a-f-]{36}/g, ':id'));

  const signIn = async (token: string): Promise<void> => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('attio.signIn', { method: 'token', token });
    await waitFor(() => (api.connection.current?.session.accessToken === token ? true : undefined), 'sign-in');
  };
  const records = async (object: string): Promise<TreeNode[]> => children((await children()).find(n => label(n) === object)!);
  const valueRow = async (record: TreeNode, title: string): Promise<TreeNode | undefined> => (await children(record)).find(n => label(n) === title);
  const shown = async (record: TreeNode, title: string): Promise<string> => String(item((await valueRow(record, title))!).description ?? '');
  const edit = async (row: TreeNode, ...answers: string[]): Promise<RecordRun> => (await vscode.commands.executeCommand<RecordRun>('attio.editValue', row, answers))!;
  const page = async (record: TreeNode): Promise<string> => (await extensionApi()).details.provideTextDocumentContent(record.detail()!, new vscode.CancellationTokenSource().token);

  suiteSetup(async () => {
    server = serverOf();
    t = (await extensionApi()).views;
    await signIn(server.tokens.full);
  });

  test('edit a deal\'s status from its value row: 0 requests to build the input, 1 write + 1 read, tree and detail page show it', async () => {
    const deal = (await records('Deals'))[0];
    const stage = (await valueRow(deal, 'Deal stage'))!;
    assert.match(String(item(stage).contextValue), /(^|:)editable(:|$)/, 'the row offers Edit…');
    await edit(stage); // cancelled at once: warms the statuses (the schema), writes nothing
    server.clearRequests();
    const run = await edit(stage, 'Negotiation');
    assert.strictEqual(run.outcome, 'written');
    // (an open detail page of another suite may re-render meanwhile: only what building the input and the edit send counts)
    const spent = calls().filter(c => /\/attributes|\/workspace_members|^(PATCH|PUT|POST) \/v2\/objects\/deals\/records|^GET \/v2\/objects\/deals\/records\/:id$/.test(c));
    assert.deepStrictEqual(spent, ['PATCH /v2/objects/deals/records/:id', 'GET /v2/objects/deals/records/:id'], `the input cost nothing; the edit 1 write + 1 read (all: ${calls().join(', ')})`);
    assert.strictEqual(await shown(deal, 'Deal stage'), 'Negotiation');
    // the value cell: the stage, then the Edit link the page puts beside an editable value
    assert.match(await page(deal), /\| Deal stage<br>.*\| Negotiation · \[Edit\]\(/);
    const created = (await valueRow(deal, 'Created at'))!;
    assert.doesNotMatch(String(item(created).contextValue), /editable/, 'a system attribute has no Edit');
  });

  test('a multiselect: adding a category (PATCH), then removing one (PUT)', async () => {
    const company = (await records('Companies'))[3];
    const row = await valueRow(company, 'Categories');
    const before = row ? (await shown(company, 'Categories')).split(', ').filter(Boolean) : [];
    const extra = (await (await extensionApi()).data.schema.selectOptions('objects', 'companies', 'categories')).map(o => o.title).find(o => !before.includes(o))!;
    assert.ok(extra, 'an option the company does not have');
    server.clearRequests();
    const target = row ?? company;
    const added = await vscode.commands.executeCommand<RecordRun>('attio.editValue', target, row ? [[...before, extra].join('|')] : ['Categories', extra]);
    assert.strictEqual(added?.outcome, 'written');
    assert.ok(calls().includes('PATCH /v2/objects/companies/records/:id'), calls().join(', '));
    assert.deepStrictEqual((await shown(company, 'Categories')).split(', ').sort(), [...before, extra].sort());
    server.clearRequests();
    const removed = await edit((await valueRow(company, 'Categories'))!, extra);
    assert.strictEqual(removed.outcome, 'written');
    assert.ok(calls().includes('PUT /v2/objects/companies/records/:id'), calls().join(', '));
    assert.strictEqual(await shown(company, 'Categories'), extra);
  });

  test('a currency and a record reference', async () => {
    const deal = (await records('Deals'))[1];
    const value = await valueRow(deal, 'Deal value');
    const v = await vscode.commands.executeCommand<RecordRun>('attio.editValue', value ?? deal, value ? ['125000.5'] : ['Deal value', '125000.5']);
    assert.strictEqual(v?.outcome, 'written');
    assert.match(await shown(deal, 'Deal value'), /125,000\.50/);
    const company = (await records('Companies'))[5];
    const companyId = (company as unknown as { record: { id: { record_id: string } } }).record.id.record_id;
    const ref = await valueRow(deal, 'Associated company');
    const r = await vscode.commands.executeCommand<RecordRun>('attio.editValue', ref ?? deal, ref ? ['Add a record…', `companies/${companyId}`].map(a => (a.startsWith('Add') ? `$(add) ${a}` : a)) : ['Associated company', `companies/${companyId}`]);
    assert.strictEqual(r?.outcome, 'written');
    assert.strictEqual(await shown(deal, 'Associated company'), label(company));
    assert.ok((await page(deal)).includes(label(company)));
  });

  test('a refused edit names the attribute and the reason, rolls back, and re-opens the input with what was typed', async () => {
    const companies = await records('Companies');
    const [a, b] = [companies[6], companies[7]];
    const before = await shown(a, 'Domains');
    const taken = (await shown(b, 'Domains')).split(', ')[0];
    const run = await edit((await valueRow(a, 'Domains'))!, taken);
    assert.strictEqual(run.outcome, 'refused');
    assert.deepStrictEqual(run.inputs, [before, taken], 'the second input opened with what was typed');
    assert.strictEqual(await shown(a, 'Domains'), before, 'rolled back');
  });

  test('New Record… meeting a unique domain offers the existing company and opens it', async () => {
    const company = (await records('Companies'))[0];
    const domain = (await shown(company, 'Domains')).split(', ')[0];
    const run = await vscode.commands.executeCommand<RecordRun>('attio.newRecord', 'companies', ['Name|Domains', 'Copycat Ltd', domain, 'Open the existing record']);
    assert.strictEqual(run?.outcome, 'opened-existing');
    assert.strictEqual(run?.recordId, (company as unknown as { record: { id: { record_id: string } } }).record.id.record_id);
    const fresh = await vscode.commands.executeCommand<RecordRun>('attio.newRecord', 'companies', ['Name|Domains', 'Fresh Start AG', 'fresh-start.example']);
    assert.strictEqual(fresh?.outcome, 'written');
    await waitFor(async () => ((await records('Companies')).some(n => label(n) === 'Fresh Start AG') ? true : undefined), 'the new company in the tree');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the chat write tools are confirmed: old and new value shown; confirmed, the value is written and the tree shows it; outside chat nothing', async () => {
    const api = await extensionApi();
    const deal = (await records('Deals'))[2];
    const id = (deal as unknown as { record: { id: { record_id: string } } }).record.id.record_id;
    const old = await shown(deal, 'Deal stage');
    const next = old === 'Lost' ? 'Lead' : 'Lost';
    const tool = api.chatTools.tool('attio_update_record');
    const cancel = new vscode.CancellationTokenSource().token;
    const input = { record: id, object: 'deals', values: { stage: next } };
    const prepared = await tool.prepareInvocation!({ input }, cancel);
    const message = prepared?.confirmationMessages?.message;
    const md = typeof message === 'string' ? message : (message?.value ?? '');
    assert.ok(md.includes(`Deal stage (\`stage\`): ${old} → ${next}`), md);
    server.clearRequests();
    const outside = await tool.invoke({ input, toolInvocationToken: undefined } as vscode.LanguageModelToolInvocationOptions<unknown>, cancel);
    assert.match((outside?.content ?? []).map(p => (p as { value?: unknown }).value).join(''), /nothing was written/);
    assert.deepStrictEqual(calls().filter(c => !c.startsWith('GET') && !c.endsWith('/query')), [], 'outside a chat session: no write');
    await tool.prepareInvocation!({ input }, cancel);
    const chatRequest = {} as vscode.ChatParticipantToolToken;
    await tool.invoke({ input, toolInvocationToken: chatRequest } as vscode.LanguageModelToolInvocationOptions<unknown>, cancel);
    assert.ok(calls().includes('PATCH /v2/objects/deals/records/:id'));
    await waitFor(async () => ((await shown(deal, 'Deal stage')) === next ? true : undefined), 'the tree shows the stage the chat wrote');
    const create = api.chatTools.tool('attio_create_record');
    const prep = await create.prepareInvocation!({ input: { object: 'companies', values: { name: 'Chat Made GmbH' } } }, cancel);
    const cm = prep?.confirmationMessages?.message;
    assert.match(typeof cm === 'string' ? cm : (cm?.value ?? ''), /- Name \(`name`\): — → Chat Made GmbH/);
  });

  test('a read-only token gets no Edit: every Edit and New Record menu needs record_permission:read-write', async () => {
    const manifest = vscode.extensions.getExtension('attio-explorer.attio-explorer')!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const entries = Object.values(manifest.contributes.menus).flat().filter(m => m.command === 'attio.editValue' || m.command === 'attio.newRecord');
    assert.ok(entries.length >= 4 && entries.every(m => /attio:canWriteRecords/.test(m.when ?? '')), JSON.stringify(entries));
    await signIn(server.tokens.readOnly);
    const api = await extensionApi();
    const scopes = api.connection.current!.session.scopes.join(' ');
    assert.strictEqual(assessScopes(scopes).find(f => f.feature === 'recordWrites')?.ok, false);
    await signIn(server.tokens.full);
    assert.strictEqual(assessScopes(api.connection.current!.session.scopes.join(' ')).find(f => f.feature === 'recordWrites')?.ok, true);
  });
});
