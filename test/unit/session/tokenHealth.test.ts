import * as assert from 'assert';
import { AuthError, NetworkError, type SelfInfo } from '../../../src/attio';
import { HEALTH_INTERVAL_MS, NETWORK_CHECK_GAP_MS, TokenHealth, attioDataVisible, scopeChange, type HealthProblem } from '../../../src/session/tokenHealth';

const MIN = 60_000;
const active = (scopes: string[]): SelfInfo =>
  ({ active: true, scopes: new Set(scopes), scope: scopes.join(' '), workspaceId: 'w', workspaceName: 'Northwind', workspaceSlug: 'nw', workspaceLogoUrl: null, clientId: '', tokenType: 'Bearer', authorizedByMemberId: null, issuedAt: undefined, expiresAt: undefined }) as SelfInfo;

/** A TokenHealth with a fake clock, a fake `/v2/self` and everything it says recorded. */
function rig(opts: { focused?: boolean; visible?: boolean } = {}) {
  const t = { now: 1_000_000, visible: opts.visible ?? true, key: 's1', answer: (): Promise<SelfInfo> => Promise.resolve(active(['task:read'])) };
  const calls: number[] = [];
  const reports: { problem: HealthProblem; key: string; at: number }[] = [];
  const health = new TokenHealth({
    now: () => t.now,
    session: () =>
      t.key
        ? {
            key: t.key,
            workspaceName: 'Northwind',
            scopes: ['task:read'],
            self: () => {
              calls.push(t.now);
              return t.answer();
            },
          }
        : undefined,
    showingAttio: () => t.visible,
    focused: opts.focused ?? true,
    report: (problem, s) => reports.push({ problem, key: s.key, at: t.now }),
    log: { info: () => undefined, warn: () => undefined, debug: () => undefined },
  });
  /** Blur and focus again, then wait for any check it started. */
  const refocus = async (): Promise<void> => {
    health.windowStateChanged(false);
    health.windowStateChanged(true);
    await health.settled();
  };
  /** Another active session (or none: ''), as the connection reports it. */
  const switchTo = (key: string): void => {
    t.key = key;
    health.sessionChanged();
  };
  return { t, calls, reports, health, refocus, switchTo };
}

suite('Token health: when to ask /v2/self', () => {
  test('focus within 15 minutes of the last check asks nothing; after 15 minutes it asks once', async () => {
    const r = rig();
    r.t.now += HEALTH_INTERVAL_MS - 1;
    await r.refocus();
    assert.strictEqual(r.calls.length, 0);
    r.t.now += 1;
    await r.refocus();
    await r.refocus();
    assert.strictEqual(r.calls.length, 1, 'the second focus is within 15 minutes of the first check');
    r.t.now += HEALTH_INTERVAL_MS;
    await r.refocus();
    assert.strictEqual(r.calls.length, 2);
    assert.deepStrictEqual(r.reports, [], 'a healthy token is not mentioned');
  });

  test('nothing visible: 0 requests, however often the window is focused; once visible, the next focus asks', async () => {
    const r = rig({ visible: false });
    for (let i = 0; i < 5; i++) {
      r.t.now += HEALTH_INTERVAL_MS;
      await r.refocus();
      r.health.networkRecovered();
      await r.health.settled();
    }
    assert.strictEqual(r.calls.length, 0);
    r.t.visible = true;
    await r.refocus();
    assert.strictEqual(r.calls.length, 1);
  });

  test('signed out: nothing is asked', async () => {
    const r = rig();
    r.switchTo('');
    r.t.now += 2 * HEALTH_INTERVAL_MS;
    await r.refocus();
    assert.strictEqual(r.calls.length, 0);
  });

  test('a new session starts the clock again (it was just checked by signing in)', async () => {
    const r = rig();
    r.t.now += HEALTH_INTERVAL_MS - MIN;
    r.switchTo('s2');
    r.t.now += 2 * MIN;
    await r.refocus();
    assert.strictEqual(r.calls.length, 0);
  });

  test('the network comes back while focused and visible: one check (not within a minute of the last)', async () => {
    const r = rig();
    r.t.now += NETWORK_CHECK_GAP_MS - 1;
    r.health.networkRecovered();
    await r.health.settled();
    assert.strictEqual(r.calls.length, 0, 'just checked');
    r.t.now += 1;
    r.health.networkRecovered();
    await r.health.settled();
    r.health.networkRecovered();
    await r.health.settled();
    assert.strictEqual(r.calls.length, 1);
  });

  test('the network comes back while unfocused: nothing then, one check at the next focus even within 15 minutes', async () => {
    const r = rig();
    r.health.windowStateChanged(false);
    r.t.now += 2 * MIN;
    r.health.networkRecovered();
    await r.health.settled();
    assert.strictEqual(r.calls.length, 0);
    r.health.windowStateChanged(true);
    await r.health.settled();
    assert.strictEqual(r.calls.length, 1);
    await r.refocus();
    assert.strictEqual(r.calls.length, 1, 'due only once');
  });

  test('no answer (network down): nothing said, not retried in a loop', async () => {
    const r = rig();
    r.t.answer = () => Promise.reject(new NetworkError('self', 'ECONNRESET'));
    r.t.now += HEALTH_INTERVAL_MS;
    await r.refocus();
    await r.refocus();
    await r.refocus();
    assert.strictEqual(r.calls.length, 1);
    assert.deepStrictEqual(r.reports, []);
  });
});

