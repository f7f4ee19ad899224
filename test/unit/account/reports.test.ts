import * as assert from 'assert';
import type { SelfInfo } from '../../../src/attio';
import { featureNames } from '../../../src/attio';
import { connectionReport, featureLabel, scopeErrorsReport, type Report } from '../../../src/account/reports';

const MarkdownIt = require('markdown-it') as new (o: object) => { render(md: string): string };
/** As VS Code's markdown.api.render: raw HTML on. */
const render = (r: Report): string => new MarkdownIt({ html: true, linkify: true }).render(r.markdown);
const commandLinks = (html: string): string[] => [...html.matchAll(/href="command:([^"?]*)/g)].map(m => m[1]);

const active = (scope: string): SelfInfo => ({
  active: true,
  scope,
  scopes: new Set(scope.split(' ').filter(Boolean)),
  workspaceId: 'ws-1',
  workspaceName: 'Northwind Labs',
  workspaceSlug: 'northwind-labs',
  workspaceLogoUrl: null,
  clientId: 'client-1',
  tokenType: 'Bearer',
  authorizedByMemberId: 'member-1',
  issuedAt: new Date('2026-01-02T03:04:05Z'),
  expiresAt: undefined,
});

const ALL_READ = 'object_configuration:read record_permission:read list_configuration:read list_entry:read task:read user_management:read note:read';

suite('Verify Connection report', () => {
  test('an optional feature (webhooks) is offered, never asked for: every other scope granted means every feature works', () => {
    const all = 'object_configuration:read record_permission:read list_configuration:read list_entry:read task:read-write user_management:read note:read-write';
    const { markdown: md } = connectionReport({ self: active(all), method: 'token', apiBaseUrl: 'https://api.attio.com', checkedAt: new Date() });
    assert.match(md, /Webhooks \(read-only\) \| ○ optional: add `webhook:read`/);
    assert.match(md, /Every feature of Attio Explorer works with this token\./);
    assert.doesNotMatch(md, /Missing scopes/);
  });

  test('names the workspace, token identity and granted scopes', () => {
    const { markdown: md } = connectionReport({ self: active(ALL_READ), method: 'token', apiBaseUrl: 'https://api.attio.com', authorizedBy: 'Ada Lovelace <ada@x.test>', checkedAt: new Date() });
    assert.match(md, /Northwind Labs/);
    assert.match(md, /northwind-labs/);
    assert.match(md, /Ada Lovelace/);
    assert.match(md, /2026-01-02T03:04:05/);
    assert.match(md, /`task:read`/);
  });

  test('a read-only token: task writes need task:read-write, everything else works', () => {
    const { markdown: md } = connectionReport({ self: active(ALL_READ), method: 'token', apiBaseUrl: 'x', checkedAt: new Date() });
    const taskWrites = md.split('\n').find(l => l.startsWith('| Create and complete tasks'));
    assert.ok(taskWrites?.includes('✗') && taskWrites.includes('task:read-write'), taskWrites);
    const tasks = md.split('\n').find(l => l.startsWith('| Tasks |'));
    assert.ok(tasks?.includes('✓'), tasks);
    assert.match(md, /Workspace settings → Developers/);
  });

  test('a token without list scopes: lists and entries say which scopes, OAuth fix says re-consent', () => {
    const { markdown: md } = connectionReport({ self: active('object_configuration:read record_permission:read task:read-write user_management:read note:read'), method: 'oauth', apiBaseUrl: 'x', checkedAt: new Date() });
    const lists = md.split('\n').find(l => l.startsWith('| Lists |'));
    assert.ok(lists?.includes('list_configuration:read'), lists);
    const entries = md.split('\n').find(l => l.startsWith('| List entries |'));
    assert.ok(entries?.includes('list_entry:read') && entries.includes('list_configuration:read'), entries);
    assert.match(md, /sign in again/);
  });

  test('every feature of the scope model has a name of its own in the report', () => {
    const labels = featureNames.map(featureLabel);
    assert.ok(labels.every(l => typeof l === 'string' && l.length > 0), JSON.stringify(labels));
    assert.strictEqual(new Set(labels).size, labels.length);
  });

  test('an inactive token says so and offers sign-in', () => {
    const { markdown: md } = connectionReport({ self: { active: false }, method: 'token', apiBaseUrl: 'x', checkedAt: new Date() });
    assert.match(md, /not active/);
    assert.match(md, /command:attio\.signIn/);
  });
});

suite('Scope errors report', () => {
  test('lists feature, endpoint and missing scope of each error', () => {
    const { markdown: md } = scopeErrorsReport([{ feature: 'Tasks', endpoint: 'GET /v2/tasks', missing: ['task:read'], workspaceName: 'Northwind Labs', at: new Date() }], 'token');
    const row = md.split('\n').find(l => l.includes('GET /v2/tasks'));
    assert.ok(row && row.includes('Tasks') && row.includes('`task:read`'), row);
  });
  test('with none, says so', () => {
    assert.match(scopeErrorsReport([], undefined).markdown, /No scope errors/);
  });
});

suite('Report links and CRM names', () => {
  const HOSTILE = 'Acme <img src=https://e.test/p.png> [x](command:attio.signOut) ![i](https://e.test/i.png) `c | <b>` $1$\n# h';

  test('the command list is exactly the commands the report links to', () => {
    const cases: [string, Report, string[]][] = [
      ['active, all scopes', connectionReport({ self: active(ALL_READ + ' task:read-write'), method: 'token', apiBaseUrl: 'x', checkedAt: new Date() }), ['attio.copySelfAsCurl', 'attio.showScopeErrors']],
      ['inactive', connectionReport({ self: { active: false }, method: 'token', apiBaseUrl: 'x', checkedAt: new Date() }), ['attio.signIn']],
      ['no scope errors', scopeErrorsReport([], 'token'), ['attio.verifyConnection']],
      ['scope errors', scopeErrorsReport([{ feature: 'Tasks', endpoint: 'GET /v2/tasks', missing: ['task:read'], workspaceName: 'W', at: new Date() }], 'oauth'), ['attio.verifyConnection']],
    ];
    for (const [name, report, expected] of cases) {
      assert.deepStrictEqual([...report.commands].sort(), expected, name);
      assert.deepStrictEqual([...new Set(commandLinks(render(report)))].sort(), expected, `${name}: rendered links`);
    }
  });

  test('workspace, member and scope names show as text: no tag, image or link of their own', () => {
    const self = { ...active(`task:read ${HOSTILE.replace(/\s/g, '')}`), workspaceName: HOSTILE, workspaceSlug: 'a|<b>', clientId: '`x`|<i>' };
    const reports = [
      connectionReport({ self, method: 'token', apiBaseUrl: 'https://x|<u>', authorizedBy: `Eve ${HOSTILE} <eve@x.test>`, checkedAt: new Date() }),
      scopeErrorsReport([{ feature: 'Tasks', endpoint: 'GET /v2/tasks', missing: ['task:read'], workspaceName: HOSTILE, at: new Date() }], 'token'),
    ];
    for (const report of reports) {
      const html = render(report);
      assert.ok(!/<(img|b|u|i)[\s>]/.test(html), html);
      assert.strictEqual((html.match(/<h1>/g) ?? []).length, 1, 'a name cannot start a heading');
      assert.deepStrictEqual(commandLinks(html).filter(c => !report.commands.includes(c)), [], 'only the report\'s own command links');
      assert.ok(!/href="https:\/\/e\.test/.test(html), 'no link from a name');
      assert.ok(html.includes('Acme &lt;img src=https://e.test/p.png&gt; [x](command:attio.signOut)'), html);
    }
  });
});
