/**
 * The editor surface in a real extension host, against the local Attio server: record links and hover cards in a
 * document (through VS Code's own link and hover commands) with the requests each costs, the Ctrl/Cmd-click target,
 * Reveal in Sidebar, other workspaces, the TODO quick fix, tasks and notes from a selection, Insert Record Link.
 * Request counts are read from the server's log and printed for the report.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { AttioClient } from '../../src/attio';
import { parseRecordUrl, type RecordUrl } from '../../src/editor/recordUrls';
import type { AttioTestServer } from '../server';
import { extensionApi, suiteServer, waitFor, signInWith, dismissPrompts } from './helpers';

/** API requests (not /v2/self) since the last clear. */
function calls(server: AttioTestServer): string[] {
  return server.requests.filter(r => r.path.startsWith('/v2/') && r.path !== '/v2/self').map(r => `${r.method} ${r.path}`);
}

/** Untitled documents these tests showed in an editor and not known closed yet. */
const opened: vscode.TextDocument[] = [];

let named = 0;

/**
 * A new untitled document holding `content`. Each gets a name of its own: VS Code's "Untitled-N" names are handed out
 * again once closed, and this host could then give back an earlier document, with its text, for a new one.
 */
async function openDoc(content: string, language = 'plaintext'): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `attio-editor-test-${++named}` });
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the test document takes its text');
  return doc.languageId === language ? doc : vscode.languages.setTextDocumentLanguage(doc, language);
}

/**
 * Closes every editor and waits until the extension host has seen our untitled documents close: until then a new
 * untitled document can get the name of a closed one and this host hands back the old document for it.
 */
async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor(() => opened.every(d => d.isClosed) || undefined, 'the closed editors\' documents to be closed in the extension host');
  opened.length = 0;
}

/**
 * Shows `doc` and waits until the extension host knows it as the active editor: `showTextDocument` can resolve
 * before the window's report of the new active editor arrives, and the commands act on the active editor.
 */
async function showEditor(doc: vscode.TextDocument): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(doc);
  opened.push(doc);
  await waitFor(() => vscode.window.activeTextEditor?.document === doc || undefined, 'the shown document to be the active editor');
  return editor;
}

/** Our hover at `offset` of `doc` (the card holds our command links), as Markdown text. */
async function hoverAt(doc: vscode.TextDocument, offset: number): Promise<string | undefined> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
  const texts = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value)));
  return texts.find(t => t.includes('attio.') || t.includes('Attio'));
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('attio').update(key, value, vscode.ConfigurationTarget.Global);
}

const linkArgs = (u: RecordUrl) => ({ workspaceSlug: u.workspaceSlug, object: u.object, recordId: u.recordId });

