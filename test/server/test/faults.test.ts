import * as assert from 'node:assert';
import * as http from 'node:http';
import { AttioTestServer, startAttioServer } from '../index';
import { api } from './helpers';

function hasNull(node: unknown): boolean {
  if (node === null) return true;
  if (Array.isArray(node)) return node.some(hasNull);
  if (typeof node === 'object') return Object.values(node as object).some(hasNull);
  return false;
}

function everyObject(node: unknown, check: (o: Record<string, unknown>) => boolean): boolean {
  if (Array.isArray(node)) return node.every((n) => everyObject(n, check));
  if (node !== null && typeof node === 'object') {
    return check(node as Record<string, unknown>) && Object.values(node as object).every((n) => everyObject(n, check));
  }
  return true;
}

suite('Attio test server: faults', () => {
  let server: AttioTestServer;
  setup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  teardown(() => server.close());

  test('storm429 answers the next N requests with 429, then recovers', async () => {
    server.setFaults({ storm429: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api(server, 'GET', '/v2/objects')).status);
    assert.deepStrictEqual(statuses, [429, 429, 429, 200, 200]);
  });

  test('pathPrefix aims faults at one path: other requests pass untouched and do not use the faults up', async () => {
    server.setFaults({ storm429: 1, pathPrefix: '/v2/lists' });
    assert.strictEqual((await api(server, 'GET', '/v2/objects')).status, 200);
    assert.strictEqual((await api(server, 'GET', '/v2/lists')).status, 429);
    assert.strictEqual((await api(server, 'GET', '/v2/lists')).status, 200);
  });

  test('status429Rate 1 always rate-limits, with an HTTP-date Retry-After', async () => {
    server.setFaults({ status429Rate: 1 });
    const res = await api(server, 'GET', '/v2/objects');
    assert.strictEqual(res.status, 429);
    assert.strictEqual(res.body.type, 'rate_limit_error');
    const retry = Date.parse(res.headers.get('retry-after')!);
    assert.ok(retry > Date.now() - 1000 && retry <= Date.now() + 1000);
  });

  test('status5xxRate answers 500/502/503 with an Attio-style body; rates are fractions', async () => {
    server.setFaults({ status5xxRate: 1 });
    for (let i = 0; i < 6; i++) {
      const res = await api(server, 'GET', '/v2/objects');
      assert.ok([500, 502, 503].includes(res.status), String(res.status));
      assert.strictEqual(res.body.status_code, res.status);
      assert.ok(res.body.type && res.body.code && res.body.message);
    }
    server.setFaults({ status5xxRate: 0.5 });
    const statuses = await Promise.all(Array.from({ length: 60 }, () => api(server, 'GET', '/v2/objects').then((r) => r.status)));
    const failed = statuses.filter((s) => s >= 500).length;
    assert.ok(failed > 10 && failed < 50, `about half failed: ${failed}/60`);
  });

  test('resetRate destroys the socket without a response', async () => {
    server.setFaults({ resetRate: 1 });
    server.clearRequests();
    await assert.rejects(fetch(`${server.url}/v2/objects`, { headers: { authorization: `Bearer ${server.tokens.full}` } }));
    await new Promise((r) => setTimeout(r, 50));
    assert.deepStrictEqual(
      server.requests.map((r) => [r.status, r.aborted]),
      server.requests.map(() => [0, false]),
      'a server-side reset is not a client abort',
    );
    assert.ok(server.requests.length >= 1);
    server.setFaults({});
    assert.strictEqual((await api(server, 'GET', '/v2/objects')).status, 200);
  });

  test('malformedRate returns 200 with a body that is not valid JSON', async () => {
    server.setFaults({ malformedRate: 1 });
    const res = await fetch(`${server.url}/v2/objects`, { headers: { authorization: `Bearer ${server.tokens.full}` } });
    assert.strictEqual(res.status, 200);
    const text = await res.text();
    assert.ok(text.length > 0);
    assert.throws(() => JSON.parse(text));
  });

  test('latency delays responses and is logged', async () => {
    server.setFaults({ latencyMs: 150 });
    const started = Date.now();
    assert.strictEqual((await api(server, 'GET', '/v2/objects')).status, 200);
    assert.ok(Date.now() - started >= 140);
    const entry = server.requests[server.requests.length - 1];
    assert.ok(entry.durationMs >= 140, String(entry.durationMs));
    assert.strictEqual(entry.aborted, false);
  });

  test('a client that disconnects during the latency is logged as aborted', async () => {
    server.setFaults({ latencyMs: 2000 });
    server.clearRequests();
    const controller = new AbortController();
    const pending = fetch(`${server.url}/v2/objects`, { headers: { authorization: `Bearer ${server.tokens.full}` }, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(pending);
    const deadline = Date.now() + 1000;
    while (!server.requests[0]?.aborted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const [entry] = server.requests;
    assert.strictEqual(entry.aborted, true);
    assert.strictEqual(entry.status, 0);
    assert.strictEqual(entry.token, 'full');
    assert.ok(entry.durationMs < 1500);
  });

  test('an aborted request with a body is logged as aborted too', async () => {
    server.setFaults({ latencyMs: 1000 });
    server.clearRequests();
    await new Promise<void>((resolve) => {
      const req = http.request(`${server.url}/v2/objects/people/records/query`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.full}`, 'content-type': 'application/json' } });
      req.on('error', () => resolve());
      req.end(JSON.stringify({ limit: 1 }));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 100);
    });
    const deadline = Date.now() + 1000;
    while (!server.requests[0]?.aborted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.strictEqual(server.requests[0].aborted, true);
    assert.deepStrictEqual(server.requests[0].body, { limit: 1 });
  });

  test('drift unknown-fields adds unknown keys at every object level', async () => {
    server.setFaults({ drift: 'unknown-fields' });
    const res = await api(server, 'POST', '/v2/objects/deals/records/query', { body: { limit: 2 } });
    assert.strictEqual(res.status, 200);
    assert.ok('drift_unknown_field' in res.body);
    const record = res.body.data[0];
    assert.ok('drift_unknown_field' in record && 'drift_unknown_field' in record.id);
    assert.ok(Array.isArray(record.values.drift_unknown_attribute), 'values gain an attribute of an unknown type');
    assert.ok('drift_unknown_field' in record.values.stage[0].status);
  });

  test('drift missing-optional drops nullable fields', async () => {
    const before = await api(server, 'GET', '/v2/tasks');
    assert.ok(hasNull(before.body), 'tasks normally include nulls');
    server.setFaults({ drift: 'missing-optional' });
    const after = await api(server, 'GET', '/v2/tasks');
    assert.strictEqual(after.body.data.length, before.body.data.length);
    assert.ok(!hasNull(after.body));
    assert.ok(after.body.data.some((t: any) => !('deadline_at' in t)));
    const self = await api(server, 'GET', '/v2/self');
    assert.ok(!('exp' in self.body) && self.body.active === true);
    const records = await api(server, 'POST', '/v2/objects/people/records/query', { body: {} });
    assert.ok(everyObject(records.body, (o) => !Object.values(o).some((v) => v === null)));
  });

  test('midBodyResets cuts the next N responses after half their body, then recovers', async () => {
    server.setFaults({ midBodyResets: 2 });
    server.clearRequests();
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/v2/objects`, { headers: { authorization: `Bearer ${server.tokens.full}` } });
      outcomes.push(await res.text().then((t) => `${res.status} ${JSON.parse(t).data.length > 0}`, () => `${res.status} cut`));
    }
    assert.deepStrictEqual(outcomes, ['200 cut', '200 cut', '200 true'], 'headers arrive, the body never completes');
    assert.deepStrictEqual(server.requests.map((r) => r.fault ?? 'none'), ['cut', 'cut', 'none']);
    assert.ok(server.requests.every((r) => !r.aborted && (r.bytes ?? 0) > 0));
  });

  test('midBodyResetRate 1 cuts every response', async () => {
    server.setFaults({ midBodyResetRate: 1 });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/v2/lists`, { headers: { authorization: `Bearer ${server.tokens.full}` } });
      await assert.rejects(res.text());
    }
  });

  test('hugeTextBytes spreads that much text over a records page and leaves other bodies alone', async () => {
    server.setFaults({ hugeTextBytes: 2_000_000 });
    server.clearRequests();
    const res = await api(server, 'POST', '/v2/objects/people/records/query', { body: { limit: 10 } });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.body.data.length, 10);
    for (const r of res.body.data) {
      const [v] = r.values.drift_long_text;
      assert.strictEqual(v.attribute_type, 'text');
      assert.strictEqual(v.value.length, 200_000);
      assert.ok(Array.isArray(r.values.name), 'the real values are still there');
    }
    assert.ok(server.requests[0].bytes! > 2_000_000, String(server.requests[0].bytes));
    const entries = await api(server, 'POST', `/v2/lists/${(await api(server, 'GET', '/v2/lists')).body.data[0].id.list_id}/entries/query`, { body: { limit: 2 } });
    assert.ok(entries.body.data.every((e: any) => e.entry_values.drift_long_text[0].value.length === 1_000_000));
    const objects = await api(server, 'GET', '/v2/objects');
    assert.ok(JSON.stringify(objects.body).length < 100_000, 'not a page of records: unchanged');
  });

  test('the log records the Retry-After sent with a 429', async () => {
    server.setFaults({ storm429: 1 });
    server.clearRequests();
    const res = await api(server, 'GET', '/v2/objects');
    assert.strictEqual(server.requests[0].retryAfter, res.headers.get('retry-after'));
    assert.strictEqual(server.requests[0].fault, 'rate-limit');
  });

  test('faults can be replaced and cleared', async () => {
    server.setFaults({ status5xxRate: 1 });
    assert.ok((await api(server, 'GET', '/v2/objects')).status >= 500);
    server.setFaults({});
    assert.strictEqual((await api(server, 'GET', '/v2/objects')).status, 200);
  });
});
