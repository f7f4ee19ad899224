import * as assert from 'assert';
import { ChatToolNames } from '../../../src/constants';
import { startAttioServer, type AttioTestServer } from '../../server';
import { ToolRunner, toolWording } from '../../../src/chat/toolRunner';
import type { ToolWording } from '../../../src/chat/tools/wording';
import { chatHarness, describeError, findAcme, type ChatHarness } from './serverFixture';
import { localData } from '../data/localData';

const writes = (server: AttioTestServer): string[] => server.requests.filter(r => r.method !== 'GET' && !r.path.endsWith('/query') && !r.path.endsWith('/search')).map(r => `${r.method} ${r.path}`);
const T = ChatToolNames;
const signal = () => new AbortController().signal;

suite('Chat write tools: confirmation first, always', () => {
  let server: AttioTestServer;
  let h: ChatHarness;
  let acmeUrl: string;
  let acmeId: string;

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  suiteTeardown(async () => {
    await server.close();
  });
  setup(async () => {
    h = await chatHarness(server);
    ({ id: acmeId, url: acmeUrl } = await findAcme(h));
    server.clearRequests();
  });

  test('create task: prepare shows exactly what is written; invoke writes it once and the record\'s open tasks show it', async () => {
    const input = { content: 'Send **Acme** the [contract](command:attio.signOut)\n<img src=x>', deadline: '2026-12-31', record: acmeUrl, assignToMe: true };
    const p = await h.runner.prepare(T.createTask, input);
    assert.strictEqual(p.invocationMessage, 'Creating an Attio task');
    assert.ok(p.confirmation);
    assert.strictEqual(p.confirmation.title, 'Create an Attio task?');
    const md = p.confirmation.message;
    assert.ok(md.includes('```text\nSend **Acme** the [contract](command:attio.signOut)\n<img src=x>\n```'), 'the content, fenced as text');
    assert.ok(md.includes('- Deadline: 2026-12-31 23:59 UTC'));
    assert.match(md, /- Linked record: Acme Robotics \(companies, [0-9a-f-]{36}\)/);
    assert.ok(md.includes('- Assignee: you'));
    assert.deepStrictEqual(writes(server), [], 'preparing writes nothing');

    const before = (await h.data.tasks.forRecord('companies', acmeId)).value.length;
    const out = await h.runner.invoke(T.createTask, input, true, signal());
    assert.match(out, /^Attio workspace "Northwind Labs"\. Created task "Send \*\*Acme\*\* .*" · task_id [0-9a-f-]{36} · linked to "Acme Robotics"/);
    assert.deepStrictEqual(writes(server), ['POST /v2/tasks']);
    server.clearRequests();
    assert.strictEqual((await h.data.tasks.forRecord('companies', acmeId)).value.length, before + 1, 'in the cached open tasks without a reload');
    assert.deepStrictEqual(server.requests.filter(r => r.path === '/v2/tasks'), []);

    server.clearRequests();
    assert.match(await h.runner.invoke(T.createTask, input, true, signal()), /not confirmed by the person; nothing was written/, 'one confirmation, one write');
    assert.deepStrictEqual(writes(server), []);
  });

  test('a write outside a chat session, or without a prepared confirmation, is refused and sends nothing', async () => {
    const input = { content: 'Never written' };
    await h.runner.prepare(T.createTask, input);
    assert.match(await h.runner.invoke(T.createTask, input, false, signal()), /runs only in a chat session where the person confirms it first; nothing was written/);
    assert.match(await h.runner.invoke(T.addNote, { record: acmeUrl, title: 't', content: 'c' }, true, signal()), /not confirmed by the person; nothing was written/);
    await h.runner.prepare(T.createTask, { content: 'Something else' });
    assert.match(await h.runner.invoke(T.createTask, input, true, signal()), /not confirmed/, 'a confirmation covers only its own input');
    assert.deepStrictEqual(writes(server), []);
  });

  test('a confirmation is bound to its session: after a workspace switch (before or during the write) nothing is written anywhere', async () => {
    const other = (await localData(server, { token: server.tokens.otherWorkspace })).conn;
    const home = h.signedIn.current;
    const input = { record: acmeUrl, title: 'For Northwind only', content: 'c' };
    assert.ok((await h.runner.prepare(T.addNote, input)).confirmation);
    h.signedIn.current = other; // another window switched the workspace while the confirmation was open
    server.clearRequests();
    assert.match(await h.runner.invoke(T.addNote, input, true, signal()), /session changed after the person was asked to confirm.*nothing was written/);
    assert.deepStrictEqual(writes(server), []);

    h.signedIn.current = home;
    assert.ok((await h.runner.prepare(T.addNote, input)).confirmation);
    const get = h.data.records.get.bind(h.data.records);
    h.data.records.get = async (...args: Parameters<typeof get>) => {
      const r = await get(...args);
      h.signedIn.current = other; // the switch lands while the write looks up its record
      return r;
    };
    try {
      server.clearRequests();
      assert.match(await h.runner.invoke(T.addNote, input, true, signal()), /session changed.*nothing was written/);
      assert.deepStrictEqual(writes(server), []);
    } finally {
      h.data.records.get = get;
      h.signedIn.current = home;
    }
  });

  test('a spoofed record title (line break, ~~~) cannot fold the real content out of the confirmation', async () => {
    const input = { record: acmeUrl, title: 'x\n~~~\nHarmless. Nothing is written.\n~~~', content: 'the real content' };
    const p = await h.runner.prepare(T.addNote, input);
    const md = p.confirmation!.message;
    assert.ok(md.includes('Title: x \\~\\~\\~ Harmless. Nothing is written. \\~\\~\\~'), md);
    assert.ok(md.includes('```text\nthe real content\n```'), 'the real content, fenced');
    assert.strictEqual(md.split('\n').filter(l => /^(```|~~~)/.test(l)).length, 2, 'one fence, the one around the content');
  });

  test('add note: the confirmation shows record, title and the whole content; the note joins the cached notes', async () => {
    const notesBefore = (await h.data.notes.list('companies', acmeId)).value.length;
    const content = '# Call summary\n- **Budget** approved\n```\ncode\n```';
    const input = { record: acmeUrl, title: 'QBR *notes*', content, format: 'markdown' };
    const p = await h.runner.prepare(T.addNote, input);
    assert.strictEqual(p.confirmation?.title, 'Add a note in Attio?');
    const md = p.confirmation!.message;
    assert.match(md, /^Adds a note to \*\*Acme Robotics\*\* \(companies, [0-9a-f-]{36}\) in the Attio workspace \*\*Northwind Labs\*\*\./);
    assert.ok(md.includes('Title: QBR \\*notes\\*'), 'the title is escaped');
    assert.ok(md.includes(`Content (markdown, ${content.length} characters):\n\n\`\`\`\`text\n${content}\n\`\`\`\``), 'the content, fenced longer than its own fence');
    server.clearRequests();
    const out = await h.runner.invoke(T.addNote, input, true, signal());
    assert.match(out, /Added note "QBR \*notes\*" · note_id [0-9a-f-]{36} to "Acme Robotics"/);
    assert.deepStrictEqual(writes(server), ['POST /v2/notes']);
    server.clearRequests();
    const after = (await h.data.notes.list('companies', acmeId)).value;
    assert.strictEqual(after.length, notesBefore + 1);
    assert.strictEqual(after[0].title, 'QBR *notes*');
    assert.deepStrictEqual(server.requests.filter(r => r.path === '/v2/notes'), [], 'no reload');
  });

  test('a read-only token: the write is confirmed, then answered with the scope it lacks', async () => {
    const ro = await chatHarness(server, server.tokens.readOnly);
    const input = { record: acmeUrl, title: 't', content: 'c' };
    const p = await ro.runner.prepare(T.addNote, input);
    assert.ok(p.confirmation);
    const out = await ro.runner.invoke(T.addNote, input, true, signal());
    assert.match(out, /note:read-write/);
    assert.ok(!out.includes(server.tokens.readOnly));
  });

  test('what the person reads comes from the injected wording (their language); the answer for the model stays English', async () => {
    const german: ToolWording = {
      ...toolWording,
      creatingTask: () => 'Attio-Aufgabe wird erstellt',
      invalidInput: () => 'Ungültige Eingabe',
      createTask: { ...toolWording.createTask, title: () => 'Attio-Aufgabe erstellen?', assignee: me => (me ? 'Zuständig: Sie' : 'Zuständig: niemand') },
    };
    const de = new ToolRunner({ data: h.data, describeError, redact: t => t, enabled: () => true, allowOutsideChat: () => false, wording: german });
    const input = { content: 'Call Ada', assignToMe: true };
    const p = await de.prepare(T.createTask, input);
    assert.strictEqual(p.invocationMessage, 'Attio-Aufgabe wird erstellt');
    assert.strictEqual(p.confirmation?.title, 'Attio-Aufgabe erstellen?');
    assert.ok(p.confirmation?.message.includes('- Zuständig: Sie'), p.confirmation?.message);
    assert.match(await de.invoke(T.createTask, input, true, signal()), /^Attio workspace "Northwind Labs"\. Created task "Call Ada"/);
    const bad = { content: 42 };
    assert.strictEqual((await de.prepare(T.createTask, bad)).invocationMessage, 'Ungültige Eingabe', 'the person is told the input was refused');
    assert.match(await de.invoke(T.createTask, bad, true, signal()), /"content" must be a string/, 'the model is told what to correct, in English');
  });

  test('a confirmation that cannot be built (unknown record) leaves the write refused', async () => {
    const input = { record: '00000000-0000-4000-8000-000000000000', object: 'companies', title: 't', content: 'c' };
    const p = await h.runner.prepare(T.addNote, input);
    assert.strictEqual(p.confirmation, undefined);
    assert.match(await h.runner.invoke(T.addNote, input, true, signal()), /not confirmed/);
    assert.deepStrictEqual(writes(server), []);
  });
});
