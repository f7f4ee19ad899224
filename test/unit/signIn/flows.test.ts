import * as assert from 'assert';
import { signInFlows } from '../../../src/signIn/flows';

suite('Sign-in ways', () => {
  const table: { env: Record<string, string | undefined>; broker?: string; methods: string[] }[] = [
    { env: {}, methods: ['token', 'broker', 'oauth'] },
    { env: { ATTIO_API_KEY: '' }, methods: ['token', 'broker', 'oauth'] },
    { env: { ATTIO_API_KEY: '   ' }, methods: ['token', 'broker', 'oauth'] },
    { env: { ATTIO_API_KEY: 'abc' }, methods: ['token', 'broker', 'oauth', 'env'] },
    // once the team's broker is known, its way is first: signing in again is Enter and the consent in the browser
    { env: {}, broker: 'https://signin.team.example', methods: ['broker', 'token', 'oauth'] },
  ];
  for (const row of table) {
    test(`ATTIO_API_KEY=${JSON.stringify(row.env.ATTIO_API_KEY)}${row.broker ? ', broker known' : ''} → ${row.methods.join(', ')}`, () => {
      assert.deepStrictEqual(signInFlows(row.env, row.broker).map(f => f.method), row.methods);
    });
  }
  test('the Quick Pick offers the wording users look for', () => {
    const labels = signInFlows({ ATTIO_API_KEY: 'x' }).map(f => f.label);
    assert.ok(labels[0].includes('Paste an access token'));
    assert.ok(labels[1].includes("Sign in with your team's Attio app"));
    assert.ok(labels[2].includes('Sign in with OAuth (browser)'));
    assert.ok(labels[3].includes('Use ATTIO_API_KEY from the environment'));
  });
  test('a known broker is named by its host; no secret or token is asked on that way', () => {
    const broker = signInFlows({}, 'https://signin.team.example/attio')[0];
    assert.match(broker.detail, /signin\.team\.example/);
    assert.match(broker.detail, /No token or secret to paste/);
  });
});
