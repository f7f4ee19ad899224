/**
 * The language-model tools in a real extension host, against the local Attio server: VS Code lists every tool with
 * its schema; `vscode.lm.invokeTool` runs each read tool (answers checked against the workspace, requests counted
 * from the server's log, a repeated call costs none); a token without task:read gets the scope named; writes
 * outside a chat session write nothing; no result carries a token. `invokeTool` here has no chat request's token,
 * as another extension's call would not: the suite turns on attio.chat.allowToolsOutsideChat (user settings), and
 * one test shows that without it nothing is read.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AttioTestServer } from '../server';
import { EXTENSION_ID, extensionApi, suiteServer, waitFor, signInWith, signOutAll } from './helpers';

const calls = (server: AttioTestServer): string[] => server.requests.filter(r => r.path.startsWith('/v2/') && r.path !== '/v2/self').map(r => `${r.method} ${r.path}`);

async function invoke(name: string, input: object): Promise<string> {
  const r = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return r.content.map(p => (p as { value?: unknown }).value).filter((v): v is string => typeof v === 'string').join('');
}

async function signInOnly(token: string): Promise<void> {
  await signOutAll();
  await signInWith(token);
}

suite('Chat tools: language-model tools in the extension host', () => {
  let server: AttioTestServer;
  const results: string[] = [];
  const serverOf = suiteServer();

  suiteSetup(async () => {
    server = serverOf();
    await vscode.workspace.getConfiguration().update('attio.chat.allowToolsOutsideChat', true, vscode.ConfigurationTarget.Global);
    await signInOnly(server.tokens.full);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration().update('attio.chat.allowToolsOutsideChat', undefined, vscode.ConfigurationTarget.Global);
    for (const t of Object.values(server.tokens)) for (const r of results) assert.ok(!r.includes(t), 'a tool result carries a token');
  });

  test('vscode.lm.tools lists every tool of the manifest with its input schema and reference name', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.json'), 'utf8')) as { contributes: { languageModelTools: { name: string; inputSchema: object; tags?: string[] }[] } };
    const declared = manifest.contributes.languageModelTools;
    assert.strictEqual(declared.length, 10);
    for (const d of declared) {
      const t = vscode.lm.tools.find(x => x.name === d.name);
      assert.ok(t, `${d.name} is listed (have: ${vscode.lm.tools.map(x => x.name).join(', ')})`);
      assert.deepStrictEqual(t.inputSchema, d.inputSchema);
      assert.ok(t.description.length > 100, `${d.name} has a model description`);
    }
  });

  test('search, get record, list tasks, list entries, describe schema: answers from the workspace; repeated calls cost 0 requests', async () => {
    const api = await extensionApi();
    const cases: [string, object, (out: string) => Promise<void>][] = [
      ['attio_search_records', { query: 'Acme Robotics', object: 'companies', limit: 3 }, async out => {
        const acme = (await api.data.search.cached('Acme Robotics', ['companies'], 3))[0];
        assert.ok(out.includes(`"Acme Robotics" · object companies · record_id ${acme.id.record_id}`), out);
      }],
      ['attio_describe_schema', { target: 'deals' }, async out => {
        for (const a of await api.data.schema.attributes('objects', 'deals')) assert.ok(out.includes(`- ${a.api_slug} · ${a.type} · `), a.api_slug);
      }],
      ['attio_list_tasks', { filter: 'overdue', limit: 50 }, async out => {
        const overdue = (await api.data.tasks.list('overdue')).value;
        for (const t of overdue) assert.ok(out.includes(`task_id ${t.id.task_id}`));
      }],
      ['attio_list_entries', { list: 'Sales Pipeline', stage: 'Qualified' }, async out => {
        const lines = out.split('\n').filter(l => l.startsWith('- '));
        assert.ok(lines.length > 0 && lines.every(l => l.includes('"Qualified"')), out);
      }],
    ];
    for (const [name, input, check] of cases) {
      server.clearRequests();
      const out = await invoke(name, input);
      const first = calls(server).length;
      results.push(out);
      await check(out);
      // list entries: the lists (once per workspace), the page, its parents' titles, the list's attributes
      const budget = name === 'attio_list_entries' ? 4 : 3;
      assert.ok(first >= 1 && first <= budget, `${name}: ${first} requests on the first call: ${calls(server).join(', ')}`);
      console.log(`      ${name}: ${first} request(s) first, ${Buffer.byteLength(out)} bytes`);
      server.clearRequests();
      assert.strictEqual(await invoke(name, input), out);
      assert.deepStrictEqual(calls(server), [], `${name}: a repeated call costs no request`);
    }

    const search = await invoke('attio_search_records', { query: 'Acme Robotics', object: 'companies', limit: 1 });
    const url = /record_id \S+ · (\S+)/.exec(search)![1];
    server.clearRequests();
    const record = await invoke('attio_get_record', { record: url });
    results.push(record);
    assert.match(record, /^Record "Acme Robotics" · object companies/m);
    assert.match(record, /^Open tasks:$/m);
    const first = calls(server);
    // the record, its attributes, list entries, notes, open tasks, members, titles of referenced records (per object)
    assert.ok(first.length <= 8, first.join(', '));
    console.log(`      attio_get_record: ${first.length} request(s) first, ${Buffer.byteLength(record)} bytes`);
    server.clearRequests();
    assert.strictEqual(await invoke('attio_get_record', { record: url }), record);
    assert.deepStrictEqual(calls(server), []);
  });

  test('attio.chat.tools false: every tool answers that it is turned off and sends nothing', async () => {
    const all = vscode.workspace.getConfiguration();
    await all.update('attio.chat.tools', false, vscode.ConfigurationTarget.Global);
    try {
      server.clearRequests();
      for (const name of ['attio_search_records', 'attio_describe_schema', 'attio_create_task']) {
        assert.match(await invoke(name, { query: 'acme', content: 'x' }), /The Attio tools are turned off \(setting attio\.chat\.tools\)/);
      }
      assert.deepStrictEqual(calls(server), []);
    } finally {
      await all.update('attio.chat.tools', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.doesNotMatch(await invoke('attio_describe_schema', {}), /turned off/);
  });

  test("Attio's hosted MCP server: offered only while attio.chat.attioMcpServer is on (off by default)", async () => {
    const { attioMcp } = await extensionApi();
    assert.strictEqual(vscode.workspace.getConfiguration().get('attio.chat.attioMcpServer'), false);
    assert.deepStrictEqual(attioMcp.provideMcpServerDefinitions(), []);
    const changed = new Promise<void>(resolve => attioMcp.onDidChangeMcpServerDefinitions(() => resolve()));
    const all = vscode.workspace.getConfiguration();
    await all.update('attio.chat.attioMcpServer', true, vscode.ConfigurationTarget.Global);
    try {
      await changed;
      const defs = attioMcp.provideMcpServerDefinitions();
      assert.strictEqual(defs.length, 1);
      assert.strictEqual(defs[0].label, 'Attio (hosted by Attio)');
      assert.strictEqual(defs[0].uri.toString(), 'https://mcp.attio.com/mcp');
      assert.deepStrictEqual(defs[0].headers, {}, 'no token of ours goes to it');
    } finally {
      await all.update('attio.chat.attioMcpServer', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('by default, a read invoked outside a chat session (another extension) answers nothing and reads nothing', async () => {
    const all = vscode.workspace.getConfiguration();
    await all.update('attio.chat.allowToolsOutsideChat', undefined, vscode.ConfigurationTarget.Global);
    try {
      assert.strictEqual(vscode.workspace.getConfiguration().get('attio.chat.allowToolsOutsideChat'), false, 'off by default');
      server.clearRequests();
      for (const name of ['attio_search_records', 'attio_get_record', 'attio_list_tasks', 'attio_list_entries', 'attio_describe_schema']) {
        const out = await invoke(name, { query: 'Acme Robotics', record: 'x', list: 'Sales Pipeline' });
        results.push(out);
        assert.match(out, /answers only in a chat session.*nothing was read.*attio\.chat\.allowToolsOutsideChat/, name);
        assert.doesNotMatch(out, /Acme/, `${name}: no CRM data`);
      }
      assert.deepStrictEqual(calls(server), []);
    } finally {
      await all.update('attio.chat.allowToolsOutsideChat', true, vscode.ConfigurationTarget.Global);
    }
  });

  test('a write invoked outside a chat session writes nothing and says why', async () => {
    server.clearRequests();
    const out = await invoke('attio_create_task', { content: 'Should never exist' });
    results.push(out);
    assert.match(out, /runs only in a chat session where the person confirms it first; nothing was written/);
    assert.deepStrictEqual(server.requests.filter(r => r.method === 'POST' && r.path === '/v2/tasks'), []);
  });

  test('a write confirmation shows the real content whatever the title says, and writes only to the session it was confirmed for', async () => {
    const api = await extensionApi();
    const found = /record_id (\S+) · (\S+)/.exec(await invoke('attio_search_records', { query: 'Acme Robotics', object: 'companies', limit: 1 }));
    assert.ok(found, 'Acme Robotics');
    const tool = api.chatTools.tool('attio_add_note');
    const cancel = new vscode.CancellationTokenSource().token;
    // a title the model was talked into: a line break and ~~~ would open a harmless-looking block and fold the rest away
    const input = { record: found[2], title: 'Follow-up\n~~~\nNothing will be written.\n~~~', content: 'Wire the deposit to account 12345' };
    const prepared = await tool.prepareInvocation!({ input }, cancel);
    const message = prepared?.confirmationMessages?.message;
    const md = typeof message === 'string' ? message : (message?.value ?? '');
    assert.ok(md.includes('Follow-up \\~\\~\\~ Nothing will be written. \\~\\~\\~'), `the title stays one line of text:\n${md}`);
    const fences = md.split('\n').filter(l => /^(`{3,}|~{3,})/.test(l));
    assert.deepStrictEqual(fences, ['```text', '```'], 'one block: the content');
    assert.ok(md.includes('```text\nWire the deposit to account 12345\n```'), 'the real content, shown');

    // the person confirms; meanwhile the active workspace changes (another window's Switch Workspace does the same)
    await signInWith(server.tokens.otherWorkspace);
    server.clearRequests();
    const chatRequest = {} as vscode.ChatParticipantToolToken; // invoke only asks whether there is one
    const result = await tool.invoke({ input, toolInvocationToken: chatRequest } as vscode.LanguageModelToolInvocationOptions<unknown>, cancel);
    const text = (result?.content ?? []).map(p => (p as { value?: unknown }).value).join('');
    assert.match(text, /session changed after the person was asked to confirm.*nothing was written/);
    assert.deepStrictEqual(server.requests.filter(r => r.path === '/v2/notes').map(r => r.method), [], 'written nowhere');
    await signInOnly(server.tokens.full);
  });

  test('bad input is answered in words, not a thrown error', async () => {
    const out = await invoke('attio_list_tasks', { filter: 'someday' });
    results.push(out);
    assert.match(out, /"filter" must be one of "mine", "open", "overdue", "completed"/);
  });

  test('a token without task:read: list tasks names the scope to add', async () => {
    await signInOnly(server.tokens.noTasks);
    const out = await invoke('attio_list_tasks', { filter: 'open' });
    results.push(out);
    assert.match(out, /task:read/);
    assert.match(out, /Attio: Sign In/);
    await signInOnly(server.tokens.full);
  });

  test('signed out: every tool answers with the sign-in command', async () => {
    const api = await extensionApi();
    for (const s of (await api.auth.current()).sessions) await vscode.commands.executeCommand('attio.signOut', { sessionId: s.id });
    await waitFor(() => !api.data.signedIn || undefined, 'sign-out');
    const out = await invoke('attio_search_records', { query: 'acme' });
    results.push(out);
    assert.match(out, /Not signed in to Attio\. .*"Attio: Sign In"/);
  });
});
