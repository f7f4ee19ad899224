import * as assert from 'assert';
import { NetworkWatch } from '../../../src/session/networkWatch';

suite('Network watch', () => {
  test('the first answer after failures fires once; answers without a failure before fire nothing', async () => {
    let fail = false;
    const watch = new NetworkWatch((async () => {
      if (fail) throw new TypeError('fetch failed');
      return new Response('{}');
    }) as unknown as typeof fetch, {});
    let fired = 0;
    watch.onDidRecover(() => fired++);
    await watch.fetch('http://x.test/a');
    assert.strictEqual(fired, 0);
    fail = true;
    await assert.rejects(watch.fetch('http://x.test/a'));
    await assert.rejects(watch.fetch('http://x.test/a'));
    fail = false;
    await watch.fetch('http://x.test/a');
    await watch.fetch('http://x.test/a');
    assert.strictEqual(fired, 1);
    watch.dispose();
  });

  test('an aborted request is not a network failure', async () => {
    const watch = new NetworkWatch((async (_u: string, init?: RequestInit) => {
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return new Response('{}');
    }) as unknown as typeof fetch, {});
    let fired = 0;
    watch.onDidRecover(() => fired++);
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(watch.fetch('http://x.test/a', { signal: ac.signal }));
    await watch.fetch('http://x.test/a');
    assert.strictEqual(fired, 0);
    watch.dispose();
  });

  test('the browser\'s online event fires it; disposing removes the listener', () => {
    const target = new EventTarget();
    const watch = new NetworkWatch((async () => new Response('{}')) as unknown as typeof fetch, target as never);
    let fired = 0;
    watch.onDidRecover(() => fired++);
    target.dispatchEvent(new Event('online'));
    assert.strictEqual(fired, 1);
    watch.dispose();
    target.dispatchEvent(new Event('online'));
    assert.strictEqual(fired, 1);
  });
});
