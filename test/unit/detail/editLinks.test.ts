/**
 * The Edit links of a record or list entry page: beside exactly the values a person may write, only when the token may
 * write them, carrying ids only; the path an Edit link opens is parsed strictly (anything not shaped like an id is no
 * page), and a command argument passes as an Edit request only with ids of that shape.
 */
import * as assert from 'assert';
import type { ValueRow, WorkspaceData } from '../../../src/data';
import { detailPath, isEditRequest, parseDetailPath, relativeLink } from '../../../src/detail/paths';
import { renderDetail, type RenderOptions } from '../../../src/detail/render';

const row = (slug: string, title: string, text: string, editable: boolean): ValueRow => ({ slug, title, type: 'text', values: [], texts: [text], editable, refs: [] });

const ROWS: ValueRow[] = [
  row('job_title', 'Job title', 'Engineer', true),
  row('created_at', 'Created at', '1 May 2024', false),
  // CRM text in a value: still data, never part of a link
  row('description', 'Description', '](command:evil) [x](vscode://x/edit?object=a', true),
];

/** An entry's rows: its stage and role may be written, when it was added may not. */
const ENTRY_ROWS: ValueRow[] = [
  { ...row('stage', 'Stage', 'Interview', true), type: 'status' },
  row('role', 'Role', 'Engineer', true),
  { ...row('created_at', 'Added at', '1 May 2024', false), type: 'timestamp' },
];

/** The data layer as the record and entry pages read it: one person with the rows above in one list, no notes, comments or meetings. */
const data = {
  lists: {
    entry: async () => ({ id: { entry_id: 'e-1' }, parent_object: 'people', parent_record_id: 'p-1', entry_values: {} }),
    valueRows: async () => ENTRY_ROWS,
    list: () => ({ name: 'Hiring' }),
    entryTitle: () => 'Ada Lovelace',
  },
  records: {
    url: () => 'https://app.attio.com/w/person/p-1',
    get: async () => ({ id: { record_id: 'p-1' }, web_url: 'https://app.attio.com/w/person/p-1', values: {} }),
    valueRows: async () => ROWS,
    entries: async () => ({ value: [] }),
    object: () => ({ singular_noun: 'Person' }),
    title: () => 'Ada Lovelace',
  },
  notes: { list: async () => ({ value: [] }) },
  comments: { available: false },
  meetings: { available: false },
} as unknown as WorkspaceData;

const page = (opts: Partial<RenderOptions> = {}): Promise<string> =>
  renderDetail(data, { kind: 'record', object: 'people', id: 'p-1', name: 'Ada Lovelace' }, { now: 0, workspaceUrl: 'https://app.attio.com/w', ...opts });

const entryPage = (opts: Partial<RenderOptions> = {}): Promise<string> =>
  renderDetail(data, { kind: 'entry', list: 'hiring', id: 'e-1', name: 'Ada in Hiring' }, { now: 0, workspaceUrl: 'https://app.attio.com/w', ...opts });

const editLinks = (md: string): string[] => [...md.matchAll(/\[Edit\]\(([^)]*)\)/g)].map(m => m[1]);

