import * as assert from 'assert';
import { ScopeErrorLog } from '../../../src/session/scopeErrors';

suite('Scope error log', () => {
  const entry = (feature: string, missing: string[], at: number) => ({ feature, endpoint: `GET /v2/${feature.toLowerCase()}`, missing, workspaceName: 'Northwind Labs', at: new Date(at) });

  test('newest first; a repeat of the same error keeps one line with the latest time', () => {
    const log = new ScopeErrorLog();
    log.record(entry('Tasks', ['task:read'], 1));
    log.record(entry('Lists', ['list_configuration:read'], 2));
    log.record(entry('Tasks', ['task:read'], 3));
    assert.deepStrictEqual(log.entries.map(e => [e.feature, e.at.getTime()]), [['Tasks', 3], ['Lists', 2]]);
  });

  test('a different missing set for the same feature is its own line', () => {
    const log = new ScopeErrorLog();
    log.record(entry('Tasks', ['task:read'], 1));
    log.record(entry('Tasks', ['task:read', 'user_management:read'], 2));
    assert.strictEqual(log.entries.length, 2);
  });
});
