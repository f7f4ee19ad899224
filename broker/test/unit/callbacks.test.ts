import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as extension from '../../../src/constants';
import { EXTENSION_ID, OAUTH_CALLBACK_PATH, allowedCallback, isAllowedWebOrigin, parseOrigins } from '../../src/callbacks';

const TEAM = ['https://code.team.example', 'http://127.0.0.1:3050', 'http://[::1]:8080'];
const WEB_QUERY = 'vscode-reqid=3&vscode-scheme=vscode&vscode-authority=attio-explorer.attio-explorer&vscode-path=%2Fauth%2Fcallback';
/** What code-server's asExternalUri makes of the desktop URI (its own product scheme). */
const HOST_QUERY = 'vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=attio-explorer.attio-explorer&vscode-path=/auth/callback';

test('the allow-list names the extension and callback path the extension itself uses', () => {
  assert.equal(EXTENSION_ID, extension.EXTENSION_ID);
  assert.equal(OAUTH_CALLBACK_PATH, extension.OAUTH_CALLBACK_PATH);
});

test('allowed: the desktop URIs, VS Code for the Web naming this extension, and configured origins', () => {
  const allowed = [
    'vscode://attio-explorer.attio-explorer/auth/callback',
    'vscode://attio-explorer.attio-explorer/auth/callback?windowId=7',
    'vscode-insiders://attio-explorer.attio-explorer/auth/callback',
    'VSCODE://attio-explorer.attio-explorer/auth/callback',
    `https://vscode.dev/callback?${WEB_QUERY}`,
    `https://insiders.vscode.dev/callback?${WEB_QUERY.replace('scheme=vscode', 'scheme=vscode-insiders')}`,
    `https://github.dev/callback?${WEB_QUERY}`,
    `HTTPS://VSCODE.DEV/callback?${WEB_QUERY}`,
    `https://vscode.dev:443/callback?${WEB_QUERY}`,
    `https://code.team.example/callback?${HOST_QUERY}`,
    `https://code.team.example/some/base/callback?${HOST_QUERY}`,
    `http://127.0.0.1:3050/callback?${HOST_QUERY}`,
    `http://[::1]:8080/callback?${WEB_QUERY}`,
  ];
  for (const raw of allowed) assert.ok(allowedCallback(raw, TEAM), raw);
  assert.equal(allowedCallback(`HTTPS://VSCODE.DEV/callback?${WEB_QUERY}`, TEAM)!.origin, 'https://vscode.dev', 'normalised before the redirect');
});

