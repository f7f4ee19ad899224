/**
 * Path parameters cannot climb: a value that is not an Attio slug or id (`..` above all, which `encodeURIComponent`
 * leaves alone and the URL then resolves) is refused while the request is built, so the token goes nowhere.
 */
import * as assert from 'assert';
import { AttioClient, InvalidPathError, RateLimiter, buildRequest, endpoints } from '../../../src/attio';
import { pathSegment } from '../../../src/attio/request';
import { apiCall, type ApiItem } from '../../../src/data/api';
import { parseDetailPath } from '../../../src/detail/paths';
import { fakeFetch } from './fakeFetch';

const TOKEN = 'tok_9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d';
const BASE = 'https://proxy.corp/attio';
const ID = '4d7e3a3b-6035-429d-b874-d83ea64ea13b';

/** A client behind a proxy path, over a fake fetch that answers everything. */
function make() {
  const f = fakeFetch({ '*': { body: { data: {} } } });
  const client = new AttioClient({ baseUrl: BASE, token: () => TOKEN, fetch: f.fetch, limiter: new RateLimiter() });
  return { client, calls: f.calls };
}

const refused = (name: string) => (e: unknown) => e instanceof InvalidPathError && e.kind === 'invalid-path' && e.parameter === name && !e.message.includes('..');

suite('attio: path segments', () => {
  test('slugs and ids pass unchanged; anything else is refused with a typed error that does not repeat it', () => {
    for (const ok of [ID, 'people', 'my_object', 'deal-stage', 'a', 'x'.repeat(128)]) assert.strictEqual(pathSegment('GET /v2/x/{id}', 'id', ok), ok);
    for (const bad of ['..', '.', '...', './x', 'a/b', '../attributes', '%2e%2e', 'a b', 'é', '', 'x'.repeat(129), 'a?b', 'a#b', '\\..', 42, null, {}]) {
      assert.throws(() => pathSegment('GET /v2/x/{id}', 'id', bad), refused('id'), JSON.stringify(bad));
    }
  });

  test('with the base https://proxy.corp/attio and the id "..", nothing is sent', async () => {
    const { client, calls } = make();
    await assert.rejects(client.getRecord('people', '..'), refused('record_id'));
    await assert.rejects(client.getObject('..'), refused('object'));
    await assert.rejects(client.listAttributes('objects', '..'), refused('identifier'));
    await assert.rejects(client.getTask('../../attributes'), refused('task_id'));
    await assert.rejects(client.getTranscriptPage('..', ID, undefined), refused('meeting_id'));
    assert.strictEqual(calls.length, 0, 'the fake fetch saw no call');
    assert.throws(() => buildRequest(endpoints.getRecord, { baseUrl: BASE, token: TOKEN, path: { object: 'people', record_id: '..' } }), refused('record_id'));
  });

  test('a crafted attio-json: document (its query is the item, as JSON) sends nothing', async () => {
    const { client, calls } = make();
    const crafted: string[] = [
      '{"kind":"record","object":"..","id":".."}',
      '{"kind":"object","object":".."}',
      '{"kind":"attributes","target":"objects","parent":".."}',
      '{"kind":"attribute","target":"..","parent":"people","attribute":"name"}',
      '{"kind":"task","id":"../../objects"}',
      '{"kind":"note","id":{"toString":".."}}',
      '{"kind":"webhook","id":"."}',
    ];
    for (const query of crafted) {
      const { endpoint, params } = apiCall(JSON.parse(query) as ApiItem);
      await assert.rejects(client.raw(endpoint, params), (e: unknown) => e instanceof InvalidPathError, query);
    }
    assert.strictEqual(calls.length, 0);
  });

  test('a crafted attio: detail address sends nothing', async () => {
    const { client, calls } = make();
    const record = parseDetailPath('/records/../../x.md');
    assert.deepStrictEqual(record && { kind: record.kind, object: (record as { object: string }).object, id: record.id }, { kind: 'record', object: '..', id: '..' });
    await assert.rejects(client.getRecord('..', '..'), refused('object'));
    const entry = parseDetailPath('/lists/deals/entries/../x.md');
    assert.ok(entry?.kind === 'entry');
    await assert.rejects(client.getEntry(entry.list, entry.id), refused('entry_id'));
    const task = parseDetailPath('/tasks/../x.md');
    assert.ok(task?.kind === 'task');
    await assert.rejects(client.getTask(task.id), refused('task_id'));
    assert.strictEqual(calls.length, 0);
  });

  test('a good id still reaches the proxy path it names', async () => {
    const { client, calls } = make();
    await client.raw('getRecord', { path: { object: 'people', record_id: ID } });
    assert.strictEqual(calls[0].url.href, `${BASE}/v2/objects/people/records/${ID}`);
  });
});
