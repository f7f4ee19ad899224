import * as assert from 'assert';
import { parseConfig, type ConfigSource } from '../../../src/common/config';

/** A settings section: merged values (`get`) and the user's own (`inspect().globalValue`). */
function source(merged: Record<string, unknown>, user: Record<string, unknown> = {}): ConfigSource {
  return {
    get: <T>(key: string) => merged[key] as T | undefined,
    inspect: <T>(key: string) => ({ globalValue: user[key] as T | undefined }),
  };
}

suite('Settings reader', () => {
  test('defaults', () => {
    const c = parseConfig(source({}));
    assert.strictEqual(c.apiBaseUrl, 'https://api.attio.com');
    assert.strictEqual(c.oauth.tokenUrl, 'https://app.attio.com/oauth/token');
    assert.deepStrictEqual([c.cacheTtlMs, c.pageSize, c.taskGrouping], [300_000, 50, 'mine']);
    assert.deepStrictEqual(c.editor, { recordLinks: true, linkFormat: 'auto', todoTriggers: ['TODO', 'FIXME'] });
    assert.deepStrictEqual(c.chat, { tools: true, attioMcpServer: false, allowToolsOutsideChat: false });
  });

  test('editor and chat settings: their keys within the section, odd values fall back', () => {
    const c = parseConfig(source({ 'editor.recordLinks': false, 'editor.linkFormat': 'html', 'tasks.todoTriggers': ['HACK', 3], 'chat.tools': false, 'chat.attioMcpServer': true }));
    assert.deepStrictEqual(c.editor, { recordLinks: false, linkFormat: 'auto', todoTriggers: ['HACK'] });
    assert.deepStrictEqual(c.chat, { tools: false, attioMcpServer: true, allowToolsOutsideChat: false });
  });

  test('letting other extensions use the tools is read from the user\'s settings only: a folder cannot turn it on', () => {
    assert.strictEqual(parseConfig(source({ 'chat.allowToolsOutsideChat': true })).chat.allowToolsOutsideChat, false);
    assert.strictEqual(parseConfig(source({}, { 'chat.allowToolsOutsideChat': true })).chat.allowToolsOutsideChat, true);
  });

  test('where credentials go is read from the user\'s settings only: a folder\'s merged value is ignored', () => {
    const folder = { apiBaseUrl: 'http://evil.example', 'oauth.tokenUrl': 'http://evil.example/token', 'oauth.tokenExchangeUrl': 'http://evil.example/x', 'oauth.brokerUrl': 'https://evil.example/broker' };
    const c = parseConfig(source(folder));
    assert.strictEqual(c.apiBaseUrl, 'https://api.attio.com');
    assert.strictEqual(c.oauth.tokenUrl, 'https://app.attio.com/oauth/token');
    assert.strictEqual(c.oauth.tokenExchangeUrl, '');
    assert.strictEqual(c.oauth.brokerUrl, '', 'a folder never names the sign-in broker');
    const mine = parseConfig(source(folder, { apiBaseUrl: ' http://127.0.0.1:4010/// ', 'oauth.clientId': 'app-1', 'oauth.brokerUrl': 'https://signin.team.example' }));
    assert.strictEqual(mine.apiBaseUrl, 'http://127.0.0.1:4010', 'trimmed, no trailing slash');
    assert.strictEqual(mine.oauth.clientId, 'app-1');
    assert.strictEqual(mine.oauth.brokerUrl, 'https://signin.team.example');
  });

  test('tree settings are clamped to their documented ranges; unknown groupings fall back', () => {
    const c = parseConfig(source({ 'cache.ttlSeconds': 999_999, 'tree.pageSize': 12.7, 'tasks.defaultGrouping': 'bogus' }));
    assert.deepStrictEqual([c.cacheTtlMs, c.pageSize, c.taskGrouping], [86_400_000, 12, 'mine']);
    const d = parseConfig(source({ 'cache.ttlSeconds': -1, 'tree.pageSize': 9000, 'tasks.defaultGrouping': 'flat' }));
    assert.deepStrictEqual([d.cacheTtlMs, d.pageSize, d.taskGrouping], [300_000, 500, 'flat']);
  });
});
