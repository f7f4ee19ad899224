import * as assert from 'assert';
import { signInFlows } from '../../../src/signIn/flows';

suite('Sign-in ways', () => {
  const table: { env: Record<string, string | undefined>; methods: string[] }[] = [
    { env: {}, methods: ['token', 'oauth'] },
    { env: { ATTIO_API_KEY: '' }, methods: ['token', 'oauth'] },
    { env: { ATTIO_API_KEY: '   ' }, methods: ['token', 'oauth'] },
    { env: { ATTIO_API_KEY: 'abc' }, methods: ['token', 'oauth', 'env'] },
  ];
  for (const row of table) {
    test(`ATTIO_API_KEY=${JSON.stringify(row.env.ATTIO_API_KEY)} → ${row.methods.join(', ')}`, () => {
      assert.deepStrictEqual(signInFlows(row.env).map(f => f.method), row.methods);
    });
  }
  test('the Quick Pick offers the wording users look for', () => {
    const labels = signInFlows({ ATTIO_API_KEY: 'x' }).map(f => f.label);
    assert.ok(labels[0].includes('Paste an access token'));
    assert.ok(labels[1].includes('Sign in with OAuth (browser)'));
    assert.ok(labels[2].includes('Use ATTIO_API_KEY from the environment'));
  });
});
