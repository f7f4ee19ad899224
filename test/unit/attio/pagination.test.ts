import * as assert from 'assert';
import { allItems, collectAll, pages, probeLimit, toPage, type Page } from '../../../src/attio/pagination';

/** A fake paged source over `n` items that records every call and follows the probe convention. */
function source(n: number, maxLimit?: number) {
  const calls: [number, number][] = [];
  const fetchPage = async (limit: number, offset: number): Promise<Page<number>> => {
    calls.push([limit, offset]);
    const requested = probeLimit(limit, maxLimit);
    const items = Array.from({ length: Math.max(0, Math.min(requested, n - offset)) }, (_, i) => offset + i);
    return toPage(items, limit, offset, requested);
  };
  return { calls, fetchPage };
}

suite('attio/pagination', () => {
  test('empty source: one request, no items, hasMore false', async () => {
    const s = source(0);
    const got: Page<number>[] = [];
    for await (const p of pages(s.fetchPage, 10)) got.push(p);
    assert.strictEqual(got.length, 1);
    assert.deepStrictEqual(got[0], { items: [], limit: 10, offset: 0, hasMore: false });
  });

  test('exactly one page: a single request thanks to the limit+1 probe', async () => {
    const s = source(10);
    const items = await collectAll(s.fetchPage, 10);
    assert.deepStrictEqual(items, Array.from({ length: 10 }, (_, i) => i));
    assert.strictEqual(s.calls.length, 1);
  });

  test('limit+1 items: two pages, the second holding one item', async () => {
    const s = source(11);
    const got: Page<number>[] = [];
    for await (const p of pages(s.fetchPage, 10)) got.push(p);
    assert.deepStrictEqual(got.map(p => [p.offset, p.items.length, p.hasMore]), [[0, 10, true], [10, 1, false]]);
  });

  test('allItems yields every item in order across many pages', async () => {
    const s = source(123);
    const out: number[] = [];
    for await (const x of allItems(s.fetchPage, 25)) out.push(x);
    assert.deepStrictEqual(out, Array.from({ length: 123 }, (_, i) => i));
    assert.strictEqual(s.calls.length, Math.ceil(123 / 25));
  });

  test('capped endpoint asked for its cap: falls back to items.length === limit', async () => {
    const s = source(100, 50);
    const got: Page<number>[] = [];
    for await (const p of pages(s.fetchPage, 50)) got.push(p);
    // 50, 50, then an empty page closes the iteration.
    assert.deepStrictEqual(got.map(p => [p.items.length, p.hasMore]), [[50, true], [50, true], [0, false]]);
    assert.strictEqual(probeLimit(49, 50), 50);
    assert.strictEqual(probeLimit(50, 50), 50);
    assert.strictEqual(probeLimit(50), 51);
  });

  test('toPage trims the probe item', () => {
    assert.deepStrictEqual(toPage([1, 2, 3], 2, 4, 3), { items: [1, 2], limit: 2, offset: 4, hasMore: true });
    assert.deepStrictEqual(toPage([1, 2], 2, 4, 3), { items: [1, 2], limit: 2, offset: 4, hasMore: false });
  });
});
