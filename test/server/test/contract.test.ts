/**
 * Contract tests: every response shape the server produces (drift off) is
 * validated against the response schema of the matching operation in Attio's
 * published OpenAPI document, and the scope table is compared with the
 * operations' `security` requirements.
 *
 * The document is read from ../shared/attio/openapi.json next to the repo
 * (override with ATTIO_OPENAPI); it is not part of this repository.
 */
import * as assert from 'node:assert';
import { AttioTestServer, startAttioServer } from '../index';
import { ROUTES, operationKey } from '../routes';
import { REQUIRED_SCOPES } from '../scopes';
import Ajv2020 from 'ajv/dist/2020';
import { ApiResponse, api } from './helpers';
import { Contract, Json, loadSpec, patchNullableEnums, patchTimestampFormat } from './openapi';

/** Attio's error body, for responses the document does not describe per operation. */
function errorShape(status: number, type: string) {
  return {
    type: 'object',
    properties: { status_code: { const: status }, type: { const: type }, code: { type: 'string' }, message: { type: 'string' } },
    required: ['status_code', 'type', 'code', 'message'],
    additionalProperties: false,
  };
}

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  template: string;
  status: number;
  path: string;
  body?: unknown;
  token?: string;
}

suite('Contract: responses match Attio\'s OpenAPI document', function () {
  this.timeout(60000);
  let contract: Contract;
  let server: AttioTestServer;
  const ids: Record<string, string> = {};
  const cases: Case[] = [];

  suiteSetup(async () => {
    const spec = loadSpec();
    assert.ok(patchTimestampFormat(spec) > 0, 'expected the known timestamp format quirk; if Attio fixed it, drop the patch');
    assert.ok(patchNullableEnums(spec) > 0, 'expected the known nullable-enum quirk; if Attio fixed it, drop the patch');
    contract = new Contract(spec);
    server = await startAttioServer({ rateLimit: false });
    const first = async (method: string, p: string, body?: unknown) => (await api(server, method, p, { body })).body.data[0];
    const person = await first('POST', '/v2/objects/people/records/query', { limit: 1 });
    ids.person = person.id.record_id;
    ids.entry = (await first('POST', '/v2/lists/hiring/entries/query', { limit: 1 })).id.entry_id;
    ids.member = (await first('GET', '/v2/workspace_members')).id.workspace_member_id;
    ids.note = (await first('GET', '/v2/notes')).id.note_id;
    ids.task = (await first('GET', '/v2/tasks')).id.task_id;
    ids.missing = '00000000-0000-4000-8000-000000000000';
    ids.list = (await first('GET', '/v2/lists')).id.list_id;
  });
  suiteTeardown(() => server?.close());

  function add(method: Case['method'], template: string, status: number, p: string, body?: unknown, token?: string): void {
    cases.push({ method, template, status, path: p, body, token });
  }

  async function run(c: Case): Promise<void> {
    const res = await api(server, c.method, c.path, { body: c.body, token: c.token });
    assert.strictEqual(res.status, c.status, `${c.method} ${c.path}: ${JSON.stringify(res.body).slice(0, 200)}`);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    contract.check(c.method, c.template, res);
  }

  test('GET /v2/self (active and inactive)', async () => {
    await run({ method: 'GET', template: '/v2/self', status: 200, path: '/v2/self' });
    await run({ method: 'GET', template: '/v2/self', status: 200, path: '/v2/self', token: server.tokens.inactive });
  });

  test('objects and attributes (every attribute, option and status)', async () => {
    add('GET', '/v2/objects', 200, '/v2/objects');
    add('GET', '/v2/objects/{object}', 200, '/v2/objects/people');
    add('GET', '/v2/objects/{object}', 404, '/v2/objects/nope');
    const targets: [string, string][] = [
      ...['people', 'companies', 'deals', 'partnerships'].map((o): [string, string] => ['objects', o]),
      ...['sales-pipeline', 'hiring', 'key-accounts'].map((l): [string, string] => ['lists', l]),
    ];
    for (const [target, identifier] of targets) {
      const attrs = (await api(server, 'GET', `/v2/${target}/${identifier}/attributes?show_archived=true`)).body.data;
      add('GET', '/v2/{target}/{identifier}/attributes', 200, `/v2/${target}/${identifier}/attributes?show_archived=true`);
      for (const a of attrs) {
        add('GET', '/v2/{target}/{identifier}/attributes/{attribute}', 200, `/v2/${target}/${identifier}/attributes/${a.api_slug}`);
        if (a.type === 'select') add('GET', '/v2/{target}/{identifier}/attributes/{attribute}/options', 200, `/v2/${target}/${identifier}/attributes/${a.api_slug}/options?show_archived=true`);
        if (a.type === 'status') add('GET', '/v2/{target}/{identifier}/attributes/{attribute}/statuses', 200, `/v2/${target}/${identifier}/attributes/${a.api_slug}/statuses?show_archived=true`);
      }
    }
    add('GET', '/v2/{target}/{identifier}/attributes/{attribute}', 404, '/v2/objects/people/attributes/nope');
    add('GET', '/v2/{target}/{identifier}/attributes/{attribute}/options', 404, '/v2/objects/people/attributes/nope/options');
    add('GET', '/v2/{target}/{identifier}/attributes/{attribute}/statuses', 404, '/v2/objects/deals/attributes/nope/statuses');
    for (const c of cases.splice(0)) await run(c);
  });

  test('records: query (every record of every object), get, entries, search', async () => {
    for (const object of ['people', 'companies', 'deals', 'partnerships']) {
      add('POST', '/v2/objects/{object}/records/query', 200, `/v2/objects/${object}/records/query`, {});
    }
    add('POST', '/v2/objects/{object}/records/query', 400, '/v2/objects/people/records/query', { filter: { shoe_size: 1 } });
    add('POST', '/v2/objects/{object}/records/query', 404, '/v2/objects/nope/records/query', {});
    add('GET', '/v2/objects/{object}/records/{record_id}', 200, `/v2/objects/people/records/${ids.person}`);
    add('GET', '/v2/objects/{object}/records/{record_id}', 404, `/v2/objects/people/records/${ids.missing}`);
    add('GET', '/v2/objects/{object}/records/{record_id}/entries', 200, `/v2/objects/people/records/${ids.person}/entries`);
    for (const objects of [['people'], ['companies'], ['deals', 'partnerships']]) {
      add('POST', '/v2/objects/records/search', 200, '/v2/objects/records/search', { query: '', objects, request_as: { type: 'workspace' } });
    }
    add('POST', '/v2/objects/records/search', 400, '/v2/objects/records/search', { query: 'x', objects: ['spaceships'], request_as: { type: 'workspace' } });
    for (const c of cases.splice(0)) await run(c);
  });

  test('lists and entries (every entry of every list)', async () => {
    add('GET', '/v2/lists', 200, '/v2/lists');
    add('GET', '/v2/lists/{list}', 200, `/v2/lists/${ids.list}`);
    add('GET', '/v2/lists/{list}', 404, '/v2/lists/nope');
    for (const list of ['sales-pipeline', 'hiring', 'key-accounts']) add('POST', '/v2/lists/{list}/entries/query', 200, `/v2/lists/${list}/entries/query`, {});
    add('POST', '/v2/lists/{list}/entries/query', 404, '/v2/lists/nope/entries/query', {});
    add('GET', '/v2/lists/{list}/entries/{entry_id}', 200, `/v2/lists/hiring/entries/${ids.entry}`);
    add('GET', '/v2/lists/{list}/entries/{entry_id}', 404, `/v2/lists/hiring/entries/${ids.missing}`);
    for (const c of cases.splice(0)) await run(c);
  });

  test('list entries: create, assert, PATCH, PUT, delete and their errors', async () => {
    const person = ids.person;
    const entries = '/v2/lists/{list}/entries';
    const entry = '/v2/lists/{list}/entries/{entry_id}';
    add('POST', entries, 200, '/v2/lists/hiring/entries', { data: { parent_record_id: person, parent_object: 'people', entry_values: { stage: 'Applied', role: 'Contract check', rating: [{ value: 4 }] } } });
    add('POST', entries, 400, '/v2/lists/hiring/entries', { data: { parent_record_id: ids.missing, parent_object: 'people', entry_values: {} } });
    add('POST', entries, 404, '/v2/lists/nope/entries', { data: { parent_record_id: person, parent_object: 'people', entry_values: {} } });
    add('PUT', entries, 200, '/v2/lists/hiring/entries', { data: { parent_record_id: person, parent_object: 'people', entry_values: { stage: [{ status: 'Interview' }] } } });
    add('PUT', entries, 404, '/v2/lists/nope/entries', { data: { parent_record_id: person, parent_object: 'people', entry_values: {} } });
    const other = (await api(server, 'POST', '/v2/objects/people/records/query', { body: { limit: 1, offset: 1 } })).body.data[0].id.record_id;
    add('PUT', entries, 200, '/v2/lists/hiring/entries', { data: { parent_record_id: other, parent_object: 'people', entry_values: { stage: 'Screening' } } });
    add('PATCH', entry, 200, `/v2/lists/hiring/entries/${ids.entry}`, { data: { entry_values: { stage: 'Offer' } } });
    add('PATCH', entry, 400, `/v2/lists/hiring/entries/${ids.entry}`, { data: { parent_record_id: person, entry_values: {} } });
    add('PATCH', entry, 404, `/v2/lists/hiring/entries/${ids.missing}`, { data: { entry_values: {} } });
    add('PUT', entry, 200, `/v2/lists/hiring/entries/${ids.entry}`, { data: { entry_values: { role: 'Changed', rating: [] } } });
    add('PUT', entry, 400, `/v2/lists/hiring/entries/${ids.entry}`, { data: { parent_object: 'people', entry_values: {} } });
    add('PUT', entry, 404, `/v2/lists/nope/entries/${ids.entry}`, { data: { entry_values: {} } });
    add('DELETE', entry, 404, `/v2/lists/hiring/entries/${ids.missing}`);
    for (const c of cases.splice(0)) await run(c);
    const created = await api(server, 'POST', '/v2/lists/hiring/entries', { body: { data: { parent_record_id: person, parent_object: 'people', entry_values: {} } } });
    contract.check('DELETE', entry, await api(server, 'DELETE', `/v2/lists/hiring/entries/${created.body.data.id.entry_id}`));
    // refusals the document does not describe per operation still use Attio's error shape
    for (const body of [
      { data: { parent_record_id: person, parent_object: 'people', entry_values: { stage: 'Astronaut' } } },
      { data: { parent_record_id: person, parent_object: 'people', entry_values: { rating: 'five' } } },
      { data: { parent_record_id: person, parent_object: 'people', entry_values: { created_at: '2024-01-01T00:00:00Z' } } },
    ]) {
      const res = await api(server, 'POST', '/v2/lists/hiring/entries', { body });
      assert.strictEqual(res.status, 400);
      assert.ok(new Ajv2020({ strict: false }).validate(errorShape(400, 'invalid_request_error'), res.body), JSON.stringify(res.body));
    }
  });

  test('workspace members and notes', async () => {
    add('GET', '/v2/workspace_members', 200, '/v2/workspace_members');
    add('GET', '/v2/workspace_members/{workspace_member_id}', 200, `/v2/workspace_members/${ids.member}`);
    add('GET', '/v2/workspace_members/{workspace_member_id}', 404, `/v2/workspace_members/${ids.missing}`);
    add('GET', '/v2/notes', 200, '/v2/notes?limit=50');
    add('GET', '/v2/notes', 404, `/v2/notes?parent_object=nope&parent_record_id=${ids.missing}`);
    add('GET', '/v2/notes/{note_id}', 200, `/v2/notes/${ids.note}`);
    add('GET', '/v2/notes/{note_id}', 404, `/v2/notes/${ids.missing}`);
    for (const c of cases.splice(0)) await run(c);
  });

  test('notes: create (plaintext and Markdown) and its errors', async () => {
    const data = { parent_object: 'people', parent_record_id: ids.person, title: 'Contract check', format: 'plaintext', content: 'Plain\nlines' };
    add('POST', '/v2/notes', 200, '/v2/notes', { data });
    add('POST', '/v2/notes', 200, '/v2/notes', { data: { ...data, format: 'markdown', content: '# Heading\n- **bold** [link](https://example.com)', created_at: '2023-01-01T15:00:00Z', meeting_id: null } });
    add('POST', '/v2/notes', 404, '/v2/notes', { data: { ...data, parent_object: 'nope' } });
    add('POST', '/v2/notes', 404, '/v2/notes', { data: { ...data, parent_record_id: ids.missing } });
    for (const c of cases.splice(0)) await run(c);
    // The document describes no 400 for this operation: the body must still be Attio's error shape.
    const invalid = await api(server, 'POST', '/v2/notes', { body: { data: { ...data, format: 'html' } } });
    assert.strictEqual(invalid.status, 400);
    assert.ok(new Ajv2020({ strict: false }).validate(errorShape(400, 'invalid_request_error'), invalid.body), JSON.stringify(invalid.body));
  });

  test('webhooks: list (pages), get, and their errors', async () => {
    const hooks = (await api(server, 'GET', '/v2/webhooks?limit=100')).body.data;
    assert.ok(hooks.length >= 3, 'seeded webhooks');
    assert.ok(hooks.some((h: Json) => h.subscriptions.some((s: Json) => s.filter !== null)) && hooks.some((h: Json) => h.subscriptions.some((s: Json) => s.filter === null)), 'with and without filters');
    add('GET', '/v2/webhooks', 200, '/v2/webhooks');
    add('GET', '/v2/webhooks', 200, '/v2/webhooks?limit=10&offset=2');
    for (const h of hooks) add('GET', '/v2/webhooks/{webhook_id}', 200, `/v2/webhooks/${h.id.webhook_id}`);
    add('GET', '/v2/webhooks/{webhook_id}', 404, `/v2/webhooks/${ids.missing}`);
    for (const c of cases.splice(0)) await run(c);
    const noScope = server.addToken('no webhooks', ['object_configuration:read']);
    assert.strictEqual((await api(server, 'GET', '/v2/webhooks', { token: noScope })).status, 403, 'webhook:read is required');
  });

  test('threads and comments: a record\'s and an entry\'s threads, one thread, create (record, entry, reply), get, delete, errors', async () => {
    const deal = (await api(server, 'POST', '/v2/objects/deals/records/query', { body: { limit: 1 } })).body.data[0].id.record_id;
    const threads = (await api(server, 'GET', `/v2/threads?object=deals&record_id=${deal}`)).body.data;
    assert.ok(threads.length >= 2, 'the demo deal has threads');
    const entry = (await api(server, 'POST', '/v2/lists/sales-pipeline/entries/query', { body: { filter: { record_id: deal } } })).body.data[0];
    add('GET', '/v2/threads', 200, `/v2/threads?object=deals&record_id=${deal}`);
    add('GET', '/v2/threads', 200, `/v2/threads?list=sales-pipeline&entry_id=${entry?.id.entry_id ?? ids.missing}`);
    add('GET', '/v2/threads/{thread_id}', 200, `/v2/threads/${threads[0].id.thread_id}`);
    add('GET', '/v2/threads/{thread_id}', 404, `/v2/threads/${ids.missing}`);
    const author = { type: 'workspace-member', id: ids.member };
    add('POST', '/v2/comments', 200, '/v2/comments', { data: { format: 'plaintext', content: 'On the record', author, record: { object: 'deals', record_id: deal } } });
    add('POST', '/v2/comments', 200, '/v2/comments', { data: { format: 'plaintext', content: 'A reply', author, thread_id: threads[0].id.thread_id } });
    if (entry) add('POST', '/v2/comments', 200, '/v2/comments', { data: { format: 'plaintext', content: 'On the entry', author, entry: { list: 'sales-pipeline', entry_id: entry.id.entry_id } } });
    add('GET', '/v2/comments/{comment_id}', 200, `/v2/comments/${threads[0].comments[0].id.comment_id}`);
    add('GET', '/v2/comments/{comment_id}', 404, `/v2/comments/${ids.missing}`);
    add('DELETE', '/v2/comments/{comment_id}', 404, `/v2/comments/${ids.missing}`);
    for (const c of cases.splice(0)) await run(c);
    const created = await api(server, 'POST', '/v2/comments', { body: { data: { format: 'plaintext', content: 'To delete', author, record: { object: 'deals', record_id: deal } } } });
    contract.check('DELETE', '/v2/comments/{comment_id}', await api(server, 'DELETE', `/v2/comments/${created.body.data.id.comment_id}`));
    const bad = await api(server, 'GET', '/v2/threads');
    assert.strictEqual(bad.status, 400);
    assert.ok(new Ajv2020({ strict: false }).validate(errorShape(400, 'invalid_request_error'), bad.body), JSON.stringify(bad.body));
  });

  test('meetings, call recordings and a transcript (every page)', async () => {
    const deal = (await api(server, 'POST', '/v2/objects/deals/records/query', { body: { limit: 1 } })).body.data[0].id.record_id;
    const meetings = (await api(server, 'GET', `/v2/meetings?linked_object=deals&linked_record_id=${deal}&sort=start_desc`)).body.data;
    assert.strictEqual(meetings.length, 3, 'the demo deal has three meetings');
    add('GET', '/v2/meetings', 200, '/v2/meetings');
    add('GET', '/v2/meetings', 200, `/v2/meetings?linked_object=deals&linked_record_id=${deal}&sort=start_desc&limit=2`);
    add('GET', '/v2/meetings/{meeting_id}', 200, `/v2/meetings/${meetings[0].id.meeting_id}`);
    add('GET', '/v2/meetings/{meeting_id}', 404, `/v2/meetings/${ids.missing}`);
    for (const m of meetings) add('GET', '/v2/meetings/{meeting_id}/call_recordings', 200, `/v2/meetings/${m.id.meeting_id}/call_recordings`);
    for (const c of cases.splice(0)) await run(c);
    const page1 = await api(server, 'GET', `/v2/meetings?linked_object=deals&linked_record_id=${deal}&sort=start_desc&limit=2`);
    const page2 = await api(server, 'GET', `/v2/meetings?linked_object=deals&linked_record_id=${deal}&sort=start_desc&limit=2&cursor=${page1.body.pagination.next_cursor}`);
    contract.check('GET', '/v2/meetings', page2);
    assert.deepStrictEqual([...page1.body.data, ...page2.body.data].map((m: Json) => m.id.meeting_id), meetings.map((m: Json) => m.id.meeting_id), 'the cursor pages on');
    assert.strictEqual(page2.body.pagination.next_cursor, null);
    const latest = meetings[0].id.meeting_id;
    const rec = (await api(server, 'GET', `/v2/meetings/${latest}/call_recordings`)).body.data[0];
    contract.check('GET', '/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}', await api(server, 'GET', `/v2/meetings/${latest}/call_recordings/${rec.id.call_recording_id}`));
    let cursor: string | null = '';
    let segments = 0;
    for (let pages = 0; cursor !== null; pages++) {
      assert.ok(pages < 10);
      const res: ApiResponse = await api(server, 'GET', `/v2/meetings/${latest}/call_recordings/${rec.id.call_recording_id}/transcript${cursor ? `?cursor=${cursor}` : ''}`);
      contract.check('GET', '/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript', res);
      segments += res.body.data.transcript.length;
      cursor = res.body.pagination.next_cursor;
    }
    assert.strictEqual(segments, 10, 'the whole transcript over its pages');
  });

  test('tasks: list, get, create, update, delete and their errors', async () => {
    const data = {
      content: 'Contract check',
      format: 'plaintext',
      deadline_at: null,
      is_completed: false,
      linked_records: [{ target_object: 'people', target_record_id: ids.person }],
      assignees: [{ referenced_actor_type: 'workspace-member', referenced_actor_id: ids.member }],
    };
    add('GET', '/v2/tasks', 200, '/v2/tasks');
    add('GET', '/v2/tasks/{task_id}', 200, `/v2/tasks/${ids.task}`);
    add('GET', '/v2/tasks/{task_id}', 404, `/v2/tasks/${ids.missing}`);
    add('POST', '/v2/tasks', 400, '/v2/tasks', { data: { ...data, format: 'html' } });
    add('POST', '/v2/tasks', 404, '/v2/tasks', { data: { ...data, linked_records: [{ target_object: 'people', target_record_id: ids.missing }] } });
    add('PATCH', '/v2/tasks/{task_id}', 200, `/v2/tasks/${ids.task}`, { data: { is_completed: true } });
    add('PATCH', '/v2/tasks/{task_id}', 400, `/v2/tasks/${ids.task}`, { data: { content: 'nope' } });
    add('PATCH', '/v2/tasks/{task_id}', 404, `/v2/tasks/${ids.missing}`, { data: { is_completed: true } });
    add('DELETE', '/v2/tasks/{task_id}', 404, `/v2/tasks/${ids.missing}`);
    for (const c of cases.splice(0)) await run(c);
    const created = await api(server, 'POST', '/v2/tasks', { body: { data } });
    contract.check('POST', '/v2/tasks', created);
    const deleted = await api(server, 'DELETE', `/v2/tasks/${created.body.data.id.task_id}`);
    contract.check('DELETE', '/v2/tasks/{task_id}', deleted);
  });

  test('a generated large workspace also matches the document', async () => {
    const big = await startAttioServer({ workspace: { records: 3000 }, rateLimit: false });
    try {
      for (const object of ['people', 'companies', 'deals']) {
        contract.check('POST', '/v2/objects/{object}/records/query', await api(big, 'POST', `/v2/objects/${object}/records/query`, { body: { offset: 100, limit: 500 } }));
      }
      contract.check('POST', '/v2/lists/{list}/entries/query', await api(big, 'POST', '/v2/lists/sales-pipeline/entries/query', { body: { offset: 100 } }));
    } finally {
      await big.close();
    }
  });

  test('auth and rate-limit errors (not described per operation) use the documented error shape', async () => {
    const ajv = new Ajv2020({ strict: false });
    const checks: [ApiResponse, number, string][] = [
      [await api(server, 'GET', '/v2/objects', { token: null }), 401, 'auth_error'],
      [await api(server, 'GET', '/v2/objects', { token: server.tokens.inactive }), 403, 'auth_error'],
      [await api(server, 'GET', '/v2/tasks', { token: server.tokens.noTasks }), 403, 'auth_error'],
      [await api(server, 'POST', '/v2/notes', { token: server.tokens.readOnly, body: { data: {} } }), 403, 'auth_error'],
    ];
    server.setFaults({ storm429: 1 });
    checks.push([await api(server, 'GET', '/v2/objects'), 429, 'rate_limit_error']);
    server.setFaults({});
    for (const [res, status, type] of checks) {
      assert.strictEqual(res.status, status);
      assert.ok(ajv.validate(errorShape(status, type), res.body), JSON.stringify(res.body));
    }
  });

  test('the validator rejects responses that break the contract', () => {
    const broken = { status: 200, headers: new Headers(), body: { data: [{ id: { workspace_id: 'x' }, api_slug: 'people' }] } };
    assert.throws(() => contract.check('GET', '/v2/objects', broken), /does not match/);
    const wrongValue = {
      status: 200,
      headers: new Headers(),
      body: { data: { id: { workspace_id: ids.missing, object_id: ids.missing, record_id: ids.missing }, created_at: 'x', web_url: 'https://a.b/c', values: { name: [{ attribute_type: 'text', value: 3 }] } } },
    };
    assert.throws(() => contract.check('GET', '/v2/objects/{object}/records/{record_id}', wrongValue), /does not match/);
  });
});

suite('Contract: scope table equals the OpenAPI security requirements', () => {
  let spec: Json;
  suiteSetup(() => {
    spec = loadSpec();
  });

  function specScopes(method: string, template: string): string[] {
    const op = spec.paths[template]?.[method.toLowerCase()];
    assert.ok(op, `the document has no operation ${method} ${template}`);
    return (op.security ?? []).flatMap((req: Record<string, string[]>) => Object.values(req).flat()).sort();
  }

  test('every served operation has an entry and vice versa', () => {
    assert.deepStrictEqual(ROUTES.map(operationKey).sort(), Object.keys(REQUIRED_SCOPES).sort());
  });

  for (const key of Object.keys(REQUIRED_SCOPES)) {
    test(key, () => {
      const [method, template] = key.split(' ');
      assert.deepStrictEqual([...REQUIRED_SCOPES[key]].sort(), specScopes(method, template));
    });
  }
});
