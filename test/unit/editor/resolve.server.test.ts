/**
 * From a record URL to its record through the data layer, against the local Attio server: what each kind of link
 * resolves to and the requests it costs (a standard object's record 1, a custom object's 2 with the objects list,
 * 0 the second time), and that cancelling a hover aborts its request on the wire.
 */
import * as assert from 'assert';
import { AttioClient, isCancellation } from '../../../src/attio';
import { parseRecordUrl, type RecordUrl } from '../../../src/editor/recordUrls';
import { RecordLinkResolver, objectForSegment, urlNoun } from '../../../src/editor/resolve';
import { startAttioServer, type AttioTestServer } from '../../server';
import { apiCalls, localData } from '../data/localData';

const calls = apiCalls;

async function connect(server: AttioTestServer, token = server.tokens.full) {
  const h = await localData(server, { token });
  return { data: h.data, conn: h.signedIn };
}

suite('Editor: resolving record links (local Attio server)', () => {
  let server: AttioTestServer;
  /** web_urls of seeded records, read with a client of its own (the data layer under test has seen nothing). */
  const urls: Record<string, RecordUrl> = {};

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
    const raw = new AttioClient({ baseUrl: server.url, token: () => server.tokens.full, maxRetries: 0 });
    for (const object of ['people', 'companies', 'partnerships']) {
      const rec = (await raw.queryRecords(object, { limit: 1 })).items[0];
      const parsed = parseRecordUrl(rec.web_url ?? '');
      assert.ok(parsed, `${object}: ${rec.web_url} is a record URL`);
      urls[object] = parsed;
    }
  });

  suiteTeardown(() => server.close());

  setup(() => {
    server.setFaults({});
    server.clearRequests();
  });

  test('URL segments name objects by singular noun, plural noun, slug or id', async () => {
    const { data } = await connect(server);
    const objects = (await data.records.objects()).value;
    assert.strictEqual(objectForSegment(objects, 'person')?.api_slug, 'people');
    assert.strictEqual(objectForSegment(objects, 'people')?.api_slug, 'people');
    assert.strictEqual(objectForSegment(objects, 'Company')?.api_slug, 'companies');
    assert.strictEqual(objectForSegment(objects, 'partnership')?.api_slug, 'partnerships');
    assert.strictEqual(objectForSegment(objects, objects[0].id.object_id), objects[0]);
    assert.strictEqual(objectForSegment(objects, 'widget'), undefined);
    assert.strictEqual(urlNoun('Feature Request'), 'feature-request');
    assert.strictEqual(urls.partnerships.object, 'partnership');
  });

  test('a person: one request cold (no objects list needed), none warm', async () => {
    const { data } = await connect(server);
    const resolver = new RecordLinkResolver(data);
    server.clearRequests();
    const spent = { requests: 0 };
    const t = await resolver.resolve(urls.people, new AbortController().signal, spent);
    assert.strictEqual(t.kind, 'record');
    assert.ok(t.kind === 'record' && t.objectSlug === 'people' && t.title && !/^[0-9a-f-]{36}$/.test(t.title));
    assert.deepStrictEqual(calls(server), [`GET /v2/objects/people/records/${urls.people.recordId}`]);
    assert.strictEqual(spent.requests, 1);
    server.clearRequests();
    const again = { requests: 0 };
    assert.strictEqual((await resolver.resolve(urls.people, new AbortController().signal, again)).kind, 'record');
    assert.deepStrictEqual(calls(server), []);
    assert.strictEqual(again.requests, 0);
  });

  test('a custom object: the objects list and the record (2), then nothing; the list serves every later link', async () => {
    const { data } = await connect(server);
    const resolver = new RecordLinkResolver(data);
    server.clearRequests();
    const spent = { requests: 0 };
    const t = await resolver.resolve(urls.partnerships, new AbortController().signal, spent);
    assert.ok(t.kind === 'record' && t.objectSlug === 'partnerships' && t.object?.singular_noun === 'Partnership');
    assert.deepStrictEqual(calls(server), ['GET /v2/objects', `GET /v2/objects/partnerships/records/${urls.partnerships.recordId}`]);
    assert.strictEqual(spent.requests, 2);
    server.clearRequests();
    await resolver.resolve(urls.partnerships, new AbortController().signal);
    const company = await resolver.resolve(urls.companies, new AbortController().signal);
    assert.ok(company.kind === 'record' && company.object?.singular_noun === 'Company', 'the cached list names the object');
    assert.deepStrictEqual(calls(server), [`GET /v2/objects/companies/records/${urls.companies.recordId}`]);
  });

  test('a record that does not exist: notFound after one request, remembered for the next hover', async () => {
    const { data } = await connect(server);
    const resolver = new RecordLinkResolver(data);
    const missing = { ...urls.people, recordId: '00000000-0000-4000-8000-000000000000' };
    server.clearRequests();
    assert.strictEqual((await resolver.resolve(missing, new AbortController().signal)).kind, 'notFound');
    assert.strictEqual(calls(server).length, 1);
    server.clearRequests();
    assert.strictEqual((await resolver.resolve(missing, new AbortController().signal)).kind, 'notFound');
    assert.deepStrictEqual(calls(server), []);
  });

  test('another workspace, an unknown object, signed out: said without a record request', async () => {
    const { data, conn } = await connect(server);
    const resolver = new RecordLinkResolver(data);
    server.clearRequests();
    const other = await resolver.resolve({ ...urls.people, workspaceSlug: 'globex-trading' }, new AbortController().signal);
    assert.deepStrictEqual(other, { kind: 'otherWorkspace', activeName: 'Northwind Labs', activeSlug: 'northwind-labs' });
    assert.strictEqual((await resolver.resolve({ ...urls.people, workspaceSlug: 'NORTHWIND-LABS' }, new AbortController().signal)).kind, 'record', 'slugs compare case-insensitively');
    assert.strictEqual((await resolver.resolve({ ...urls.people, object: 'widget' }, new AbortController().signal)).kind, 'unknownObject');
    assert.deepStrictEqual(calls(server).filter(c => c.includes('/records/')), [`GET /v2/objects/people/records/${urls.people.recordId}`]);
    conn.current = undefined;
    assert.deepStrictEqual(await resolver.resolve(urls.people, new AbortController().signal), { kind: 'signedOut' });
  });

  test('cancelling (the mouse moved away) aborts the record request on the wire', async () => {
    const { data } = await connect(server);
    const resolver = new RecordLinkResolver(data);
    server.setFaults({ latencyMs: 1500 });
    server.clearRequests();
    const c = new AbortController();
    const pending = resolver.resolve(urls.companies, c.signal);
    await new Promise(r => setTimeout(r, 200));
    c.abort();
    await assert.rejects(pending, (e: unknown) => isCancellation(e));
    server.setFaults({});
    await new Promise(r => setTimeout(r, 1600));
    const get = server.requests.find(r => r.path.endsWith(`/records/${urls.companies.recordId}`));
    assert.ok(get?.aborted, `the server saw the client go away: ${JSON.stringify(get)}`);
    server.clearRequests();
    assert.strictEqual((await resolver.resolve(urls.companies, new AbortController().signal)).kind, 'record', 'a later hover loads it');
    assert.strictEqual(calls(server).length, 1);
  });

  test('notes.create adds a Markdown note and puts it into the record\'s cached notes without a reload', async () => {
    const { data } = await connect(server);
    const { recordId } = urls.people;
    const before = (await data.notes.list('people', recordId)).value.length;
    const changes: unknown[] = [];
    const sub = data.onDidChange(c => changes.push(c));
    server.clearRequests();
    const note = await data.notes.create({ parentObject: 'people', parentRecordId: recordId, title: 'main.ts:12-18', format: 'markdown', content: '**Renewal** call\n\n- ask about _pricing_' });
    sub.dispose();
    assert.deepStrictEqual(calls(server), ['POST /v2/notes']);
    assert.deepStrictEqual(server.requests.find(r => r.method === 'POST')?.body, {
      data: { parent_object: 'people', parent_record_id: recordId, title: 'main.ts:12-18', format: 'markdown', content: '**Renewal** call\n\n- ask about _pricing_' },
    });
    assert.strictEqual(note.content_plaintext, 'Renewal call\nask about pricing');
    assert.deepStrictEqual(changes, [{ kind: 'notes', object: 'people', id: recordId }]);
    server.clearRequests();
    const after = (await data.notes.list('people', recordId)).value;
    assert.strictEqual(after.length, before + 1);
    assert.strictEqual(after[0].id.note_id, note.id.note_id);
    assert.deepStrictEqual(calls(server), [], 'served from the cache');
  });

  test('creating a note needs note:read-write: a read-only token gets a scope error naming it', async () => {
    const { data } = await connect(server, server.tokens.readOnly);
    await assert.rejects(
      data.notes.create({ parentObject: 'people', parentRecordId: urls.people.recordId, title: 't', format: 'plaintext', content: 'c' }),
      (e: { missingScopes?: string[] }) => JSON.stringify(e.missingScopes) === '["note:read-write"]',
    );
  });
});