suite('Token health: what is said, and how often', () => {
  test('a revoked token (active: false) is said once; that session is not asked again', async () => {
    const r = rig();
    r.t.answer = () => Promise.resolve({ active: false });
    for (let i = 0; i < 4; i++) {
      r.t.now += HEALTH_INTERVAL_MS;
      await r.refocus();
      r.health.networkRecovered();
      await r.health.settled();
    }
    assert.strictEqual(r.calls.length, 1);
    assert.deepStrictEqual(r.reports.map(x => x.problem), [{ kind: 'revoked' }]);
  });

  test('a token Attio rejects (401) counts as revoked; another session is checked again', async () => {
    const r = rig();
    r.t.answer = () => Promise.reject(new AuthError('self', 'rejected'));
    r.t.now += HEALTH_INTERVAL_MS;
    await r.refocus();
    assert.deepStrictEqual(r.reports.map(x => [x.problem.kind, x.key]), [['revoked', 's1']]);
    r.switchTo('s2');
    r.t.now += HEALTH_INTERVAL_MS;
    await r.refocus();
    assert.deepStrictEqual(r.reports.map(x => [x.problem.kind, x.key]), [['revoked', 's1'], ['revoked', 's2']]);
  });

  test('changed scopes are said once, naming what was added and removed', async () => {
    const r = rig();
    r.t.answer = () => Promise.resolve(active(['note:read', 'record_permission:read']));
    r.t.now += HEALTH_INTERVAL_MS;
    await r.refocus();
    r.t.now += HEALTH_INTERVAL_MS;
    await r.refocus();
    assert.deepStrictEqual(r.reports.map(x => x.problem), [{ kind: 'scopes', added: ['note:read', 'record_permission:read'], removed: ['task:read'] }]);
  });

  test('found while the window lost focus: said at the next focus, not before', async () => {
    const r = rig();
    let answer!: (s: SelfInfo) => void;
    r.t.answer = () => new Promise<SelfInfo>(res => (answer = res));
    r.t.now += HEALTH_INTERVAL_MS;
    r.health.windowStateChanged(false);
    r.health.windowStateChanged(true);
    r.health.windowStateChanged(false); // the person switched away while /v2/self was on its way
    answer({ active: false });
    await r.health.settled();
    assert.strictEqual(r.reports.length, 0, 'no prompt while unfocused');
    r.t.now += MIN;
    r.health.windowStateChanged(true);
    assert.deepStrictEqual(r.reports.map(x => [x.problem.kind, x.at]), [['revoked', r.t.now]]);
    await r.refocus();
    assert.strictEqual(r.reports.length, 1);
    assert.strictEqual(r.calls.length, 1);
  });

  test('a problem of a session that was replaced meanwhile is not said', async () => {
    const r = rig();
    let answer!: (s: SelfInfo) => void;
    r.t.answer = () => new Promise<SelfInfo>(res => (answer = res));
    r.t.now += HEALTH_INTERVAL_MS;
    r.health.windowStateChanged(false);
    r.health.windowStateChanged(true);
    r.switchTo('s2');
    answer({ active: false });
    await r.health.settled();
    assert.deepStrictEqual(r.reports, []);
  });
});

suite('Token health: the rules it uses', () => {
  test('Attio data is visible: a sidebar view, or an editor on one of the extension\'s documents', () => {
    const ed = (scheme: string) => ({ document: { uri: { scheme } } });
    assert.strictEqual(attioDataVisible([{ visible: false }, { visible: false }], [ed('file'), ed('untitled')]), false);
    assert.strictEqual(attioDataVisible([{ visible: false }, { visible: true }], []), true);
    for (const scheme of ['attio', 'attio-json', 'attio-transcript', 'attio-report']) assert.strictEqual(attioDataVisible([], [ed(scheme)]), true, scheme);
  });

  test('scope change: undefined when the same, else what was added and removed', () => {
    assert.strictEqual(scopeChange(['a', 'b'], new Set(['b', 'a'])), undefined);
    assert.deepStrictEqual(scopeChange(['a', 'b'], new Set(['b', 'c'])), { added: ['c'], removed: ['a'] });
  });
});