suite('Edit links on a record or entry page', () => {
  test('an Edit link beside exactly the editable values, to the record page at a path of ids only', async () => {
    const md = await page({ editLinks: { serial: 7 } });
    assert.deepStrictEqual(editLinks(md), ['./edit/job_title/7/Ada%20Lovelace.md', './edit/description/7/Ada%20Lovelace.md']);
    assert.match(md, /\| Engineer · \[Edit\]\(\.\/edit\/job_title\/7\/Ada%20Lovelace\.md\) \|/);
    assert.match(md, /\| 1 May 2024 \|/, 'a system attribute has no Edit');
    const opened = parseDetailPath(`/records/people/p-1/${editLinks(md)[0].slice(2).split('/').map(decodeURIComponent).join('/')}`);
    assert.deepStrictEqual(opened, { kind: 'record', object: 'people', id: 'p-1', name: 'Ada Lovelace', edit: { attribute: 'job_title', serial: 7 } });
  });

  test('no Edit link when the token may not write records', async () => {
    assert.deepStrictEqual(editLinks(await page()), []);
  });

  test('the Edit link\'s page links to related pages as the record page does', () => {
    const editPage = { kind: 'record' as const, object: 'people', id: 'p-1', edit: { attribute: 'job_title', serial: 1 } };
    assert.strictEqual(detailPath(editPage), '/records/people/p-1/edit/job_title/1/record.md');
    assert.strictEqual(relativeLink(editPage, { kind: 'record', object: 'companies', id: 'c-1' }), '../../../../../companies/c-1/record.md');
  });

  test('an entry page: an Edit link beside exactly its editable values, to the entry page at a path of ids only', async () => {
    const md = await entryPage({ editLinks: { serial: 3 } });
    assert.deepStrictEqual(editLinks(md), ['./edit/stage/3/Ada%20in%20Hiring.md', './edit/role/3/Ada%20in%20Hiring.md']);
    assert.match(md, /\| Engineer · \[Edit\]\(\.\/edit\/role\/3\/Ada%20in%20Hiring\.md\) \|/);
    assert.match(md, /\| 1 May 2024 \|/, 'a system attribute has no Edit');
    const opened = parseDetailPath(`/lists/hiring/entries/e-1/${editLinks(md)[1].slice(2).split('/').map(decodeURIComponent).join('/')}`);
    assert.deepStrictEqual(opened, { kind: 'entry', list: 'hiring', id: 'e-1', name: 'Ada in Hiring', edit: { attribute: 'role', serial: 3 } });
    assert.strictEqual(detailPath(opened!), '/lists/hiring/entries/e-1/edit/role/3/Ada in Hiring.md');
    // the Edit link's page links to related pages as the entry page does
    assert.strictEqual(relativeLink(opened!, { kind: 'record', object: 'people', id: 'p-1' }), '../../../../../../../records/people/p-1/record.md');
  });

  test('no Edit link on an entry page when the token may not write entries', async () => {
    assert.deepStrictEqual(editLinks(await entryPage()), []);
  });

  test('an entry\'s Edit path or request that is not made of ids asks for nothing', () => {
    for (const path of [
      '/lists/hiring/entries/e-1/edit/ro%20le/1/x.md',
      '/lists/hiring/entries/e-1/edit/role/x/x.md',
      '/lists/hiring/entries/e-1/edit/role/1234567890/x.md',
      '/lists/hir:ing/entries/e-1/edit/role/1/x.md',
      '/lists/hiring/entries/e.1/edit/role/1/x.md',
      '/lists/hiring/entries/e-1/edit/<img>/1/x.md',
      '/lists/hiring/entries/e-1/edit/role/1/2/x.md',
      '/lists/hiring/entries/e-1/edits/role/1/x.md',
      '/lists/hiring/entry/e-1/edit/role/1/x.md',
    ]) {
      assert.strictEqual(parseDetailPath(path), undefined, `${path} is no page`);
    }
    assert.ok(isEditRequest({ list: 'hiring', id: '0b5f7c1e-1d4a-4f3e-9a65-0c5a1f0c2b11', attribute: 'role' }));
    for (const arg of [{ list: 'hiring', id: 'e-1' }, { list: 'hiring', object: 'people', id: 'e-1', attribute: 'role' }, { list: 'hir ing', id: 'e-1', attribute: 'role' }, { list: 7, id: 'e-1', attribute: 'role' }]) {
      assert.ok(!isEditRequest(arg), JSON.stringify(arg));
    }
  });

  test('an Edit path or request that is not made of ids asks for nothing', () => {
    for (const path of [
      '/records/people/p-1/edit/job%20title/1/x.md',
      '/records/people/p-1/edit/job_title/x/x.md',
      '/records/people/p-1/edit/job_title/1e3/x.md',
      '/records/people/p-1/edit/job_title/1234567890/x.md',
      '/records/peo:ple/p-1/edit/job_title/1/x.md',
      '/records/people/p.1/edit/job_title/1/x.md',
      '/records/people/p-1/edit/<img>/1/x.md',
      `/records/people/p-1/edit/${'a'.repeat(101)}/1/x.md`,
      '/records/people/p-1/edit/job_title/1/2/x.md',
      '/records/people/p-1/edits/job_title/1/x.md',
    ]) {
      const parsed = parseDetailPath(path);
      assert.ok(!parsed || !('edit' in parsed && parsed.edit), `${path} asks for no edit`);
      assert.strictEqual(parsed, undefined, `${path} is no page`);
    }
    assert.ok(isEditRequest({ object: 'people', id: '0b5f7c1e-1d4a-4f3e-9a65-0c5a1f0c2b11', attribute: 'job_title' }));
    for (const arg of [undefined, null, 'people', { object: 'people', id: 'p-1' }, { object: 'people', id: 'p 1', attribute: 'x' }, { object: ['people'], id: 'p-1', attribute: 'x' }, { object: 'people', id: 'p-1', attribute: '../x' }]) {
      assert.ok(!isEditRequest(arg), JSON.stringify(arg));
    }
  });
});
