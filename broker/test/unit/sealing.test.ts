import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromBase64Url, toBase64Url } from '../../src/encoding';
import { MAX_STATE_LENGTH, SealedState, open, seal, sealingKey } from '../../src/sealing';

const SECRET = 'a-sealing-key-of-at-least-32-characters!';
const NOW = 1_750_000_000_000;
const desktop: SealedState = {
  callback: 'vscode://attio-explorer.attio-explorer/auth/callback?windowId=1',
  nonce: 'nonce-1',
  challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  exp: NOW + 600_000,
};

test('sealing: a sealed state opens to what was sealed, and reveals none of it', async () => {
  const key = await sealingKey(SECRET);
  const sealed = await seal({ ...desktop, workspace: 'northwind' }, key);
  const opened = await open(sealed, key, NOW);
  assert.deepEqual(opened, { ok: true, state: { ...desktop, workspace: 'northwind' } });
  const bytes = new TextDecoder('latin1').decode(fromBase64Url(sealed));
  for (const plain of ['attio-explorer', 'nonce-1', 'E9Melhoa', 'northwind']) assert.ok(!bytes.includes(plain), plain);
  assert.notEqual(await seal(desktop, key), await seal(desktop, key));
});

test('sealing: every tampered byte, a truncation, another key or another version is refused as forged or malformed', async () => {
  const key = await sealingKey(SECRET);
  const sealed = await seal(desktop, key);
  const bytes = fromBase64Url(sealed)!;
  for (let i = 1; i < bytes.length; i++) {
    const tampered = new Uint8Array(bytes);
    tampered[i] ^= 0x01;
    const result = await open(toBase64Url(tampered), key, NOW);
    assert.equal(result.ok, false, `byte ${i}`);
  }
  const versioned = new Uint8Array(bytes);
  versioned[0] = 2;
  assert.deepEqual(await open(toBase64Url(versioned), key, NOW), { ok: false, reason: 'malformed' });
  assert.deepEqual(await open(toBase64Url(bytes.subarray(0, bytes.length - 1)), key, NOW), { ok: false, reason: 'forged' });
  assert.deepEqual(await open(sealed, await sealingKey('another-sealing-key-of-32-characters-or-more'), NOW), { ok: false, reason: 'forged' });
  for (const junk of ['', 'not base64!', 'AQ', 'x'.repeat(MAX_STATE_LENGTH + 1), btoa(JSON.stringify(desktop))]) {
    assert.equal((await open(junk, key, NOW)).ok, false, junk.slice(0, 20));
  }
});

test('sealing: a state opens until its expiry and not at or after it', async () => {
  const key = await sealingKey(SECRET);
  const sealed = await seal(desktop, key);
  assert.equal((await open(sealed, key, desktop.exp - 1)).ok, true);
  assert.deepEqual(await open(sealed, key, desktop.exp), { ok: false, reason: 'expired' });
  assert.deepEqual(await open(sealed, key, desktop.exp + 86_400_000), { ok: false, reason: 'expired' });
});

test('sealing: a state cannot be replayed to another callback (no splice of two states opens)', async () => {
  const key = await sealingKey(SECRET);
  const mine = fromBase64Url(await seal(desktop, key))!;
  const theirs = fromBase64Url(await seal({ ...desktop, callback: 'https://vscode.dev/callback?vscode-reqid=9', nonce: 'other' }, key))!;
  // their IV with my ciphertext, my IV with their ciphertext, and my header with their tail
  const spliced = [
    new Uint8Array([...theirs.subarray(0, 13), ...mine.subarray(13)]),
    new Uint8Array([...mine.subarray(0, 13), ...theirs.subarray(13)]),
    new Uint8Array([...mine.subarray(0, 20), ...theirs.subarray(20)]),
  ];
  for (const bytes of spliced) assert.deepEqual(await open(toBase64Url(bytes), key, NOW), { ok: false, reason: 'forged' });
  // what does open always names the callback it was sealed for, whatever the request around it says
  const opened = await open(toBase64Url(mine), key, NOW);
  assert.ok(opened.ok && opened.state.callback === desktop.callback);
});
