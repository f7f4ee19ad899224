import * as assert from 'assert';
import { REDACTED, Redactor, redact } from '../../../src/attio/redact';

suite('The redactor', () => {
  test('bearer/basic credentials and authorization fragments are hidden', () => {
    assert.strictEqual(redact('Authorization: Bearer abc.def'), `Authorization: ${REDACTED} ${REDACTED}`);
    assert.ok(!redact('x Basic dXNlcjo= y').includes('dXNlcjo='));
  });

  test('given secrets are hidden wherever they appear; secrets shorter than 4 characters are not (they would eat words)', () => {
    assert.strictEqual(redact('my token is hunter2hunter2, again hunter2hunter2', ['hunter2hunter2']), `my token is ${REDACTED}, again ${REDACTED}`);
    assert.strictEqual(redact('a b c', ['a']), 'a b c');
  });

  test('OAuth codes and tokens in query strings and JSON bodies are hidden', () => {
    const url = redact('https://x.example/cb?code=abc123&state=s1');
    assert.strictEqual(url, `https://x.example/cb?code=${REDACTED}&state=s1`);
    assert.strictEqual(redact('{"access_token":"tok-1","token_type":"Bearer"}'), `{"access_token":"${REDACTED}","token_type":"Bearer"}`);
    assert.ok(!redact('client_secret=s3cr3t&grant_type=authorization_code').includes('s3cr3t'));
  });

  test('a Redactor remembers the secrets of this window and uses one placeholder', () => {
    const r = new Redactor();
    r.add('tok_live_0123456789');
    r.add(undefined);
    r.add('abc');
    assert.strictEqual(r.redact('sent tok_live_0123456789 to abc'), `sent ${REDACTED} to abc`);
  });
});
