/**
 * The record write tools against the local Attio server: the confirmation shows each attribute's old and new value
 * as plain data (hostile text stays one escaped line); a confirmed update costs 1 write + 1 read per attribute and
 * reports what Attio stored; a create that meets a unique value names the record holding it; outside a chat session
 * nothing is written.
 */
import * as assert from 'assert';
import { ChatToolNames as T } from '../../../src/constants';
import { startAttioServer, type AttioTestServer } from '../../server';
import { chatHarness, findAcme, type ChatHarness } from './serverFixture';

const sent = (server: AttioTestServer): string[] =>
  server.requests.filter(r => r.path.startsWith('/v2/objects/') && !r.path.endsWith('/query')).map(r => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`);
const signal = () => new AbortController().signal;

suite('Chat record write tools: old and new values confirmed first', () => {
  let server: AttioTestServer;
  let h: ChatHarness;
  let acme: { id: string; url: string };

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  suiteTeardown(() => server.close());
  setup(async () => {
    h = await chatHarness(server);
    acme = await findAcme(h);
  });

  test('update: the confirmation lists old → new as plain data; invoking writes once per attribute and re-reads', async () => {
    const input = { record: acme.url, values: { description: 'Robots [click](command:attio.signOut) <b>now</b>', employee_count: '1,250' } };
    const p = await h.runner.prepare(T.updateRecord, input);
    assert.strictEqual(p.confirmation?.title, 'Update an Attio record?');
    const md = p.confirmation!.message;
    assert.match(md, /^Changes \*\*Acme Robotics\*\* \(companies, [0-9a-f-]{36}\) in the Attio workspace \*\*Northwind Labs\*\*:/);
    assert.match(md, /- Description \(`description`\): .+ → Robots \\\[click\\\]\(command\\:attio\.signOut\) \\<b\\>now\\<\/b\\>\n/, 'the new text escaped, one line');
    assert.doesNotMatch(md, /\]\(command:/, 'no live command link');
    assert.match(md, /- Employee count \(`employee_count`\): \d[\d,]* → 1,250/);
    server.clearRequests();
    const out = await h.runner.invoke(T.updateRecord, input, true, signal());
    assert.match(out, /Updated "Acme Robotics" .* Attio now stores description: "Robots .*"; employee_count: "1,250"/);
    assert.deepStrictEqual(sent(server), [
      'PATCH /v2/objects/companies/records/:id', 'GET /v2/objects/companies/records/:id',
      'PATCH /v2/objects/companies/records/:id', 'GET /v2/objects/companies/records/:id',
    ]);
  });

  test('a value Attio would refuse is refused before the person is asked; a read-only attribute too', async () => {
    server.clearRequests();
    for (const values of [{ employee_count: 'lots' }, { created_at: '2020-01-01' }]) {
      const input = { record: acme.url, values };
      assert.strictEqual((await h.runner.prepare(T.updateRecord, input)).confirmation, undefined, 'nobody is asked');
      assert.match(await h.runner.invoke(T.updateRecord, input, true, signal()), /nothing was written/);
    }
    assert.deepStrictEqual(sent(server).filter(s => !s.startsWith('GET')), [], 'nothing written');
  });

  test('create: every value confirmed; a unique domain already taken names the record holding it and creates nothing', async () => {
    const taken = (await h.data.records.get('companies', acme.id)).values.domains[0] as unknown as { domain: string };
    const input = { object: 'companies', values: { name: 'Acme Copy', domains: [taken.domain] } };
    const p = await h.runner.prepare(T.createRecord, input);
    assert.match(p.confirmation!.message, /Creates a new Company in the Attio workspace \*\*Northwind Labs\*\* with:\n\n- Name \(`name`\): — → Acme Copy\n- Domains \(`domains`\): — → /);
    const out = await h.runner.invoke(T.createRecord, input, true, signal());
    assert.match(out, new RegExp(`Not created: another companies record already has this "domains" \\(record_id ${acme.id}\\)`));
    const fresh = { object: 'companies', values: { name: 'Brand New Robotics', domains: 'brand-new-robotics.example' } };
    await h.runner.prepare(T.createRecord, fresh);
    assert.match(await h.runner.invoke(T.createRecord, fresh, true, signal()), /Created "Brand New Robotics" · record_id [0-9a-f-]{36}/);
  });

  test('outside a chat session nothing is written', async () => {
    const input = { record: acme.url, values: { description: 'Never written' } };
    await h.runner.prepare(T.updateRecord, input);
    server.clearRequests();
    assert.match(await h.runner.invoke(T.updateRecord, input, false, signal()), /nothing was written/);
    assert.deepStrictEqual(sent(server).filter(s => !s.startsWith('GET')), []);
  });
});
