import assert from 'node:assert/strict';
import { test } from 'node:test';
import { constantTimeEqual, fromBase64Url, toBase64Url } from '../../src/encoding';
import { isValidChallenge, isValidVerifier, s256Challenge } from '../../src/pkce';

test('PKCE S256: RFC 7636 Appendix B test vector', async () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  assert.equal(await s256Challenge(verifier), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  assert.ok(isValidVerifier(verifier));
  assert.ok(isValidChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'));
});

test('PKCE: verifiers are 43–128 unreserved characters; challenges are 43 base64url characters', () => {
  assert.ok(isValidVerifier('a'.repeat(43)) && isValidVerifier('A-._~9'.repeat(21) + 'xy'));
  assert.ok(!isValidVerifier('a'.repeat(42)), 'too short');
  assert.ok(!isValidVerifier('a'.repeat(129)), 'too long');
  for (const bad of ['a'.repeat(42) + '+', 'a'.repeat(42) + '/', 'a'.repeat(42) + '=', 'a'.repeat(42) + ' ', 'ä'.repeat(43)]) assert.ok(!isValidVerifier(bad), bad);
  assert.ok(!isValidChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM='), 'padding');
  assert.ok(!isValidChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM'), 'base64, not base64url');
  assert.ok(!isValidChallenge('plain-challenge'), 'too short (a plain verifier is not a challenge)');
});

test('base64url round-trips every byte and refuses padding, the standard alphabet and non-canonical text', () => {
  const bytes = new Uint8Array(256).map((_, i) => i);
  const text = toBase64Url(bytes);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(fromBase64Url(text), bytes);
  assert.equal(fromBase64Url('QQ=='), undefined);
  assert.equal(fromBase64Url('a+b/'), undefined);
  assert.equal(fromBase64Url('QR'), undefined, 'non-zero trailing bits');
  assert.equal(fromBase64Url('Q'), undefined, 'impossible length');
  assert.ok(constantTimeEqual('abc', 'abc') && !constantTimeEqual('abc', 'abd') && !constantTimeEqual('abc', 'abcd'));
});
