/** The same broker on Node (`node dist/node.js`), as a team that hosts it itself runs it: a real process, real HTTP. */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import type { AttioTestServer } from '../../../test/server/index';
import { SEALING_KEY, VERIFIER, brokerEnv, exchange, signInUntilCallback, startAttio, tokenRequests } from './helpers';

const NODE_BROKER = new URL('../../node.js', import.meta.url).pathname;

function spawnBroker(env: Record<string, string>): { child: ChildProcess; output: string[]; url: Promise<string> } {
  const child = spawn(process.execPath, [NODE_BROKER], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /listening on (http:\/\/\S+)/.exec(output.join(''));
      if (match) resolve(match[1]);
    });
    child.once('exit', code => reject(new Error(`the broker exited (${code}): ${output.join('')}`)));
  });
  return { child, output, url };
}

describe('broker on Node (dist/node.js)', () => {
  let attio: AttioTestServer;
  let broker: ReturnType<typeof spawnBroker>;
  let origin: string;

  before(async () => {
    attio = await startAttio();
    broker = spawnBroker({ ...brokerEnv(attio), PORT: '0', RATE_LIMIT_PER_MINUTE: '4' });
    origin = await broker.url;
    attio.allowRedirectUri(`${origin}/callback`);
  });
  after(async () => {
    if (broker?.child.exitCode === null) {
      broker.child.kill('SIGTERM');
      await once(broker.child, 'exit');
    }
    await attio?.close();
  });

  test('whole flow through the Node adapter, one upstream request, and only the start line on its output', async () => {
    const { landed } = await signInUntilCallback(origin);
    attio.clearRequests();
    const res = await exchange(origin, { code: landed.searchParams.get('code')!, code_verifier: VERIFIER, state: landed.searchParams.get('state')! });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body).sort(), ['access_token', 'token_type']);
    assert.equal(tokenRequests(attio), 1);
    const output = broker.output.join('');
    assert.equal(output.trim().split('\n').length, 1, output);
    for (const secret of [res.body.access_token, landed.searchParams.get('code')!, attio.oauth.clientSecret, SEALING_KEY]) assert.ok(!output.includes(secret));
  });

  test('rate limit on Node: the in-memory window answers 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${origin}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      statuses.push(res.status);
      retryAfter = res.headers.get('retry-after') ?? retryAfter;
    }
    assert.deepEqual(statuses.slice(0, 3), [400, 400, 400]);
    assert.equal(statuses.at(-1), 429);
    assert.match(retryAfter ?? '', /^\d+$/);
  });

  test('a broker started without its secrets refuses to start, naming the variables and no value', async () => {
    const bad = spawnBroker({ ATTIO_CLIENT_ID: 'x', ATTIO_CLIENT_SECRET: 'visible-only-to-the-admin', SEALING_KEY: 'too-short', PORT: '0' });
    const [code] = (await once(bad.child, 'exit')) as [number];
    await bad.url.catch(() => undefined);
    assert.equal(code, 1);
    const output = bad.output.join('');
    assert.match(output, /SEALING_KEY/);
    assert.ok(!output.includes('visible-only-to-the-admin') && !output.includes('too-short'));
  });
});
