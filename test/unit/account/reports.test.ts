import * as assert from 'assert';
import type { SelfInfo } from '../../../src/attio';
import { connectionReport, scopeErrorsReport } from '../../../src/account/reports';

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
  test('names the workspace, token identity and granted scopes', () => {
    const md = connectionReport({ self: active(ALL_READ), method: 'token', apiBaseUrl: 'https://api.attio.com', authorizedBy: 'Ada Lovelace <ada@x.test>', checkedAt: new Date() });
    assert.match(md, /Northwind Labs/);
    assert.match(md, /northwind-labs/);
    assert.match(md, /Ada Lovelace/);
    assert.match(md, /2026-01-02T03:04:05/);
    assert.match(md, /`task:read`/);
  });

  test('a read-only token: task writes need task:read-write, everything else works', () => {
    const md = connectionReport({ self: active(ALL_READ), method: 'token', apiBaseUrl: 'x', checkedAt: new Date() });
    const taskWrites = md.split('\n').find(l => l.startsWith('| Create and complete tasks'));
    assert.ok(taskWrites?.includes('✗') && taskWrites.includes('task:read-write'), taskWrites);
    const tasks = md.split('\n').find(l => l.startsWith('| Tasks |'));
    assert.ok(tasks?.includes('✓'), tasks);
    assert.match(md, /Workspace settings → Developers/);
  });

  test('a token without list scopes: lists and entries say which scopes, OAuth fix says re-consent', () => {
    const md = connectionReport({ self: active('object_configuration:read record_permission:read task:read-write user_management:read note:read'), method: 'oauth', apiBaseUrl: 'x', checkedAt: new Date() });
    const lists = md.split('\n').find(l => l.startsWith('| Lists |'));
    assert.ok(lists?.includes('list_configuration:read'), lists);
    const entries = md.split('\n').find(l => l.startsWith('| List entries |'));
    assert.ok(entries?.includes('list_entry:read') && entries.includes('list_configuration:read'), entries);
    assert.match(md, /sign in again/);
  });

  test('an inactive token says so and offers sign-in', () => {
    const md = connectionReport({ self: { active: false }, method: 'token', apiBaseUrl: 'x', checkedAt: new Date() });
    assert.match(md, /not active/);
    assert.match(md, /command:attio\.signIn/);
  });
});

suite('Scope errors report', () => {
  test('lists feature, endpoint and missing scope of each error', () => {
    const md = scopeErrorsReport([{ feature: 'Tasks', endpoint: 'GET /v2/tasks', missing: ['task:read'], workspaceName: 'Northwind Labs', at: new Date() }], 'token');
    const row = md.split('\n').find(l => l.includes('GET /v2/tasks'));
    assert.ok(row && row.includes('Tasks') && row.includes('`task:read`'), row);
  });
  test('with none, says so', () => {
    assert.match(scopeErrorsReport([], undefined), /No scope errors/);
  });
});