test('refused: hostile callbacks (userinfo, backslashes, case, trailing dots, ports, IPv6, percent-encoding, schemes, other extensions)', () => {
  const hostile = [
    // userinfo: the host is evil, vscode.dev is only a user name
    `https://vscode.dev@evil.example/callback?${WEB_QUERY}`,
    `https://vscode.dev:x@evil.example/callback?${WEB_QUERY}`,
    'vscode://user@attio-explorer.attio-explorer/auth/callback',
    `https://evil.example@vscode.dev/callback?${WEB_QUERY}`,
    // backslashes, which browsers read as slashes in special URLs
    `https://vscode.dev\\@evil.example/callback?${WEB_QUERY}`,
    `https:\\\\evil.example\\callback`,
    `https://evil.example\\.vscode.dev/callback`,
    'vscode://attio-explorer.attio-explorer\\auth\\callback',
    // case: the extension's authority is exact
    'vscode://Attio-Explorer.attio-explorer/auth/callback',
    'vscode://attio-explorer.attio-explorer/Auth/Callback',
    `https://vscode.dev/Callback?${WEB_QUERY}`,
    // trailing dots and look-alike hosts
    `https://vscode.dev./callback?${WEB_QUERY}`,
    'vscode://attio-explorer.attio-explorer./auth/callback',
    `https://vscode.dev.evil.example/callback?${WEB_QUERY}`,
    `https://evilvscode.dev/callback?${WEB_QUERY}`,
    `https://sub.vscode.dev/callback?${WEB_QUERY}`,
    `https://code.team.example./callback?${HOST_QUERY}`,
    // ports
    `https://vscode.dev:8443/callback?${WEB_QUERY}`,
    'vscode://attio-explorer.attio-explorer:1234/auth/callback',
    `http://127.0.0.1:3051/callback?${HOST_QUERY}`,
    `https://code.team.example:8443/callback?${HOST_QUERY}`,
    // IPv6 and raw addresses
    `https://[::1]/callback?${WEB_QUERY}`,
    `http://[::1]:8081/callback?${HOST_QUERY}`,
    `http://[0:0:0:0:0:0:0:1]:8081/callback?${HOST_QUERY}`,
    // percent-encoding
    'vscode://attio-explorer%2Eattio-explorer/auth/callback',
    'vscode://attio-explorer.attio-explorer/auth%2Fcallback',
    'vscode://attio-explorer.attio-explorer/auth/%63allback',
    `https://vscode.dev/%63allback?${WEB_QUERY}`,
    `https://vscode.dev%2F@evil.example/callback?${WEB_QUERY}`,
    `https://vscode.dev/callback?${WEB_QUERY.replace('attio-explorer.attio-explorer', 'attio-explorer%2Eevil')}`,
    // schemes that are not a callback
    'javascript:alert(document.cookie)',
    'JavaScript://vscode.dev/%0aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
    'command:attio.signOut',
    'vscodium://attio-explorer.attio-explorer/auth/callback',
    'http://vscode.dev/callback?' + WEB_QUERY,
    `http://code.team.example/callback?${HOST_QUERY}`,
    `ftp://code.team.example/callback?${HOST_QUERY}`,
    // another extension, on the desktop and on the web
    'vscode://evil.extension/auth/callback',
    'vscode-insiders://evil.extension/auth/callback',
    `https://vscode.dev/callback?${WEB_QUERY.replace('attio-explorer.attio-explorer', 'evil.extension')}`,
    `https://vscode.dev/callback?${WEB_QUERY}&vscode-authority=evil.extension`,
    `https://vscode.dev/callback?${WEB_QUERY.replace('vscode-path=%2Fauth%2Fcallback', 'vscode-path=%2Fother')}`,
    `https://vscode.dev/callback?${WEB_QUERY.replace('vscode-scheme=vscode', 'vscode-scheme=command')}`,
    'https://vscode.dev/callback?vscode-reqid=1',
    `https://code.team.example/callback?${HOST_QUERY.replace('attio-explorer.attio-explorer', 'evil.extension')}`,
    `https://code.team.example/callback?${HOST_QUERY}&vscode-authority=evil.extension`,
    'https://code.team.example/callback?vscode-reqid=1',
    'https://code.team.example/callback',
    // fragments, whitespace, control characters, non-ASCII, length
    'vscode://attio-explorer.attio-explorer/auth/callback#x',
    `https://vscode.dev/callback?${WEB_QUERY}#`,
    ' vscode://attio-explorer.attio-explorer/auth/callback',
    'vscode://attio-explorer.attio-explorer/auth/callback\n',
    'https://code.team.example/call back',
    'https://code.team.example/\u0000',
    'https://vscоde.dev/callback',
    'https://code.team.example/' + 'a'.repeat(2100),
    '',
    '/auth/callback',
    '//evil.example/callback',
  ];
  for (const raw of hostile) assert.equal(allowedCallback(raw, TEAM), undefined, JSON.stringify(raw));
});

test('CORS for /token: VS Code for the Web, its vscode-cdn.net workers and configured origins only', () => {
  for (const origin of ['https://vscode.dev', 'https://insiders.vscode.dev', 'https://github.dev', 'https://v--1a2b3c.vscode-cdn.net', 'https://code.team.example']) {
    assert.ok(isAllowedWebOrigin(origin, TEAM), origin);
  }
  for (const origin of ['https://evil.example', 'null', 'http://vscode.dev', 'https://vscode-cdn.net', 'https://a.b.vscode-cdn.net', 'https://x.vscode-cdn.net.evil.example', 'https://x.vscode-cdn.net:444', 'https://vscode.dev.']) {
    assert.ok(!isAllowedWebOrigin(origin, TEAM), origin);
  }
});

test('ALLOWED_CALLBACK_ORIGINS: bare http(s) origins only; anything wider is reported, not widened', () => {
  assert.deepEqual(parseOrigins(' https://code.team.example, http://127.0.0.1:3050/  http://[::1]:8080 '), {
    origins: ['https://code.team.example', 'http://127.0.0.1:3050', 'http://[::1]:8080'],
    invalid: [],
  });
  assert.deepEqual(parseOrigins('*, https://*.team.example, https://code.team.example/path, https://u@code.team.example, vscode://x, nonsense').origins, []);
  assert.deepEqual(parseOrigins(undefined), { origins: [], invalid: [] });
});
