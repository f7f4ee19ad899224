/**
 * The Edit link of a record's detail page in the real extension host: loading the document an Edit link points to
 * (what the Markdown preview does when the link is clicked) opens the tree's Edit… input for that attribute, in the
 * workbench; accepting it writes once and re-reads once, and the server stores the value. A token that may not write
 * records gets no Edit links and opening such a document asks for nothing.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { detailUri } from '../../src/detail/uris';
import type { AttioTestServer } from '../server';
import { apiCalls, extensionApi, suiteServer, waitFor } from './helpers';

suite('Edit links on a detail page in the extension host', () => {
  let server: AttioTestServer;
  const serverOf = suiteServer();
  const token = () => new vscode.CancellationTokenSource().token;
  const signIn = async (t: string): Promise<void> => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: t });
    await waitFor(() => (api.connection.current?.session.accessToken === t ? true : undefined), 'sign-in');
  };
  /** The stage the server stores for a deal. */
  const storedStage = async (id: string): Promise<string | undefined> => {
    const res = await fetch(`${server.url}/v2/objects/deals/records/${id}`, { headers: { authorization: `Bearer ${server.tokens.full}` } });
    const values = ((await res.json()) as { data: { values: { stage?: { active_until?: string | null; status?: { title: string } }[] } } }).data.values;
    return values.stage?.find(v => !v.active_until)?.status?.title;
  };
  /** A deal not in the first stage ("Lead": the item a Quick Pick opens with). */
  const dealNotInLead = async (): Promise<string> => {
    const res = await fetch(`${server.url}/v2/objects/deals/records/query`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.full}`, 'content-type': 'application/json' }, body: JSON.stringify({ limit: 50 }) });
    const deals = ((await res.json()) as { data: { id: { record_id: string }; values: { stage?: { active_until?: string | null; status?: { title: string } }[] } }[] }).data;
    const deal = deals.find(d => d.values.stage?.find(v => !v.active_until)?.status?.title !== 'Lead');
    assert.ok(deal, 'a deal not in Lead');
    return deal.id.record_id;
  };

  suiteSetup(() => {
    server = serverOf();
  });

  test('a token that may not write records: no Edit links, and an Edit link\'s document asks for nothing', async () => {
    await signIn(server.tokens.readOnly);
    const api = await extensionApi();
    const id = await dealNotInLead();
    const before = await storedStage(id);
    assert.doesNotMatch(await api.details.provideTextDocumentContent(detailUri({ kind: 'record', object: 'deals', id }), token()), /\[Edit\]/);
    const asked: unknown[] = [];
    const listening = api.details.onDidRequestEdit(r => asked.push(r));
    try {
      server.clearRequests();
      await api.details.provideTextDocumentContent(detailUri({ kind: 'record', object: 'deals', id, edit: { attribute: 'stage', serial: 1 } }), token());
    } finally {
      listening.dispose();
    }
    assert.deepStrictEqual(asked, [], 'no Edit… input is asked for');
    assert.ok(!apiCalls(server).some(c => !c.startsWith('GET') && !c.endsWith('/query')), apiCalls(server).join(', '));
    assert.strictEqual(await storedStage(id), before);
  });

  test('opening an Edit link\'s document opens the Edit… input of its attribute; accepting it is 1 write + 1 read and the server stores it', async () => {
    await signIn(server.tokens.full);
    const api = await extensionApi();
    const id = await dealNotInLead();
    const page = await api.details.provideTextDocumentContent(detailUri({ kind: 'record', object: 'deals', id }), token());
    const link = /\| [^|]*· \[Edit\]\(\.\/edit\/stage\/(\d+)\/record\.md\) \|/.exec(page);
    assert.ok(link, 'the page has an Edit link beside the deal stage');
    await api.data.schema.statuses('objects', 'deals', 'stage'); // the input's statuses, as the page's first Edit would have them

    server.clearRequests();
    await vscode.workspace.openTextDocument(detailUri({ kind: 'record', object: 'deals', id, edit: { attribute: 'stage', serial: Number(link[1]) } }));
    // the Quick Pick of statuses opens in the workbench with its first item active: accepted as a person presses Enter
    // (repeated until the server has it: the command does nothing while the picker has not opened yet)
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return (await storedStage(id)) === 'Lead' || undefined;
    }, 'the stage picked through the Edit link to be stored');
    // the edit's own cost: one write, and the record read again right after it (the page loading its document reads
    // the record too: that is the page's cost, before the input opens and when it renders the new value)
    const calls = apiCalls(server).map(c => c.replace(/[0-9a-f-]{36}/g, ':id')).filter(c => /\/v2\/objects\/deals\/records/.test(c) && !c.endsWith('/query'));
    assert.deepStrictEqual(calls.filter(c => !c.startsWith('GET')), ['PATCH /v2/objects/deals/records/:id'], `1 write (all: ${calls.join(', ')})`);
    assert.strictEqual(calls[calls.indexOf('PATCH /v2/objects/deals/records/:id') + 1], 'GET /v2/objects/deals/records/:id', '+ 1 read right after it');
  });
});
