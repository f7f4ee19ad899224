import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { clientIp } from '../../src/node';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress } }) as unknown as IncomingMessage;

test('Node client IP: the socket address, unless TRUST_PROXY names the proxy, whose appended X-Forwarded-For entry is last', () => {
  assert.equal(clientIp(request('10.0.0.5', '203.0.113.9'), false), '10.0.0.5', 'a client cannot pick its own rate-limit key');
  assert.equal(clientIp(request('10.0.0.5', 'spoofed.by.client, 203.0.113.9'), true), '203.0.113.9');
  assert.equal(clientIp(request('10.0.0.5', ''), true), '10.0.0.5');
  assert.equal(clientIp(request('10.0.0.5'), true), '10.0.0.5');
});
