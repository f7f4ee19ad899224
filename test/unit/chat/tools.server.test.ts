import * as assert from 'assert';
import { MAX_RESULT_BYTES, ToolRunner } from '../../../src/chat/toolRunner';
import { WorkspaceData } from '../../../src/data';
import { ChatToolNames } from '../../../src/constants';
import { startAttioServer, type AttioTestServer } from '../../server';
import { chatHarness, findAcme, describeError, type ChatHarness } from './serverFixture';

/** Requests to /v2 (not /v2/self) since the last clear, as "METHOD path". */
const calls = (server: AttioTestServer): string[] => server.requests.filter(r => r.path.startsWith('/v2/') && r.path !== '/v2/self').map(r => `${r.method} ${r.path}`);
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const T = ChatToolNames;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

suite('Chat tools against the local Attio server', () => {
  let server: AttioTestServer;
  let h: ChatHarness;
  let acme: { id: string; url: string };

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  suiteTeardown(async () => {
    await server.close();
  });
  setup(async () => {
    acme = await findAcme(await chatHarness(server));
    h = await chatHarness(server); // a fresh cache for the test itself
    server.clearRequests();
  });

  test('search: titles, object, record id and web URL from the workspace; 2 requests, none when repeated', async () => {
    const out = await h.run(T.searchRecords, { query: 'acme' });
    const first = calls(server);
    assert.deepStrictEqual(first, ['GET /v2/objects', 'POST /v2/objects/records/search']);
    const record = (await h.data.records.get('companies', acme.id));
    assert.ok(out.includes(`"Acme Robotics" · object companies · record_id ${acme.id} · ${record.web_url}`), out);
    server.clearRequests();
    assert.strictEqual(await h.run(T.searchRecords, { query: 'acme' }), out);
    assert.deepStrictEqual(calls(server), [], 'a repeated call is served from the cache');
  });

  test('get record by URL (no object given): values by api slug, entries, note titles, open tasks; repeated costs 0', async () => {
    const out = await h.run(T.getRecord, { record: acme.url });
    const first = calls(server);
    // objects (for the URL's noun, once per workspace), the record, its attributes, list entries, notes, open tasks,
    // members (actor names) and one titles query per referenced object: each once, in parallel after the objects
    assert.deepStrictEqual([...first].sort(), [
      'GET /v2/notes',
      'GET /v2/objects',
      `GET /v2/objects/companies/attributes`,
      `GET /v2/objects/companies/records/${acme.id}`,
      `GET /v2/objects/companies/records/${acme.id}/entries`,
      'GET /v2/tasks',
      'GET /v2/workspace_members',
      'POST /v2/objects/people/records/query',
    ]);
    assert.match(out, /^- name \("Name", text\): "Acme Robotics"$/m);
    assert.match(out, /^- domains \(/m);
    const notes = (await h.data.notes.list('companies', acme.id)).value;
    for (const n of notes.slice(0, 10)) assert.ok(out.includes(JSON.stringify(n.title)), `note ${n.title}`);
    const open = (await h.data.tasks.forRecord('companies', acme.id)).value;
    for (const t of open) assert.ok(out.includes(t.id.task_id), 'open task listed');
    const entries = (await h.data.records.entries('companies', acme.id)).value;
    for (const e of entries) assert.ok(out.includes(`entry_id ${e.entryId}`));
    server.clearRequests();
    assert.strictEqual(await h.run(T.getRecord, { record: acme.url }), out);
    assert.deepStrictEqual(calls(server), []);
  });

  test('get record: an id the tool has not seen needs the object; it says so and sends nothing', async () => {
    const out = await h.run(T.getRecord, { record: acme.id });
    assert.match(out, /Pass "object"/);
    assert.deepStrictEqual(calls(server), []);
    const withObject = await h.run(T.getRecord, { record: acme.id, object: 'company' });
    assert.match(withObject, /Record "Acme Robotics" · object companies/);
  });

  test('list tasks: overdue ones are open and past their deadline; the cut says how many more; a record filter keeps its tasks', async () => {
    const out = await h.run(T.listTasks, { filter: 'overdue', limit: 2 });
    const lines = out.split('\n').filter(l => l.startsWith('- '));
    assert.strictEqual(lines.length, 2);
    for (const l of lines) assert.match(l, /deadline \d{4}-\d\d-\d\d \(overdue\)/);
    const total = Number(/(\d+) task\(s\), overdue/.exec(out)![1]);
    assert.ok(out.endsWith(`… ${total - 2} more; narrow the query (raise "limit" or pass "record").`), out);
    server.clearRequests();
    await h.run(T.listTasks, { filter: 'overdue', limit: 2 });
    assert.deepStrictEqual(calls(server), [], 'repeated: no request');

    const forAcme = await h.run(T.listTasks, { record: acme.url });
    const open = (await h.data.tasks.forRecord('companies', acme.id)).value;
    assert.strictEqual(forAcme.split('\n').filter(l => l.startsWith('- ')).length, Math.min(open.length, 20));
    for (const t of open) assert.ok(forAcme.includes(t.id.task_id));
  });

  test('list entries by list name with a stage: every entry shown is in that stage', async () => {
    const out = await h.run(T.listEntries, { list: 'Sales Pipeline', stage: 'qualified', limit: 50 });
    const lines = out.split('\n').filter(l => l.startsWith('- '));
    assert.ok(lines.length > 0, out);
    for (const l of lines) assert.match(l, /"Qualified"/);
    const none = await h.run(T.listEntries, { list: 'sales', stage: 'Nope' });
    assert.match(none, /No entry of "Sales Pipeline" is in stage "Nope"\. Stages in use: .*"Qualified"/);
  });

  test('describe schema: overview of objects and lists; an object\'s attributes with the statuses Attio has', async () => {
    const all = await h.run(T.describeSchema, {});
    for (const o of (await h.data.records.objects()).value) assert.ok(all.includes(`- ${o.api_slug} · `));
    for (const l of (await h.data.lists.lists()).value) assert.ok(all.includes(`list_id ${l.id.list_id}`));
    const deals = await h.run(T.describeSchema, { target: 'deals' });
    const statuses = (await h.data.schema.statuses('objects', 'deals', 'stage')).filter(s => !s.is_archived).map(s => JSON.stringify(s.title));
    assert.ok(deals.includes(`- stage · status · required, system · "Deal stage" · statuses: ${statuses.join(', ')}`), deals);
    server.clearRequests();
    await h.run(T.describeSchema, { target: 'deals' });
    assert.deepStrictEqual(calls(server), []);
  });

  test('a token without task:read: list tasks answers with the scope to add, no throw', async () => {
    const noTasks = await chatHarness(server, server.tokens.noTasks);
    const out = await noTasks.run(T.listTasks, { filter: 'open' });
    assert.match(out, /task:read/);
    assert.match(out, /Add .*task:read.* to the token/);
    const rec = await noTasks.run(T.getRecord, { record: acme.url });
    assert.match(rec, /Record "Acme Robotics"/, 'the rest of the record is still answered');
    assert.match(rec, /Open tasks:\n- .*task:read/);
  });

  test('turned off or signed out: a sentence naming the setting or the sign-in command', async () => {
    h.enabled.on = false;
    assert.match(await h.run(T.searchRecords, { query: 'x' }), /turned off \(setting attio\.chat\.tools\)/);
    h.enabled.on = true;
    const data = new WorkspaceData({ connection: () => undefined, config: () => ({ cacheTtlMs: 1000, pageSize: 50 }) });
    const signedOut = new ToolRunner({ data, describeError, redact: t => t, enabled: () => true, allowOutsideChat: () => false });
    for (const name of Object.values(T)) {
      assert.match(await signedOut.invoke(name, {}, true, new AbortController().signal), /^Not signed in to Attio\. .*"Attio: Sign In" \(attio\.signIn\)/);
      assert.match((await signedOut.prepare(name, {})).invocationMessage, /^Not signed in/);
    }
    assert.deepStrictEqual(calls(server), []);
  });

  test('outside a chat session (another extension\'s invokeTool) reads answer only when the person allowed it in their settings', async () => {
    server.clearRequests();
    for (const name of [T.searchRecords, T.describeSchema]) {
      assert.match(await h.run(name, { query: 'Acme' }, false), /answers only in a chat session.*nothing was read.*attio\.chat\.allowToolsOutsideChat/);
    }
    assert.deepStrictEqual(calls(server), [], 'nothing was read');
    h.outsideChat.allowed = true;
    try {
      assert.match(await h.run(T.searchRecords, { query: 'Acme Robotics', limit: 1 }, false), /Acme Robotics/);
    } finally {
      h.outsideChat.allowed = false;
    }
  });

  test('every read answer stays within 12 KB and carries no token', async () => {
    const inputs: [string, unknown][] = [
      [T.searchRecords, { query: 'a', limit: 25 }],
      [T.getRecord, { record: acme.url }],
      [T.listTasks, { filter: 'open', limit: 50 }],
      [T.listTasks, { filter: 'completed', limit: 50 }],
      [T.listEntries, { list: 'sales-pipeline', limit: 50 }],
      [T.describeSchema, {}],
      [T.describeSchema, { target: 'people' }],
    ];
    for (const [name, input] of inputs) {
      const out = await h.run(name, input);
      assert.ok(bytes(out) <= MAX_RESULT_BYTES, `${name}: ${bytes(out)} bytes`);
      for (const t of Object.values(server.tokens)) assert.ok(!out.includes(t), `${name} leaks a token`);
      assert.match(out, UUID, `${name} answered with data`);
    }
  });
});
