import * as assert from 'assert';
import { parseScopes } from '../../../src/attio/scopes';
import { missingForUses, useScopes } from '../../../src/project/needs';

suite('project/needs', () => {
  test('the scopes of each use come from the endpoint table', () => {
    assert.deepStrictEqual(useScopes('types'), ['list_configuration:read', 'object_configuration:read']);
    assert.deepStrictEqual(useScopes('reads'), ['list_configuration:read', 'list_entry:read', 'object_configuration:read', 'record_permission:read']);
    assert.deepStrictEqual(useScopes('writes'), ['list_configuration:read', 'list_entry:read-write', 'object_configuration:read', 'record_permission:read-write']);
  });

  test('a read-only key lacks only the write scopes; read-write scopes satisfy reads', () => {
    const readOnly = parseScopes('object_configuration:read record_permission:read list_configuration:read list_entry:read');
    assert.deepStrictEqual(missingForUses(readOnly), { types: [], reads: [], writes: ['list_entry:read-write', 'record_permission:read-write'] });
    const readWrite = parseScopes('object_configuration:read record_permission:read-write list_configuration:read list_entry:read-write');
    assert.deepStrictEqual(missingForUses(readWrite), { types: [], reads: [], writes: [] });
    assert.deepStrictEqual(missingForUses(parseScopes('task:read')).types, ['list_configuration:read', 'object_configuration:read']);
  });
});