suite('Editor: record links, hovers, tasks and notes from the editor', () => {
  const serverOf = suiteServer();
  let server: AttioTestServer;
  /** Record URLs of the demo workspace, read with a client of the test's own. */
  const urls: Record<string, RecordUrl> = {};
  const figures: string[] = [];

  suiteSetup(async () => {
    server = serverOf();
    const raw = new AttioClient({ baseUrl: server.url, token: () => server.tokens.full, maxRetries: 0 });
    for (const [object, filter] of [
      ['people', { name: 'Ada Lovelace' }],
      ['companies', undefined],
      ['deals', undefined],
      ['partnerships', undefined],
    ] as const) {
      const rec = (await raw.queryRecords(object, { limit: 1, ...(filter ? { filter } : {}) })).items[0];
      urls[object] = parseRecordUrl(rec.web_url ?? '')!;
      assert.ok(urls[object], `${object} has a record URL`);
    }
    await signInWith(server.tokens.full);
  });

  suiteTeardown(async () => {
    await setSetting('editor.recordLinks', undefined);
    console.log(`      editor figures:\n${figures.map(f => `        ${f}`).join('\n')}`);
  });

  test('links: every record URL of a document, Ctrl/Cmd-click runs Open Record Link; finding them costs no request', async () => {
    const text = [
      `Ada: ${urls.people.url}/overview.`,
      `In Markdown: [Acme](${urls.companies.url}) and <${urls.deals.url}>`,
      `custom: ${urls.partnerships.url}`,
      'not a record: https://app.attio.com/northwind-labs/collection/891dcbfc-9141-415d-9b2a-2238a6cc012d',
    ].join('\n');
    const doc = await openDoc(text);
    server.clearRequests();
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
    const ours = links.filter(l => l.target?.scheme === 'command');
    assert.deepStrictEqual(
      ours.map(l => doc.getText(l.range)),
      [`${urls.people.url}/overview`, urls.companies.url, urls.deals.url, urls.partnerships.url],
    );
    const target = ours[0].target!;
    assert.strictEqual(target.path, 'attio.openRecordLink');
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(target.query)), [linkArgs(urls.people)]);
    assert.deepStrictEqual(calls(server), [], 'no request to find links');
    figures.push(`links in a 4-line document: ${ours.length}, requests 0`);
  });

  test('hover on a person: title, email, company, job title and the actions; ≤ 2 requests cold, 0 warm', async () => {
    const api = await extensionApi();
    api.data.clear();
    const doc = await openDoc(`See ${urls.people.url} for the renewal.`);
    server.clearRequests();
    const card = await hoverAt(doc, 10);
    assert.ok(card, 'a hover card');
    const cold = calls(server);
    assert.ok(cold.length <= 2, `cold hover: ${cold.join(', ')}`);
    assert.match(card, /\*\*Ada Lovelace\*\*/);
    assert.match(card, /Email\\?: ada/i);
    assert.match(card, /Company\\?: (?!a linked)\S/);
    for (const cmd of ['attio.openRecordLink', 'attio.openRecordLinkInAttio', 'attio.revealRecordLink', 'attio.copyRecordLinkId']) assert.ok(card.includes(`command:${cmd}?`), cmd);
    server.clearRequests();
    assert.strictEqual(await hoverAt(doc, 10), card);
    assert.deepStrictEqual(calls(server), [], 'warm hover');
    figures.push(`hover person: cold ${cold.length} (${cold.join(', ')}), warm 0`);
  });

  test('hover on a company, a deal and a custom object: ≤ 2 requests each cold, 0 warm', async () => {
    const api = await extensionApi();
    for (const object of ['companies', 'deals', 'partnerships']) {
      api.data.clear();
      const doc = await openDoc(urls[object].url);
      server.clearRequests();
      const card = await hoverAt(doc, 5);
      const cold = calls(server);
      assert.ok(card && card.includes('command:attio.openRecordLink?'), `${object} card`);
      assert.ok(cold.length <= 2, `${object} cold: ${cold.join(', ')}`);
      server.clearRequests();
      await hoverAt(doc, 5);
      assert.deepStrictEqual(calls(server), [], `${object} warm`);
      if (object === 'companies') assert.match(card, /Domain\\?:/);
      if (object === 'deals') assert.match(card, /Stage\\?:[\s\S]*Owner\\?:/);
      figures.push(`hover ${object}: cold ${cold.length} (${cold.join(', ')}), warm 0`);
    }
  });

  test('moving the mouse away cancels the hover and its request', async () => {
    const api = await extensionApi();
    api.data.clear();
    const doc = await openDoc(urls.companies.url);
    server.setFaults({ latencyMs: 1500 });
    server.clearRequests();
    try {
      const cts = new vscode.CancellationTokenSource();
      const pending = api.editor.hovers.provideHover(doc, doc.positionAt(3), cts.token);
      // the mouse moves away while the hover's request is in flight (the server holds it for 1.5 s)
      await waitFor(() => server.requests.some(r => r.path.includes('/records/')) || undefined, 'the hover\'s request to reach Attio');
      cts.cancel();
      assert.strictEqual(await pending, undefined);
    } finally {
      server.setFaults({});
    }
    const get = await waitFor(() => server.requests.find(r => r.path.includes('/records/') && r.aborted), 'the aborted request in the log', 5000);
    assert.ok(get.aborted);
  });

  test('a record that does not exist, another workspace, signed-in elsewhere: the card says so', async () => {
    const missing = { ...urls.people, recordId: '00000000-0000-4000-8000-000000000000' };
    const doc = await openDoc(`${urls.people.url.replace(urls.people.recordId, missing.recordId)}\nhttps://app.attio.com/globex-trading/person/${urls.people.recordId}`);
    assert.match((await hoverAt(doc, 5))!, /Record not found/);
    const other = await hoverAt(doc, doc.offsetAt(new vscode.Position(1, 5)));
    assert.match(other!, /workspace \*\*globex-trading\*\*/);
    assert.match(other!, /command:attio\.signIn/, 'not signed in there: offers Sign In');
    // signed in to both: a link to the inactive one offers to switch
    await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: server.tokens.otherWorkspace });
    const api = await extensionApi();
    await waitFor(() => (api.data.session?.workspaceSlug === 'globex-trading' ? true : undefined), 'the other workspace active');
    const back = await hoverAt(await openDoc(urls.people.url), 5);
    assert.match(back!, /command:attio\.switchWorkspace\?/);
    const northwind = (await api.auth.current()).sessions.find(s => s.workspaceSlug === 'northwind-labs')!;
    await vscode.commands.executeCommand('attio.switchWorkspace', { sessionId: northwind.id });
    await waitFor(() => (api.data.session?.workspaceSlug === 'northwind-labs' ? true : undefined), 'back to Northwind');
  });

  test('Ctrl/Cmd-click opens the record\'s detail page; Reveal in Sidebar selects it in the Objects view', async () => {
    const api = await extensionApi();
    // Where the page opens is recorded rather than rendered: an `attio:` document stays loaded for minutes after its
    // preview closes and would be re-rendered, with requests, under the suites that follow (the UI test renders it).
    const opened: vscode.Uri[] = [];
    const open = api.details.open;
    api.details.open = async uri => void opened.push(uri);
    try {
      const kind = await vscode.commands.executeCommand('attio.openRecordLink', linkArgs(urls.people));
      assert.strictEqual(kind, 'record');
      assert.deepStrictEqual(
        opened.map(u => `${u.scheme}:${u.path}`),
        [`attio:/records/people/${urls.people.recordId}/Ada Lovelace.md`],
      );
    } finally {
      api.details.open = open;
    }
    const revealed = await vscode.commands.executeCommand('attio.revealRecordLink', linkArgs(urls.people));
    assert.strictEqual(revealed, true);
    await waitFor(() => api.views.objects.view.selection[0]?.id.endsWith(`rec:${urls.people.recordId}`) || undefined, 'the record selected in Objects');
    // arguments that are not a record link do nothing
    assert.strictEqual(await vscode.commands.executeCommand('attio.openRecordLink', { workspaceSlug: 'x', object: '../y', recordId: 'z' }), undefined);
  });

  test('the setting turns links and hovers off', async () => {
    const doc = await openDoc(urls.people.url);
    await setSetting('editor.recordLinks', false);
    try {
      await waitFor(async () => ((await hoverAt(doc, 5)) === undefined ? true : undefined), 'no hover');
      const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
      assert.strictEqual(links.filter(l => l.target?.scheme === 'command').length, 0);
    } finally {
      await setSetting('editor.recordLinks', undefined);
    }
  });

  test('the TODO quick fix creates a task from the comment, which the Tasks view has without a reload', async () => {
    const api = await extensionApi();
    await api.data.tasks.list('allOpen');
    const doc = await openDoc('function renew() {\n  // TODO: call Ada about the renewal\n}\n', 'typescript');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(1, 5, 1, 5))) ?? [];
    const fix = actions.find(a => a.title.startsWith('Create Attio task'));
    assert.ok(fix?.command, `quick fix among: ${actions.map(a => a.title).join(' | ')}`);
    assert.strictEqual(fix.title, 'Create Attio task: call Ada about the renewal');
    server.clearRequests();
    const task = await vscode.commands.executeCommand<{ id: { task_id: string }; content_plaintext: string }>(fix.command.command, ...(fix.command.arguments ?? []), {
      deadlineAt: null,
      assigneeIds: [],
      linkedRecords: [{ targetObject: 'people', targetRecordId: urls.people.recordId }],
    });
    assert.strictEqual(task?.content_plaintext, 'call Ada about the renewal');
    assert.deepStrictEqual(calls(server), ['POST /v2/tasks']);
    const open = (await api.data.tasks.list('allOpen')).value;
    assert.ok(open.some(t => t.id.task_id === task.id.task_id), 'in the cached open tasks');
    assert.deepStrictEqual(calls(server), ['POST /v2/tasks'], 'no reload');
  });

  test('Create Task from Selection: the selection is the content; a selection over 2,000 characters is refused before any request', async () => {
    const doc = await openDoc('Ask Grace for the Q3 numbers\nbefore Friday\nunrelated line');
    const editor = await showEditor(doc);
    editor.selection = new vscode.Selection(0, 0, 1, 13);
    server.clearRequests();
    const task = await vscode.commands.executeCommand<{ content_plaintext: string }>('attio.createTaskFromSelection', { deadlineAt: null });
    assert.strictEqual(task?.content_plaintext, 'Ask Grace for the Q3 numbers\nbefore Friday');
    const long = await showEditor(await openDoc('x'.repeat(2500)));
    long.selection = new vscode.Selection(0, 0, 0, 2500);
    server.clearRequests();
    assert.strictEqual(await vscode.commands.executeCommand('attio.createTaskFromSelection', { deadlineAt: null }), undefined);
    assert.deepStrictEqual(calls(server), []);
    await closeAllEditors();
  });

  test('Add Selection as Note: a Markdown note on the record, in its cached notes at once', async () => {
    const api = await extensionApi();
    await api.data.notes.list('people', urls.people.recordId);
    const doc = await openDoc('# Renewal\n\n- **budget** approved\n- call _next week_\n', 'markdown');
    const editor = await showEditor(doc);
    editor.selection = new vscode.Selection(0, 0, 4, 0);
    server.clearRequests();
    const note = await vscode.commands.executeCommand<{ id: { note_id: string }; title: string; content_markdown: string }>('attio.addSelectionAsNote', {
      object: 'people',
      recordId: urls.people.recordId,
      noteTitle: 'Renewal notes',
    });
    assert.ok(note);
    assert.strictEqual(note.title, 'Renewal notes');
    assert.strictEqual(note.content_markdown, doc.getText());
    const post = server.requests.find(r => r.method === 'POST' && r.path === '/v2/notes');
    assert.deepStrictEqual((post?.body as { data: { format: string } }).data.format, 'markdown');
    const notes = (await api.data.notes.list('people', urls.people.recordId)).value;
    assert.strictEqual(notes[0].id.note_id, note.id.note_id);
    assert.deepStrictEqual(calls(server), ['POST /v2/notes'], 'no reload');
    await closeAllEditors();
  });

  test('another extension passing a record, a note title or task fields skips no prompt: dismissed, nothing is written', async () => {
    // outside the tests no caller's arguments are honoured; the test API's switch runs each call that way
    const api = await extensionApi();
    const editor = await showEditor(await openDoc('Wire the money to account 12345'));
    editor.selection = new vscode.Selection(0, 0, 0, 31);
    server.clearRequests();
    const asOutsider = (command: string, arg: object): Promise<unknown> =>
      dismissPrompts(api.commandArguments.asOutsider(() => vscode.commands.executeCommand(command, arg)), command);
    assert.strictEqual(await asOutsider('attio.addSelectionAsNote', { object: 'people', recordId: urls.people.recordId, noteTitle: 'Payment' }), undefined);
    assert.strictEqual(await asOutsider('attio.createTaskFromSelection', { deadlineAt: null, assigneeIds: [], linkedRecords: [] }), undefined);
    assert.deepStrictEqual(server.requests.filter(r => r.path === '/v2/notes' || r.path === '/v2/tasks').map(r => `${r.method} ${r.path}`), [], 'nothing written');
    await closeAllEditors();
  });

  test('Insert Record Link: [Title](web_url) at every cursor in Markdown, the plain URL elsewhere', async () => {
    const md = await showEditor(await openDoc('a \nb ', 'markdown'));
    md.selections = [new vscode.Selection(0, 2, 0, 2), new vscode.Selection(1, 2, 1, 2)];
    await vscode.commands.executeCommand('attio.insertRecordLink', { object: 'people', recordId: urls.people.recordId, title: 'Ada Lovelace' });
    assert.strictEqual(md.document.getText(), `a [Ada Lovelace](${urls.people.url})\nb [Ada Lovelace](${urls.people.url})`);
    const ts = await showEditor(await openDoc('const ada = "";', 'typescript'));
    ts.selection = new vscode.Selection(0, 13, 0, 13);
    await vscode.commands.executeCommand('attio.insertRecordLink', { object: 'people', recordId: urls.people.recordId });
    assert.strictEqual(ts.document.getText(), `const ada = "${urls.people.url}";`);
    await closeAllEditors();
  });

  test('without task:read-write there is no quick fix; without note:read-write Add Note says which scope, sends nothing', async () => {
    await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: server.tokens.readOnly });
    const api = await extensionApi();
    await waitFor(() => (api.connection.current?.session.accessToken === server.tokens.readOnly ? true : undefined), 'the read-only session');
    const doc = await openDoc('// TODO: call Ada', 'typescript');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 3, 0, 3))) ?? [];
    assert.ok(!actions.some(a => a.title.startsWith('Create Attio task')));
    const editor = await showEditor(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 17);
    server.clearRequests();
    const since = Date.now();
    assert.strictEqual(await vscode.commands.executeCommand('attio.addSelectionAsNote', { object: 'people', recordId: urls.people.recordId, noteTitle: 't' }), undefined);
    assert.deepStrictEqual(calls(server), []);
    const recorded = api.scopeErrors.entries.filter(e => e.at.getTime() >= since);
    assert.ok(recorded.some(e => e.endpoint === 'POST /v2/notes' && e.missing.join(' ') === 'note:read-write'), `recorded for "Show Scope Errors": ${JSON.stringify(recorded)}`);
    await closeAllEditors();
  });
});
