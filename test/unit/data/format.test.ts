import * as assert from 'assert';
import { relativeLink, parseDetailPath, detailPath, type DetailTarget } from '../../../src/detail/paths';
import { ENGLISH_WORDS, actorName, currentValues, formatDate, humanize, isOverdue, relativeDeadline, renderValue, type RenderContext, type ValueWords } from '../../../src/data/format';

const ctx: RenderContext = {
  locale: 'en-US',
  timeZone: 'UTC',
  memberName: id => (id === 'm1' ? 'Maya Chen' : undefined),
  recordTitle: (o, id) => (o === 'companies' && id === 'c1' ? 'Acme Robotics' : undefined),
};

const base = { active_from: '2024-01-01T00:00:00.000000000Z', active_until: null, created_by_actor: { type: 'system', id: null } };

suite('Tree formatting', () => {
  const cases: [string, Record<string, unknown>, string | RegExp][] = [
    ['personal name', { attribute_type: 'personal-name', first_name: 'Ada', last_name: 'Lovelace', full_name: 'Ada Lovelace' }, 'Ada Lovelace'],
    ['email', { attribute_type: 'email-address', email_address: 'ada@x.com', original_email_address: 'Ada@x.com' }, 'ada@x.com'],
    ['phone', { attribute_type: 'phone-number', original_phone_number: '+14155550100', phone_number: '+14155550100', country_code: 'US' }, '+14155550100'],
    ['domain', { attribute_type: 'domain', domain: 'acme.com', root_domain: 'acme.com' }, 'acme.com'],
    ['currency with code', { attribute_type: 'currency', currency_value: 137000, currency_code: 'USD' }, /USD\s?137,000\.00/],
    ['currency without code', { attribute_type: 'currency', currency_value: 12.5, currency_code: null }, '12.5'],
    ['number', { attribute_type: 'number', value: 12500 }, '12,500'],
    ['rating', { attribute_type: 'rating', value: 3 }, '★★★☆☆'],
    ['checkbox', { attribute_type: 'checkbox', value: false }, 'No'],
    ['date in locale', { attribute_type: 'date', value: '2025-03-04' }, 'Mar 4, 2025'],
    ['timestamp in locale', { attribute_type: 'timestamp', value: '2025-03-04T15:30:00.000000000Z' }, /Mar 4, 2025, 3:30\sPM/],
    ['status title', { attribute_type: 'status', status: { title: 'In Progress' } }, 'In Progress'],
    ['select title', { attribute_type: 'select', option: { title: 'Gold' } }, 'Gold'],
    ['record reference by title', { attribute_type: 'record-reference', target_object: 'companies', target_record_id: 'c1' }, 'Acme Robotics'],
    ['unknown reference', { attribute_type: 'record-reference', target_object: 'deals', target_record_id: '12345678-aaaa' }, 'deals 12345678'],
    ['actor by member name', { attribute_type: 'actor-reference', referenced_actor_type: 'workspace-member', referenced_actor_id: 'm1' }, 'Maya Chen'],
    ['api token actor', { attribute_type: 'actor-reference', referenced_actor_type: 'api-token', referenced_actor_id: 't' }, 'API token'],
    ['location', { attribute_type: 'location', line_1: '1 Market St', locality: 'San Francisco', region: 'CA', postcode: null, country_code: 'US' }, '1 Market St, San Francisco, CA, US'],
    ['unknown type', { attribute_type: 'future-type', value: 'x' }, 'x'],
  ];
  for (const [name, value, expected] of cases) {
    test(`renders ${name}`, () => {
      const out = renderValue({ ...base, ...value } as never, ctx);
      if (typeof expected === 'string') assert.strictEqual(out, expected);
      else assert.match(out, expected);
    });
  }

  test('the words around values are the ones passed in (a surface for people), English without them (chat tools)', () => {
    const words: ValueWords = {
      actors: { 'api-token': 'API-Token' },
      interactions: { call: 'Anruf' },
      by: n => `von ${n}`,
      member: id => `Mitglied ${id}`,
      workspaceMember: 'Workspace-Mitglied',
      unknown: 'Unbekannt',
      recordNotFound: 'Datensatz nicht gefunden',
      yes: 'Ja',
      no: 'Nein',
    };
    const de: RenderContext = { ...ctx, words };
    const render = (value: Record<string, unknown>, c: RenderContext): string => renderValue({ ...base, ...value } as never, c);
    assert.strictEqual(render({ attribute_type: 'checkbox', value: true }, de), 'Ja');
    assert.strictEqual(render({ attribute_type: 'actor-reference', referenced_actor_type: 'api-token', referenced_actor_id: 't' }, de), 'API-Token');
    const call = { attribute_type: 'interaction', interaction_type: 'call', interacted_at: '2025-03-04T15:30:00.000000000Z', owner_actor: { type: 'workspace-member', id: 'm1' } };
    assert.match(render(call, de), /^Anruf · .* · von Maya Chen$/);
    assert.match(render(call, ctx), /^Call · .* · by Maya Chen$/);
    assert.strictEqual(actorName('workspace-member', '12345678-abcd', de), 'Mitglied 12345678');
    assert.strictEqual(actorName(undefined, undefined, de), 'Unbekannt');
    assert.strictEqual(actorName('workspace-member', undefined, ctx), ENGLISH_WORDS.workspaceMember);
  });

  test('relative deadlines', () => {
    const now = new Date(2025, 2, 10, 12, 0).getTime();
    assert.strictEqual(relativeDeadline(new Date(2025, 2, 11, 9, 0).toISOString(), now, 'en-US'), 'tomorrow');
    assert.strictEqual(relativeDeadline(new Date(2025, 2, 8, 9, 0).toISOString(), now, 'en-US'), '2 days ago');
    assert.strictEqual(relativeDeadline(new Date(2025, 2, 10, 15, 0).toISOString(), now, 'en-US'), 'in 3 hours');
    assert.strictEqual(relativeDeadline(new Date(2025, 3, 10, 9, 0).toISOString(), now, 'en-US'), 'in 4 weeks');
    assert.strictEqual(relativeDeadline(new Date(2025, 2, 20, 9, 0).toISOString(), now, 'en-US'), 'in 10 days');
    assert.strictEqual(isOverdue(new Date(now - 1000).toISOString(), now), true);
    assert.strictEqual(isOverdue(null, now), false);
    assert.strictEqual(formatDate('2025-12-31', { locale: 'de-DE' }), '31.12.2025');
  });

  test('current values, humanize', () => {
    assert.deepStrictEqual(currentValues([{ active_until: '2024-01-01' }, { active_until: null }]), [{ active_until: null }]);
    assert.strictEqual(humanize('email_addresses'), 'Email addresses');
  });

  test('detail paths round-trip and link relatively', () => {
    const targets: DetailTarget[] = [
      { kind: 'record', object: 'people', id: 'p1' },
      { kind: 'entry', list: 'l1', id: 'e1' },
      { kind: 'task', id: 't1' },
      { kind: 'note', id: 'n1' },
    ];
    for (const t of targets) assert.deepStrictEqual(parseDetailPath(detailPath(t)), { ...t, name: t.kind });
    assert.strictEqual(detailPath({ kind: 'record', object: 'people', id: 'p1', name: 'Ada / Lovelace?' }), '/records/people/p1/Ada Lovelace.md');
    assert.strictEqual(relativeLink(targets[0], { kind: 'record', object: 'companies', id: 'c1', name: 'Acme Robotics' }), '../../companies/c1/Acme%20Robotics.md');
    assert.strictEqual(relativeLink(targets[0], { kind: 'record', object: 'people', id: 'p2' }), '../p2/record.md');
    assert.strictEqual(relativeLink(targets[1], targets[0]), '../../../../records/people/p1/record.md');
    assert.strictEqual(relativeLink(targets[2], targets[0]), '../../records/people/p1/record.md');
    assert.strictEqual(parseDetailPath('/nope/x.md'), undefined);
  });
});
