import * as assert from 'node:assert';
import { AttioTestServer, startAttioServer } from '../index';
import { api } from './helpers';

suite('Attio test server: tasks', () => {
  let server: AttioTestServer;
  let tasks: any[];
  let members: any[];
  let person: any;

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
    tasks = (await api(server, 'GET', '/v2/tasks')).body.data;
    members = (await api(server, 'GET', '/v2/workspace_members')).body.data;
    person = (await api(server, 'POST', '/v2/objects/people/records/query', { body: { limit: 1 } })).body.data[0];
  });
  suiteTeardown(() => server.close());

  const validTask = () => ({
    content: 'Send the renewal quote',
    format: 'plaintext',
    deadline_at: new Date(Date.now() + 86400000).toISOString(),
    is_completed: false,
    linked_records: [{ target_object: 'people', target_record_id: person.id.record_id }],
    assignees: [{ referenced_actor_type: 'workspace-member', referenced_actor_id: members[0].id.workspace_member_id }],
  });

  test('the demo has overdue, completed, unassigned and linked tasks', () => {
    assert.ok(tasks.length >= 30);
    const now = Date.now();
    assert.ok(tasks.some((t) => !t.is_completed && t.deadline_at && Date.parse(t.deadline_at) < now), 'overdue');
    assert.ok(tasks.some((t) => t.is_completed && t.completed_at), 'completed');
    assert.ok(tasks.every((t) => t.is_completed === (t.completed_at !== null)));
    assert.ok(tasks.some((t) => t.assignees.length === 0), 'unassigned');
    assert.ok(new Set(tasks.flatMap((t) => t.assignees.map((a: any) => a.referenced_actor_id))).size >= 3, 'several assignees');
    assert.ok(tasks.some((t) => t.linked_records.length > 0));
  });

  test('limit/offset and created_at sort', async () => {
    const page = (await api(server, 'GET', '/v2/tasks?limit=5&offset=5')).body.data;
    assert.deepStrictEqual(page, tasks.slice(5, 10));
    const desc = (await api(server, 'GET', '/v2/tasks?sort=created_at:desc')).body.data;
    assert.deepStrictEqual(desc.map((t: any) => t.id.task_id), [...tasks].reverse().map((t: any) => t.id.task_id));
    const byCompletion = (await api(server, 'GET', '/v2/tasks?sort=completed_at:desc')).body.data;
    const completedAt = byCompletion.filter((t: any) => t.completed_at).map((t: any) => t.completed_at);
    assert.deepStrictEqual(completedAt, [...completedAt].sort().reverse());
    assert.strictEqual((await api(server, 'GET', '/v2/tasks?sort=deadline_at:asc')).status, 400);
  });

  test('filters: is_completed, assignee id/email/unassigned, linked record', async () => {
    const open = (await api(server, 'GET', '/v2/tasks?is_completed=false')).body.data;
    assert.deepStrictEqual(open, tasks.filter((t) => !t.is_completed));
    const member = members[1];
    const expected = tasks.filter((t) => t.assignees.some((a: any) => a.referenced_actor_id === member.id.workspace_member_id));
    assert.ok(expected.length > 0);
    assert.deepStrictEqual((await api(server, 'GET', `/v2/tasks?assignee=${member.id.workspace_member_id}`)).body.data, expected);
    assert.deepStrictEqual((await api(server, 'GET', `/v2/tasks?assignee=${encodeURIComponent(member.email_address)}`)).body.data, expected);
    const unassigned = tasks.filter((t) => t.assignees.length === 0);
    assert.deepStrictEqual((await api(server, 'GET', '/v2/tasks?assignee=')).body.data, unassigned);
    assert.deepStrictEqual((await api(server, 'GET', '/v2/tasks?assignee=null')).body.data, unassigned);
    const link = tasks.find((t) => t.linked_records.length > 0).linked_records[0];
    const linked = (await api(server, 'GET', `/v2/tasks?linked_object=${link.target_object_id}&linked_record_id=${link.target_record_id}`)).body.data;
    assert.deepStrictEqual(linked, tasks.filter((t) => t.linked_records.some((l: any) => l.target_record_id === link.target_record_id)));
    const alone = await api(server, 'GET', `/v2/tasks?linked_object=${link.target_object_id}`);
    assert.deepStrictEqual([alone.status, alone.body.code], [400, 'validation_type']);
  });

  test('create validates every required field', async () => {
    const required = Object.keys(validTask());
    for (const field of required) {
      const data: Record<string, unknown> = validTask();
      delete data[field];
      const res = await api(server, 'POST', '/v2/tasks', { body: { data } });
      assert.deepStrictEqual([res.status, res.body.code], [400, 'validation_type'], `missing ${field}`);
    }
    const invalid: Record<string, unknown>[] = [
      { content: 'x'.repeat(2001) },
      { format: 'markdown' },
      { deadline_at: 'next tuesday' },
      { is_completed: 'no' },
      { linked_records: {} },
      { assignees: [{ referenced_actor_type: 'api-token', referenced_actor_id: members[0].id.workspace_member_id }] },
    ];
    for (const patch of invalid) {
      const res = await api(server, 'POST', '/v2/tasks', { body: { data: { ...validTask(), ...patch } } });
      assert.strictEqual(res.status, 400, JSON.stringify(patch).slice(0, 60));
    }
    const ghost = await api(server, 'POST', '/v2/tasks', { body: { data: { ...validTask(), linked_records: [{ target_object: 'people', target_record_id: '00000000-0000-4000-8000-000000000000' }] } } });
    assert.strictEqual(ghost.status, 404);
    assert.strictEqual((await api(server, 'POST', '/v2/tasks', { body: { content: 'no envelope' } })).status, 400);
    assert.strictEqual((await api(server, 'GET', '/v2/tasks')).body.data.length, tasks.length, 'nothing was created');
  });

  test('create, update, complete and delete a task', async () => {
    const created = await api(server, 'POST', '/v2/tasks', {
      body: { data: { ...validTask(), content: 'x'.repeat(2000), assignees: [{ workspace_member_email_address: members[2].email_address }] } },
    });
    assert.strictEqual(created.status, 200);
    const task = created.body.data;
    assert.strictEqual(task.content_plaintext.length, 2000);
    assert.deepStrictEqual(task.assignees, [{ referenced_actor_type: 'workspace-member', referenced_actor_id: members[2].id.workspace_member_id }]);
    assert.deepStrictEqual(task.linked_records, [{ target_object_id: 'people', target_record_id: person.id.record_id }]);
    assert.strictEqual(task.created_by_actor.type, 'api-token');
    assert.strictEqual(task.completed_at, null);
    const path = `/v2/tasks/${task.id.task_id}`;
    assert.deepStrictEqual((await api(server, 'GET', path)).body.data, task);

    const content = await api(server, 'PATCH', path, { body: { data: { content: 'changed' } } });
    assert.deepStrictEqual([content.status, content.body.code], [400, 'validation_type']);

    const done = await api(server, 'PATCH', path, { body: { data: { is_completed: true, deadline_at: null, assignees: [] } } });
    assert.strictEqual(done.status, 200);
    assert.strictEqual(done.body.data.is_completed, true);
    assert.ok(Date.parse(done.body.data.completed_at) <= Date.now());
    assert.strictEqual(done.body.data.deadline_at, null);
    assert.deepStrictEqual(done.body.data.assignees, []);
    assert.strictEqual(done.body.data.content_plaintext, task.content_plaintext);

    const reopened = await api(server, 'PATCH', path, { body: { data: { is_completed: false } } });
    assert.strictEqual(reopened.body.data.completed_at, null);

    const deleted = await api(server, 'DELETE', path);
    assert.deepStrictEqual([deleted.status, deleted.body], [200, {}]);
    assert.strictEqual((await api(server, 'GET', path)).status, 404);
    assert.strictEqual((await api(server, 'PATCH', path, { body: { data: { is_completed: true } } })).status, 404);
  });
});
