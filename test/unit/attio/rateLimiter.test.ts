import * as assert from 'assert';
import { RateLimiter } from '../../../src/attio/rateLimiter';

/** Max number of timestamps inside any window of `windowMs` (sliding). */
function maxInWindow(ts: number[], windowMs: number): number {
  const s = [...ts].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i] - s[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

suite('attio/RateLimiter', () => {
  test('defaults keep a small headroom under 100 reads/s and 25 writes/s', () => {
    const l = new RateLimiter();
    assert.ok(l.limit('read') <= 100 && l.limit('read') >= 95);
    assert.ok(l.limit('write') <= 25 && l.limit('write') >= 23);
  });

  test('no window of windowMs ever holds more than the limit; calls are served FIFO', async () => {
    const l = new RateLimiter({ readsPerSecond: 10, headroom: 0, windowMs: 200 });
    const grants: number[] = [];
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        l.acquire('read').then(() => {
          grants.push(performance.now());
          order.push(i);
        }),
      ),
    );
    assert.ok(maxInWindow(grants, 199) <= 10, `max ${maxInWindow(grants, 199)}`);
    assert.deepStrictEqual(order, Array.from({ length: 45 }, (_, i) => i));
    const elapsed = grants[grants.length - 1] - grants[0];
    assert.ok(elapsed >= 4 * 200 - 20 && elapsed < 4 * 200 + 300, `elapsed ${elapsed}`);
  });

  test('reads and writes are limited independently', async () => {
    const l = new RateLimiter({ readsPerSecond: 5, writesPerSecond: 2, headroom: 0, windowMs: 300 });
    const t0 = performance.now();
    await Promise.all([...Array.from({ length: 5 }, () => l.acquire('read')), ...Array.from({ length: 2 }, () => l.acquire('write'))]);
    assert.ok(performance.now() - t0 < 50);
    const w = performance.now();
    await l.acquire('write');
    assert.ok(performance.now() - w >= 250);
  });

  test('an aborted waiter leaves the queue with the signal reason and does not consume a slot', async () => {
    const l = new RateLimiter({ readsPerSecond: 1, headroom: 0, windowMs: 200 });
    await l.acquire('read');
    const ctrl = new AbortController();
    const aborted = l.acquire('read', ctrl.signal);
    const next = l.acquire('read');
    assert.strictEqual(l.queued('read'), 2);
    ctrl.abort();
    await assert.rejects(aborted, (e: Error) => e.name === 'AbortError');
    assert.strictEqual(l.queued('read'), 1);
    const t = performance.now();
    await next;
    assert.ok(performance.now() - t < 250);
    await assert.rejects(l.acquire('read', AbortSignal.abort()), (e: Error) => e.name === 'AbortError');
  });

  test('pauseUntil holds every grant of the class until the given time', async () => {
    const l = new RateLimiter({ readsPerSecond: 100 });
    const until = Date.now() + 150;
    l.pauseUntil('read', until);
    await l.acquire('read');
    assert.ok(Date.now() >= until - 2, 'not before the pause end');
    const t = performance.now();
    await l.acquire('write');
    assert.ok(performance.now() - t < 20, 'writes are not paused');
  });
});
