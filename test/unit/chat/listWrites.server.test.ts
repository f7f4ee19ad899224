/**
 * The list write tool against the local Attio server: the confirmation names the record, the list and the stage as
 * plain data; a stage the list does not have and a list that holds other records are refused before anyone is asked;
 * a confirmed call costs 1 write; outside a chat session nothing is written.
 */
import * as assert from 'assert';
import { ChatToolNames as T } from '../../../src/constants';
import { startAttioServer, type AttioTestServer } from '../../server';
import { chatHarness, findAcme, type ChatHarness } from './serverFixture';

const writes = (server: AttioTestServer): string[] =>
  server.requests.filter(r => r.method !== 'GET' && !r.path.endsWith('/query') && !r.path.endsWith('/search')).map(r => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`);
const signal = () => new AbortController().signal;

suite('Chat list write tool: add to a list, confirmed first', () => {
  let server: AttioTestServer;
  let h: ChatHarness;
  let acme: { id: string; url: string };
  let list: { id: string; name: string; slug: string; stage?: string };

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  suiteTeardown(() => server.close());
  setup(async () => {
    h = await chatHarness(server);
    acme = await findAcme(h);
    const [companies] = await h.data.entryWrites.listsFor('companies');
    assert.ok(companies, 'the demo has a list of companies');
    const attribute = await h.data.entryWrites.stageAttribute(companies.id.list_id);
    const stages = attribute ? await h.data.entryWrites.stages(companies.id.list_id, attribute) : [];
    list = { id: companies.id.list_id, name: companies.name, slug: companies.api_slug, stage: stages.at(-1)?.title };
  });

  test('the confirmation names record, list and stage; invoking writes one entry with that stage', async () => {
    const input = { record: acme.url, list: list.name, ...(list.stage ? { stage: list.stage.toUpperCase() } : {}) };
    const p = await h.runner.prepare(T.addToList, input);
    assert.strictEqual(p.confirmation?.title, 'Add to an Attio list?');
    const md = p.confirmation!.message;
    assert.match(md, new RegExp(`^Adds \\*\\*Acme Robotics\\*\\* \\(companies, ${acme.id}\\) to the list \\*\\*${list.name}\\*\\* in the Attio workspace \\*\\*Northwind Labs\\*\\*\\.`));
    if (list.stage) assert.ok(md.endsWith(`\n\n- Stage: ${list.stage}`), md);
    server.clearRequests();
    const out = await h.runner.invoke(T.addToList, input, true, signal());
    assert.match(out, new RegExp(`Added "Acme Robotics" .* to "${list.name}"${list.stage ? ` at stage "${list.stage}"` : ''} · entry_id [0-9a-f-]{36}`));
    assert.deepStrictEqual(writes(server), [`POST /v2/lists/:id/entries`], '1 write');
    const body = server.requests.find(r => r.method === 'POST' && r.path.endsWith('/entries'))!.body as { data: { parent_record_id: string; entry_values: Record<string, unknown> } };
    assert.strictEqual(body.data.parent_record_id, acme.id);
    if (list.stage) assert.strictEqual(Object.keys(body.data.entry_values).length, 1, 'the stage is written with the entry');
  });

  test('a stage the list lacks, or a list of other records, is refused before anyone is asked', async () => {
    server.clearRequests();
    const noStage = { record: acme.url, list: list.name, stage: 'Not a stage of this list' };
    const [people] = await h.data.entryWrites.listsFor('people');
    const wrongList = { record: acme.url, list: people.name };
    for (const input of [noStage, wrongList]) {
      assert.strictEqual((await h.runner.prepare(T.addToList, input)).confirmation, undefined, 'nobody is asked');
      assert.match(await h.runner.invoke(T.addToList, input, true, signal()), /nothing was written/);
    }
    assert.deepStrictEqual(writes(server), [], 'nothing written');
  });

  test('outside a chat session nothing is written', async () => {
    const input = { record: acme.url, list: list.slug, ...(list.stage ? { stage: list.stage } : {}) };
    await h.runner.prepare(T.addToList, input);
    server.clearRequests();
    assert.match(await h.runner.invoke(T.addToList, input, false, signal()), /nothing was written/);
    assert.deepStrictEqual(writes(server), []);
  });
});
