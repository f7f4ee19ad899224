import * as assert from 'assert';
import type * as vscode from 'vscode';
import { PinStore } from '../../../src/views/pinStore';

/** A Memento in memory (global state). */
function memento(initial: Record<string, unknown>): vscode.Memento & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    keys: () => Object.keys(data),
    get: <T>(key: string, fallback?: T) => (key in data ? (data[key] as T) : fallback),
    update: async (key: string, value: unknown) => {
      data[key] = value;
    },
  } as vscode.Memento & { data: Record<string, unknown> };
}

suite('Pinned records kept in global state', () => {
  test('only object and id are kept: no record name reaches the user-data folder, and older titles are dropped', async () => {
    const state = memento({ 'attio.pins': { northwind: [{ object: 'people', id: 'p1', title: 'Ada Lovelace' }], globex: [{ object: 'deals', id: 'd1', title: 'Secret deal' }, 'junk'] } });
    const pins = new PinStore(state, () => 'northwind');
    assert.deepStrictEqual(state.data['attio.pins'], { northwind: [{ object: 'people', id: 'p1' }], globex: [{ object: 'deals', id: 'd1' }] });
    await pins.pin({ object: 'companies', id: 'c1', title: 'Acme' } as never);
    assert.deepStrictEqual(pins.list(), [{ object: 'people', id: 'p1' }, { object: 'companies', id: 'c1' }]);
    assert.ok(!JSON.stringify(state.data).includes('Acme') && !JSON.stringify(state.data).includes('Ada'));
  });
});
