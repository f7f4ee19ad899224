/**
 * Copy as cURL / Copy as fetch: what a developer pastes must run, send exactly the body the extension would send,
 * and carry the key only as a placeholder. The cURL text is run through a real shell (printf of each word) and the
 * fetch text through the TypeScript compiler's parser, so quoting mistakes fail here, not in someone's terminal.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as ts from 'typescript';
import { apiCall, type ApiItem } from '../../../src/data';
import { shellQuote, snippetRequest, toCurl, toFetch } from '../../../src/developer/snippets';

const BASE = 'https://api.attio.com';
const TOKEN = 'a3f9c1d2e4b5a6978812aa0bbccddeeff00112233445566778899aabbccddeeff';

/** The words a POSIX shell makes of `text` (line continuations joined), without running curl. */
function shellWords(text: string): string[] {
  const out = execFileSync('sh', ['-c', `set -- ${text.replace(/^curl /, '').replace(/\\\n/g, ' ')}\nfor a in "$@"; do printf '%s\\0' "$a"; done`], {
    env: { PATH: process.env.PATH, ATTIO_API_KEY: 'KEY-FROM-ENV' },
  });
  return out.toString('utf8').split('\0').slice(0, -1);
}

const bodies: [string, unknown][] = [
  ['quotes', { filter: { name: "O'Brien \"the boss\"" }, limit: 1 }],
  ['unicode', { filter: { name: 'Zoë Ñandú 日本 🚀' } }],
  ['newlines and backslashes', { filter: { description: 'line one\nline two\\n$HOME `id`' } }],
  ['line separators', { filter: { name: 'a\u2028b\u2029c' } }],
];

suite('Developer snippets: Copy as cURL / fetch', () => {
  test('a GET: method, URL on the configured base URL, the key as $ATTIO_API_KEY expanded by the shell', () => {
    const req = snippetRequest(apiCall({ kind: 'record', object: 'people', id: 'e8b5c1a4-0000-4000-8000-000000000001' }), 'http://127.0.0.1:4010/');
    const words = shellWords(toCurl(req));
    assert.deepStrictEqual(words.slice(0, 4), ['--request', 'GET', '--url', 'http://127.0.0.1:4010/v2/objects/people/records/e8b5c1a4-0000-4000-8000-000000000001']);
    assert.ok(words.includes('Authorization: Bearer KEY-FROM-ENV'), words.join(' | '));
    assert.ok(!words.includes('--data'));
  });

  for (const [name, body] of bodies) {
    test(`cURL body with ${name} reaches the shell byte for byte`, () => {
      const req = snippetRequest({ endpoint: 'queryRecords', params: { path: { object: 'people' }, body } }, BASE);
      const words = shellWords(toCurl(req));
      const data = words[words.indexOf('--data') + 1];
      assert.deepStrictEqual(JSON.parse(data), body);
      assert.strictEqual(data, req.body);
    });

    test(`fetch body with ${name} parses as TypeScript and evaluates to the same JSON`, () => {
      const req = snippetRequest({ endpoint: 'queryRecords', params: { path: { object: 'people' }, body } }, BASE);
      const code = toFetch(req);
      const sf = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      assert.deepStrictEqual((sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map(d => d.messageText), []);
      // evaluate the module with a stand-in fetch and capture what it would send
      let sent: { url: string; init: { method: string; headers: Record<string, string>; body: string } } | undefined;
      const js = ts.transpile(`(async () => {${code}})()`, { target: ts.ScriptTarget.ES2022 });
      const fakeFetch = (url: string, init: never) => {
        sent = { url, init };
        return Promise.resolve({ ok: true, json: () => Promise.resolve({}) });
      };
      return (new Function('fetch', 'process', `return ${js}`)(fakeFetch, { env: { ATTIO_API_KEY: 'KEY-FROM-ENV' } }) as Promise<void>).then(() => {
        assert.ok(sent);
        assert.strictEqual(sent.url, `${BASE}/v2/objects/people/records/query`);
        assert.strictEqual(sent.init.method, 'POST');
        assert.strictEqual(sent.init.headers.Authorization, 'Bearer KEY-FROM-ENV');
        assert.deepStrictEqual(JSON.parse(sent.init.body), body);
      });
    });
  }

  test('shellQuote survives every awkward character', () => {
    const s = `it's "x" $HOME \`id\` \\ \n ü`;
    assert.deepStrictEqual(shellWords(`curl ${shellQuote(s)}`), [s]);
  });

  test('leak scan: no snippet of any item ever holds a token, only the placeholder', () => {
    const items: ApiItem[] = [
      { kind: 'self' },
      { kind: 'object', object: 'people' },
      { kind: 'list', list: 'sales' },
      { kind: 'attributes', target: 'lists', parent: 'sales', archived: true },
      { kind: 'attribute', target: 'objects', parent: 'deals', attribute: 'stage' },
      { kind: 'options', target: 'objects', parent: 'companies', attribute: 'categories' },
      { kind: 'statuses', target: 'objects', parent: 'deals', attribute: 'stage' },
      { kind: 'records', object: 'people', limit: 500, offset: 0 },
      { kind: 'record', object: 'people', id: 'r1' },
      { kind: 'entries', list: 'sales', limit: 50, offset: 50 },
      { kind: 'entry', list: 'sales', id: 'e1' },
      { kind: 'task', id: 't1' },
      { kind: 'note', id: 'n1' },
      { kind: 'webhooks' },
      { kind: 'webhook', id: 'w1' },
    ];
    for (const item of items) {
      const req = snippetRequest(apiCall(item), BASE);
      assert.ok(!('Authorization' in req.headers), `${item.kind}: built without a token`);
      for (const text of [toCurl(req), toFetch(req)]) {
        assert.ok(!text.includes(TOKEN), item.kind);
        assert.ok(!/Bearer [A-Za-z0-9_-]{16,}/.test(text), `${item.kind}: a literal bearer token in\n${text}`);
        assert.ok(text.includes('$ATTIO_API_KEY') || text.includes('process.env.ATTIO_API_KEY'), item.kind);
      }
    }
  });
});
