import * as assert from 'assert';
import { CancelledError, Redactor } from '../../../src/attio';
import { guardCommand, type CommandOutlet } from '../../../src/common/commands';

function outlet(): CommandOutlet & { shown: string[]; logged: string[] } {
  const shown: string[] = [];
  const logged: string[] = [];
  const redactor = new Redactor();
  redactor.add('tok_secret_123456');
  return { shown, logged, redactor, log: { debug: m => logged.push(`debug ${m}`), error: m => logged.push(`error ${m}`) }, showError: m => shown.push(m) };
}

suite('Command wrapper', () => {
  test('a result passes through; nothing is shown', async () => {
    const out = outlet();
    assert.strictEqual(await guardCommand('attio.x', (a: number) => a * 2, out)(21), 42);
    assert.deepStrictEqual(out.shown, []);
  });

  test('a failure is shown once, as "Attio: <message>", redacted, and logged with the command id', async () => {
    const out = outlet();
    const result = await guardCommand('attio.verifyConnection', async () => {
      throw new Error('request with tok_secret_123456 failed');
    }, out)();
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual(out.shown, ['Attio: request with «redacted» failed']);
    assert.deepStrictEqual(out.logged, ['error attio.verifyConnection failed: request with «redacted» failed']);
  });

  test('cancellation is never shown: a closed prompt, an aborted request, an AbortError', async () => {
    const out = outlet();
    const vscodeCancel = Object.assign(new Error('Canceled'), { name: 'Canceled' });
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    for (const e of [vscodeCancel, new CancelledError('GET /v2/objects'), abort]) {
      await guardCommand('attio.signIn', () => Promise.reject(e), out)();
    }
    assert.deepStrictEqual(out.shown, []);
    assert.strictEqual(out.logged.filter(l => l.startsWith('debug attio.signIn cancelled')).length, 3);
  });
});
