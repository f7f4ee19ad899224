import * as assert from 'node:assert';
import { AttioTestServer, startAttioServer } from '../../server/index';
import { markdownToPlaintext, plaintextToMarkdown } from '../../server/notes';
import { api } from './helpers';

const MISSING = '00000000-0000-4000-8000-000000000000';

suite('Attio test server: note creation', () => {
  let server: AttioTestServer;
  let person: any;
  let company: any;

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
    person = (await api(server, 'POST', '/v2/objects/people/records/query', { body: { limit: 1 } })).body.data[0];
    company = (await api(server, 'POST', '/v2/objects/companies/records/query', { body: { limit: 1 } })).body.data[0];
  });
  suiteTeardown(() => server.close());

  const validNote = () => ({
    parent_object: 'people',
    parent_record_id: person.id.record_id as string,
    title: 'Call with Ada',
    format: 'plaintext',
    content: 'Agreed on a pilot.\nNext: send the quote.',
  });

  async function notesOf(record: any, object = 'people'): Promise<any[]> {
    return (await api(server, 'GET', `/v2/notes?limit=50&parent_object=${object}&parent_record_id=${record.id.record_id}`)).body.data;
  }

  test('a created plaintext note is answered in full, then listed under its record and readable by id', async () => {
    const before = await notesOf(person);
    const res = await api(server, 'POST', '/v2/notes', { body: { data: validNote() } });
    assert.strictEqual(res.status, 200);
    const note = res.body.data;
    assert.deepStrictEqual(
      { ...note, id: undefined, created_by_actor: undefined, created_at: undefined },
      {
        id: undefined,
        parent_object: 'people',
        parent_record_id: person.id.record_id,
        title: 'Call with Ada',
        meeting_id: null,
        content_plaintext: 'Agreed on a pilot.\nNext: send the quote.',
        content_markdown: 'Agreed on a pilot.\nNext: send the quote.',
        tags: [],
        created_by_actor: undefined,
        created_at: undefined,
      },
    );
    assert.strictEqual(note.id.workspace_id, person.id.workspace_id);
    assert.strictEqual(note.created_by_actor.type, 'api-token');
    assert.ok(Math.abs(Date.parse(note.created_at) - Date.now()) < 60000, note.created_at);
    const after = await notesOf(person);
    assert.deepStrictEqual(after, [...before, note]);
    assert.deepStrictEqual((await api(server, 'GET', `/v2/notes/${note.id.note_id}`)).body.data, note);
  });

  test('a Markdown note keeps its Markdown and gets a plain-text rendering', async () => {
    const content = '# Recap\n\n**Date:** 2023-10-26\n\n## Points\n\n- Reviewed [metrics](https://example.com/q3).\n- Budget for ==Phoenix==\n\n1. Alex: ~~draft~~ *final* roadmap';
    const res = await api(server, 'POST', '/v2/notes', { body: { data: { ...validNote(), format: 'markdown', content } } });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.body.data.content_markdown, content);
    assert.strictEqual(res.body.data.content_plaintext, 'Recap\nDate: 2023-10-26\nPoints\nReviewed metrics.\nBudget for Phoenix\n1. Alex: draft final roadmap');
  });

  test('parent_object may be the object id; the note names the object by slug', async () => {
    const companies = (await api(server, 'GET', '/v2/objects/companies')).body.data;
    const data = { ...validNote(), parent_object: companies.id.object_id, parent_record_id: company.id.record_id };
    const res = await api(server, 'POST', '/v2/notes', { body: { data } });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.body.data.parent_object, 'companies');
    assert.ok((await notesOf(company, 'companies')).some((n) => n.id.note_id === res.body.data.id.note_id));
  });

  test('created_at backdates a note; meeting_id null is accepted', async () => {
    const res = await api(server, 'POST', '/v2/notes', { body: { data: { ...validNote(), created_at: '2023-01-01T15:00:00Z', meeting_id: null } } });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.body.data.created_at, '2023-01-01T15:00:00.000000000Z');
    assert.strictEqual(res.body.data.meeting_id, null);
  });

  test('a token without note:read-write gets 403 and creates nothing', async () => {
    const before = await notesOf(person);
    const noRecords = server.addToken('notes-only', ['note:read-write', 'object_configuration:read']);
    for (const token of [server.tokens.readOnly, noRecords]) {
      const res = await api(server, 'POST', '/v2/notes', { body: { data: validNote() }, token });
      assert.deepStrictEqual([res.status, res.body.type], [403, 'auth_error']);
    }
    const writer = server.addToken('note-writer', ['note:read-write', 'object_configuration:read', 'record_permission:read']);
    assert.strictEqual((await api(server, 'POST', '/v2/notes', { body: { data: validNote() }, token: writer })).status, 200);
    assert.strictEqual((await notesOf(person)).length, before.length + 1);
  });

  test('an invalid body is a 400 validation_type error in Attio\'s shape, and creates nothing', async () => {
    const before = await notesOf(person);
    const without = (field: string) => {
      const data: Record<string, unknown> = validNote();
      delete data[field];
      return { data };
    };
    const bodies: [string, unknown][] = [
      ...['parent_object', 'parent_record_id', 'title', 'format', 'content'].map((f): [string, unknown] => [`missing ${f}`, without(f)]),
      ['no data envelope', validNote()],
      ['data not an object', { data: 'note' }],
      ['format html', { data: { ...validNote(), format: 'html' } }],
      ['content not a string', { data: { ...validNote(), content: 42 } }],
      ['title not a string', { data: { ...validNote(), title: null } }],
      ['parent_record_id not a UUID', { data: { ...validNote(), parent_record_id: 'ada' } }],
      ['created_at not a date', { data: { ...validNote(), created_at: 'yesterday' } }],
      ['created_at in the future', { data: { ...validNote(), created_at: new Date(Date.now() + 86400000).toISOString() } }],
      ['created_at before 1970', { data: { ...validNote(), created_at: '1969-12-31T00:00:00Z' } }],
      ['meeting_id not a UUID', { data: { ...validNote(), meeting_id: 'standup' } }],
    ];
    for (const [name, body] of bodies) {
      const res = await api(server, 'POST', '/v2/notes', { body });
      assert.deepStrictEqual(Object.keys(res.body ?? {}).sort(), ['code', 'message', 'status_code', 'type'], name);
      assert.deepStrictEqual([res.status, res.body.status_code, res.body.type, res.body.code], [400, 400, 'invalid_request_error', 'validation_type'], name);
    }
    const notJson = await fetch(`${server.url}/v2/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.full}`, 'content-type': 'application/json' },
      body: '{"data":',
    });
    assert.strictEqual(notJson.status, 400);
    assert.deepStrictEqual(await notesOf(person), before);
  });

  test('unknown parents and meetings are 404 not_found', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['unknown object', { parent_object: 'spaceships' }],
      ['unknown record', { parent_record_id: MISSING }],
      ['a record of another object', { parent_object: 'companies' }],
      ['a meeting that does not exist', { meeting_id: MISSING }],
    ];
    for (const [name, change] of cases) {
      const res = await api(server, 'POST', '/v2/notes', { body: { data: { ...validNote(), ...change } } });
      assert.deepStrictEqual([res.status, res.body.type, res.body.code], [404, 'invalid_request_error', 'not_found'], name);
    }
  });
});

