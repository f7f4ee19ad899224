import * as assert from 'assert';
import type { WorkspaceData } from '../../../src/data';
import { startAttioServer, type AttioTestServer } from '../../server';
import { apiCalls as calls, localData } from './localData';

suite('Data layer parts for chat tools (local Attio server over HTTP)', () => {
  let server: AttioTestServer;
  let data: WorkspaceData;
  let acme: string;

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  suiteTeardown(async () => {
    await server.close();
  });
  setup(async () => {
    data = (await localData(server)).data;
    await data.records.objects();
    server.clearRequests();
    const found = await data.search.cached('Acme Robotics', ['companies'], 1);
    acme = found[0].id.record_id;
  });

  test('search.cached: one request, then none for the same question; the record\'s object is known afterwards', async () => {
    assert.deepStrictEqual(calls(server), ['POST /v2/objects/records/search']);
    assert.strictEqual(data.records.objectOf(acme), 'companies');
    server.clearRequests();
    await data.search.cached('Acme Robotics', ['companies'], 1);
    assert.deepStrictEqual(calls(server), []);
    await data.search.cached('Acme Robotics', ['companies'], 2);
    assert.deepStrictEqual(calls(server), ['POST /v2/objects/records/search'], 'another limit is another question');
  });

  test('tasks.forRecord: the open tasks linked to the record in one request, cached; a task created for it joins in place', async () => {
    server.clearRequests();
    const open = (await data.tasks.forRecord('companies', acme)).value;
    assert.deepStrictEqual(calls(server).filter(c => c.includes('tasks')), ['GET /v2/tasks']);
    const q = server.requests.find(r => r.path === '/v2/tasks')!;
    assert.match(JSON.stringify(q), /linked_record_id/);
    for (const t of open) {
      assert.strictEqual(t.is_completed, false);
      assert.ok(t.linked_records.some(l => l.target_record_id === acme));
    }
    const created = await data.tasks.create({ content: 'Chat data test', deadlineAt: null, linkedRecords: [{ targetObject: 'companies', targetRecordId: acme }] });
    server.clearRequests();
    const after = (await data.tasks.forRecord('companies', acme)).value;
    assert.deepStrictEqual(calls(server), []);
    assert.ok(after.some(t => t.id.task_id === created.id.task_id));
    await data.tasks.setCompleted(created.id.task_id, true);
    assert.ok(!(await data.tasks.forRecord('companies', acme)).value.some(t => t.id.task_id === created.id.task_id), 'completed: out of the open tasks');
  });

  test('notes.create: POST /v2/notes once; the note goes to the front of the record\'s cached notes', async () => {
    const before = (await data.notes.list('companies', acme)).value;
    server.clearRequests();
    const note = await data.notes.create({ parentObject: 'companies', parentRecordId: acme, title: 'From chat', format: 'plaintext', content: 'Hello' });
    assert.deepStrictEqual(calls(server), ['POST /v2/notes']);
    assert.strictEqual(note.content_plaintext, 'Hello');
    const after = (await data.notes.list('companies', acme)).value;
    assert.deepStrictEqual(calls(server), ['POST /v2/notes'], 'no reload');
    assert.strictEqual(after.length, before.length + 1);
    assert.strictEqual(after[0].id.note_id, note.id.note_id);
  });
});
