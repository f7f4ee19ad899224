/**
 * Writing records through the data layer against the local Attio server: an edit costs 1 write + 1 read and the cached
 * record (what the tree, detail page and hover read) shows the new value at once; a refusal puts the old value back
 * and says which attribute and why; multiselect edits go by PATCH when only adding, PUT when removing; a create that
 * hits a unique value finds the record holding it.
 */
import * as assert from 'assert';
import { isAttioError, type AttioAttribute } from '../../../src/attio';
import { inputOf, type DataChange, type InputValue } from '../../../src/data';
import { startAttioServer, type AttioTestServer } from '../../server';
import { apiCalls, localData, type LocalData } from './localData';

suite('Record writes (data layer, local Attio server)', () => {
  let server: AttioTestServer;
  let local: LocalData;
  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
    local = await localData(server);
  });
  suiteTeardown(() => server.close());

  const attribute = async (object: string, slug: string): Promise<AttioAttribute> => (await local.data.schema.attributes('objects', object)).find(a => a.api_slug === slug)!;
  const inputs = (values: { attribute_type: string }[] | undefined): InputValue[] => (values ?? []).filter(v => !(v as { active_until?: unknown }).active_until).map(v => inputOf(v)!);

  test('editing a status: 1 write + 1 read, the cached record shows it at once, and what Attio stored afterwards', async () => {
    const { data } = local;
    const deal = (await data.records.list('deals')).items[0];
    const stage = await attribute('deals', 'stage');
    const statuses = await data.schema.statuses('objects', 'deals', 'stage');
    const won = statuses.find(s => s.title.startsWith('Won'))!;
    const changes: DataChange[] = [];
    const sub = data.onDidChange(c => changes.push(c));
    server.clearRequests();
    const pending = data.recordWrites.edit('deals', deal.id.record_id, {
      attribute: stage,
      before: inputs(deal.values.stage),
      after: [{ kind: 'option', value: won.id.status_id }],
      labels: new Map([[`option:${won.id.status_id}`, won.title]]),
    });
    const shown = (deal.values.stage[0] as { status: { title: string } }).status.title;
    assert.strictEqual(shown, won.title, 'the cached record (the tree\'s) shows the new stage before Attio answers');
    await pending;
    sub.dispose();
    assert.deepStrictEqual(apiCalls(server, { ids: false }), ['PATCH /v2/objects/deals/records/:id', 'GET /v2/objects/deals/records/:id']);
    const rows = await data.records.valueRows('deals', deal.id.record_id);
    assert.deepStrictEqual(rows.find(r => r.slug === 'stage')!.texts, [won.title]);
    assert.ok(changes.some(c => c.kind === 'record' && c.id === deal.id.record_id));
  });

  test('multiselect: adding goes by PATCH with just the new value, removing by PUT with the whole set', async () => {
    const { data } = local;
    const company = (await data.records.list('companies')).items[1];
    const categories = await attribute('companies', 'categories');
    const options = await data.schema.selectOptions('objects', 'companies', 'categories');
    const before = inputs(company.values.categories);
    const extra = options.find(o => !before.some(b => b.kind === 'option' && b.value === o.id.option_id) && !o.is_archived)!;
    server.clearRequests();
    await data.recordWrites.edit('companies', company.id.record_id, { attribute: categories, before, after: [...before, { kind: 'option', value: extra.id.option_id }] });
    const patch = server.requests.find(r => r.method === 'PATCH');
    assert.ok(patch, 'PATCH when only adding');
    const added = inputs(data.records.peek(company.id.record_id)!.values.categories);
    assert.ok(added.some(v => v.kind === 'option' && v.value === extra.id.option_id));
    server.clearRequests();
    await data.recordWrites.edit('companies', company.id.record_id, { attribute: categories, before: added, after: [{ kind: 'option', value: extra.id.option_id }] });
    assert.deepStrictEqual(apiCalls(server, { ids: false }), ['PUT /v2/objects/companies/records/:id', 'GET /v2/objects/companies/records/:id']);
    assert.deepStrictEqual(inputs(data.records.peek(company.id.record_id)!.values.categories), [{ kind: 'option', value: extra.id.option_id }]);
  });

  test('a refused edit puts the old value back and names the attribute and Attio\'s reason', async () => {
    const { data } = local;
    const company = (await data.records.list('companies')).items[2];
    const count = await attribute('companies', 'employee_count');
    const old = JSON.stringify(company.values.employee_count);
    const refused = await data.recordWrites
      .edit('companies', company.id.record_id, { attribute: { ...count, api_slug: 'employee_count' }, before: inputs(company.values.employee_count), after: [{ kind: 'text', value: 'many' } as unknown as InputValue] })
      .then(() => undefined, e => e);
    assert.ok(isAttioError(refused, 'invalid-request'), String(refused));
    assert.strictEqual(refused.code, 'validation_type');
    assert.strictEqual(refused.attribute, 'employee_count');
    assert.match(refused.detail ?? '', /must be a number/);
    assert.strictEqual(JSON.stringify(company.values.employee_count), old, 'rolled back');
  });

  test('create: a unique conflict is found with the record holding the value; assert updates that one', async () => {
    const { data } = local;
    const company = (await data.records.list('companies')).items[0];
    const domains = await attribute('companies', 'domains');
    const name = await attribute('companies', 'name');
    const domain = (company.values.domains[0] as { domain: string }).domain;
    const values = [{ attribute: name, values: [{ kind: 'text', value: 'Copy' } as InputValue] }, { attribute: domains, values: [{ kind: 'domain', value: domain } as InputValue] }];
    const e = await data.recordWrites.create('companies', values).then(() => undefined, x => x);
    const conflict = await data.recordWrites.uniqueConflict('companies', e, values);
    assert.deepStrictEqual(conflict, { attribute: 'domains', existing: company.id.record_id });
    const asserted = await data.recordWrites.assert('companies', 'domains', values);
    assert.strictEqual(asserted.id.record_id, company.id.record_id);
    server.clearRequests();
    const fresh = await data.recordWrites.create('companies', [{ attribute: name, values: [{ kind: 'text', value: 'Fresh Start AG' }] }]);
    assert.deepStrictEqual(apiCalls(server, { ids: false }), ['POST /v2/objects/companies/records'], 'a create costs 1 write');
    assert.ok((await data.records.list('companies')).items.some(r => r.id.record_id === fresh.id.record_id), 'the object\'s pages reload with the new record');
  });
});
