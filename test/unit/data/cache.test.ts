import * as assert from 'assert';
import { LoadCache } from '../../../src/data/cache';
import { Keys } from '../../../src/data/keys';

function harness(ttlMs = 1000) {
  const clock = { now: 0 };
  const cache = new LoadCache({ ttlMs: () => ttlMs, now: () => clock.now });
  let loads = 0;
  const load = (value: string) => async (): Promise<string> => {
    loads++;
    return value;
  };
  return { cache, clock, loads: () => loads, load };
}

const key = Keys.record('people', 'r1');

suite('LoadCache', () => {
  test('a fresh value is served without loading; after the TTL it loads again', async () => {
    const h = harness();
    await h.cache.get(key, async () => ({ v: 1 }) as never);
    await h.cache.get(key, async () => ({ v: 2 }) as never);
    h.clock.now = 999;
    assert.deepStrictEqual(await h.cache.get(key, async () => ({ v: 3 }) as never), { value: { v: 1 } });
    h.clock.now = 1000;
    assert.deepStrictEqual(await h.cache.get(key, async () => ({ v: 4 }) as never), { value: { v: 4 } });
  });

  test('concurrent gets of one key share one load', async () => {
    const h = harness();
    const k = Keys.lists();
    let calls = 0;
    const slow = async () => {
      calls++;
      await new Promise(r => setTimeout(r, 10));
      return [];
    };
    const [a, b] = await Promise.all([h.cache.get(k, slow), h.cache.get(k, slow)]);
    assert.strictEqual(calls, 1);
    assert.strictEqual(a.value, b.value);
  });

  test('stale-while-error: a failed reload returns the old value marked stale; a first failure throws and caches nothing', async () => {
    const h = harness();
    const k = Keys.objects();
    await assert.rejects(h.cache.get(k, async () => Promise.reject(new Error('boom'))));
    assert.strictEqual(h.cache.peek(k), undefined);
    await h.cache.get(k, async () => []);
    h.cache.expire();
    const error = new Error('server down');
    const r = await h.cache.get(k, async () => Promise.reject(error));
    assert.deepStrictEqual(r.value, []);
    assert.strictEqual(r.stale?.error, error);
  });

  test('expire(scope) expires only that view\'s entries', async () => {
    const h = harness();
    let n = 0;
    const count = async () => (n++, []);
    await h.cache.get(Keys.objects(), count);
    await h.cache.get(Keys.lists(), count);
    await h.cache.get(Keys.tasks('open'), count);
    h.cache.expire('lists');
    await h.cache.get(Keys.objects(), count);
    await h.cache.get(Keys.lists(), count);
    await h.cache.get(Keys.tasks('open'), count);
    assert.strictEqual(n, 4, 'only the list entry reloaded');
    assert.ok(h.cache.isFresh(Keys.lists()));
  });

  test('clear() starts a new generation: loads in flight are aborted and their late results discarded', async () => {
    const h = harness();
    const k = Keys.task('t1');
    let seen: AbortSignal | undefined;
    let release: () => void = () => undefined;
    const pending = h.cache.get(k, signal => {
      seen = signal;
      return new Promise(r => (release = () => r({ id: 'old' } as never)));
    });
    h.cache.clear();
    assert.ok(seen?.aborted, 'the load\'s signal is aborted');
    release();
    await assert.rejects(pending, (e: Error) => e.name === 'AbortError');
    assert.strictEqual(h.cache.peek(k), undefined, 'the late value is not cached');
    assert.ok(!h.cache.signal.aborted, 'the new generation has a live signal');
  });

  test('entriesOf(family) lists loaded values with their keys; update() edits in place without a load', async () => {
    const h = harness();
    await h.cache.get(Keys.notes('people', 'a'), async () => [{ n: 1 }] as never);
    await h.cache.get(Keys.notes('companies', 'b'), async () => [] as never);
    await h.cache.get(Keys.lists(), async () => []);
    assert.deepStrictEqual([...h.cache.entriesOf('notes')].map(([k]) => k.parts), [['people', 'a'], ['companies', 'b']]);
    assert.ok(h.cache.update(Keys.lists(), () => [{ name: 'x' }] as never));
    assert.deepStrictEqual(h.cache.peek(Keys.lists()), [{ name: 'x' }]);
    assert.ok(!h.cache.update(Keys.objects(), v => v), 'nothing to update when not loaded');
  });
});
