import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assessScopes, endpointScopes, featureNames, featureScopes, hasScope, missingScopes, parseScopes } from '../../../src/attio/scopes';
import { endpoints } from '../../../src/attio/request';

function findOpenApi(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const p = path.join(dir, 'shared', 'attio', 'openapi.json');
    if (fs.existsSync(p)) return p;
    if (path.dirname(dir) === dir) return undefined;
  }
}

suite('attio/scopes', () => {
  test('endpointScopes matches the security of every operation in openapi.json', function () {
    const file = findOpenApi();
    if (!file) return this.skip();
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, { security?: { oauth2?: string[] }[] }>> };
    for (const [key, scopes] of Object.entries(endpointScopes)) {
      const [method, p] = key.split(' ');
      const op = doc.paths[p]?.[method.toLowerCase()];
      assert.ok(op, `${key} exists in openapi.json`);
      const specScopes = (op.security ?? []).flatMap(s => s.oauth2 ?? []);
      assert.deepStrictEqual([...scopes].sort(), [...specScopes].sort(), key);
    }
  });

  test('every endpoint the client calls has a scope entry', () => {
    for (const ep of Object.values(endpoints)) assert.ok(ep.key in endpointScopes, ep.key);
  });

  test(':read-write satisfies :read, not the other way round', () => {
    const granted = parseScopes('task:read-write record_permission:read');
    assert.ok(hasScope(granted, 'task:read'));
    assert.ok(hasScope(granted, 'task:read-write'));
    assert.ok(!hasScope(granted, 'record_permission:read-write'));
    assert.deepStrictEqual(missingScopes(['task:read', 'record_permission:read-write', 'note:read'], granted), ['record_permission:read-write', 'note:read']);
  });

  test('parseScopes splits on any whitespace and ignores empties', () => {
    assert.deepStrictEqual([...parseScopes('  a:read   b:read\tc:read ')], ['a:read', 'b:read', 'c:read']);
    assert.strictEqual(parseScopes('').size, 0);
  });

  test('assessScopes: full scope set → every feature ok', () => {
    const all = new Set(featureNames.flatMap(f => featureScopes(f)));
    const result = assessScopes([...all].join(' '));
    assert.deepStrictEqual(result.map(r => r.feature), featureNames);
    for (const r of result) {
      assert.ok(r.ok, r.feature);
      assert.deepStrictEqual(r.missing, []);
    }
  });

  test('assessScopes: each feature reports exactly its missing scopes', () => {
    for (const feature of featureNames) {
      const needed = featureScopes(feature);
      for (const drop of needed) {
        const granted = new Set(featureNames.flatMap(f => featureScopes(f)).filter(s => s !== drop && !(drop.endsWith(':read') && s === drop.replace(/:read$/, ':read-write'))));
        const r = assessScopes(granted).find(x => x.feature === feature)!;
        assert.strictEqual(r.ok, false, `${feature} without ${drop}`);
        assert.deepStrictEqual(r.missing, [drop]);
      }
    }
  });

  test('assessScopes: tasks need user_management:read; taskWrites need task:read-write', () => {
    const readOnly = 'object_configuration:read record_permission:read list_configuration:read list_entry:read task:read user_management:read';
    const r = Object.fromEntries(assessScopes(readOnly).map(x => [x.feature, x]));
    assert.ok(r.tasks.ok && r.objects.ok && r.records.ok && r.lists.ok && r.entries.ok && r.members.ok && r.search.ok);
    assert.deepStrictEqual(r.taskWrites.missing, ['task:read-write']);
    assert.deepStrictEqual(r.notes.missing, ['note:read']);
    const noUsers = Object.fromEntries(assessScopes(readOnly.replace('user_management:read', '')).map(x => [x.feature, x]));
    assert.deepStrictEqual(noUsers.tasks.missing, ['user_management:read']);
  });
});
