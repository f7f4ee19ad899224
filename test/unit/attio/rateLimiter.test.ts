import * as assert from 'assert';
import { RateLimiter } from '../../../src/attio/rateLimiter';

/** Max number of timestamps inside any half-open window of `windowMs`. */
function maxInWindow(ts: number[], windowMs: number): number {
  const s = [...ts].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i] - s[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

suite('attio/RateLimiter', () => {
  test('defaults: 100 reads and 25 writes per window', () => {
    const l = new RateLimiter();
    assert.strictEqual(l.limit('read'), 100);
    assert.strictEqual(l.limit('write'), 25);
    assert.strictEqual(new RateLimiter({ readsPerSecond: 100, headroom: 0.02 }).limit('read'), 98);
  });

  test('no window ever holds more than the limit; calls are served FIFO', async () => {
    const l = new RateLimiter({ readsPerSecond: 10, windowMs: 200 });
    const grants: number[] = [];
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        l.run('read', async () => {
          grants.push(performance.now());
          order.push(i);
          await sleep(i % 3); // settle a little later than the start
        }),
      ),
    );
    assert.ok(maxInWindow(grants, 199) <= 10, `max ${maxInWindow(grants, 199)}`);
    assert.deepStrictEqual(order, Array.from({ length: 45 }, (_, i) => i));
    const elapsed = grants[grants.length - 1] - grants[0];
    assert.ok(elapsed >= 4 * 200 - 5 && elapsed < 4 * 200 + 800, `elapsed ${elapsed}`);
  });

  test('a slot comes back a window after the request settled, not after it started', async () => {
    const l = new RateLimiter({ readsPerSecond: 1, windowMs: 100 });
    const release = await l.acquire('read');
    const t = performance.now();
    const next = l.acquire('read');
    await sleep(150); // the request is slow: still in flight after a whole window
    let granted = false;
    void next.then(() => (granted = true));
    await sleep(5);
    assert.strictEqual(granted, false, 'still held while in flight');
    release();
    release(); // idempotent
    await next;
    assert.ok(performance.now() - t >= 150 + 95, `granted after ${performance.now() - t} ms`);
  });

  test('reads and writes are limited independently', async () => {
    const l = new RateLimiter({ readsPerSecond: 5, writesPerSecond: 2, windowMs: 300 });
    const t0 = performance.now();
    const rel = await Promise.all([...Array.from({ length: 5 }, () => l.acquire('read')), ...Array.from({ length: 2 }, () => l.acquire('write'))]);
    assert.ok(performance.now() - t0 < 50);
    rel.forEach(r => r());
    const w = performance.now();
    (await l.acquire('write'))();
    assert.ok(performance.now() - w >= 250);
  });

  test('an aborted waiter leaves the queue with the signal reason and does not consume a slot', async () => {
    const l = new RateLimiter({ readsPerSecond: 1, windowMs: 200 });
    (await l.acquire('read'))();
    const ctrl = new AbortController();
    const aborted = l.acquire('read', ctrl.signal);
    const next = l.acquire('read');
    assert.strictEqual(l.queued('read'), 2);
    ctrl.abort();
    await assert.rejects(aborted, (e: Error) => e.name === 'AbortError');
    assert.strictEqual(l.queued('read'), 1);
    const t = performance.now();
    (await next)();
    assert.ok(performance.now() - t < 250);
    await assert.rejects(l.acquire('read', AbortSignal.abort()), (e: Error) => e.name === 'AbortError');
  });

  test('pauseUntil holds every grant of the class until the given time', async () => {
    const l = new RateLimiter({ readsPerSecond: 100 });
    const until = Date.now() + 150;
    l.pauseUntil('read', until);
    (await l.acquire('read'))();
    assert.ok(Date.now() >= until - 2, 'not before the pause end');
    const t = performance.now();
    (await l.acquire('write'))();
    assert.ok(performance.now() - t < 20, 'writes are not paused');
  });
});