suite('Attio test server: note content conversions', () => {
  test('Markdown → plain text drops marks but keeps text, escapes and snake_case', () => {
    const cases: [string, string][] = [
      ['### Title', 'Title'],
      ['  - nested item', 'nested item'],
      ['* star item\n+ plus item', 'star item\nplus item'],
      ['2. second', '2. second'],
      ['__bold__ and _italic_ in snake_case_name', 'bold and italic in snake_case_name'],
      ['\\*not italic\\* and \\# not a heading', '*not italic* and # not a heading'],
      ['[Attio](https://app.attio.com/acme/person/x "title")', 'Attio'],
      ['a\n\n\nb', 'a\nb'],
    ];
    for (const [markdown, plain] of cases) assert.strictEqual(markdownToPlaintext(markdown), plain, markdown);
  });

  test('plain text → Markdown escapes every mark, and reads back as the same text', () => {
    const text = '# not a heading\n- not a list\n1. not ordered\n**not bold** ==not highlighted== [not](a link) snake_case ~x~ \\ back';
    const markdown = plaintextToMarkdown(text);
    assert.ok(!markdown.startsWith('#'));
    assert.ok(markdown.includes('\\*\\*not bold\\*\\*'));
    assert.strictEqual(markdownToPlaintext(markdown), text);
  });
});
