/**
 * List writes in the real workbench, as a person does them: the Lists view grouped by stage through the list's
 * context menu, an entry dragged with the mouse onto another stage group (1 write; the server stores the new stage;
 * screenshot drag-stage.png), and a list filtered through "Filter and Sort…" then exported to CSV through "Export…"
 * and code-server's own save dialog, the file compared with the server's data for that filter. Leaves the list
 * ungrouped and unfiltered and signs out at the end (the suites after it expect that).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator } from 'playwright-core';
import { answerFileDialog, contextMenu, expandRow, fixture, page, quickInput, resetWorkbench, screenshot, server, setViewsExpanded, signInWithToken, treeRow, until, viewPane } from './fixture';

const LIST = 'Sales Pipeline';
const LIST_SLUG = 'sales-pipeline';
const ENTRIES = /^\/v2\/lists\/[^/]+\/entries\/([0-9a-f-]{36})$/;

interface Row {
  level: number;
  label: string;
  description: string;
}

/** The rows the Lists view shows, with their depth (1: a list, 2: a stage group or an entry, 3: an entry in a group). */
async function listRows(): Promise<Row[]> {
  return viewPane('Lists')
    .locator('.monaco-list-row')
    .evaluateAll(rows =>
      rows.map(r => ({
        level: Number(r.getAttribute('aria-level')),
        label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
        description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
      })),
    );
}

/** The labels of the entries shown under the stage group `stage` (the rows after it, up to the next group). */
function entriesUnder(rows: Row[], stage: string): string[] {
  const at = rows.findIndex(r => r.level === 2 && r.label === stage);
  if (at < 0) return [];
  const end = rows.findIndex((r, i) => i > at && r.level <= 2);
  return rows.slice(at + 1, end < 0 ? undefined : end).filter(r => r.level === 3).map(r => r.label);
}

/** The row of the Lists view at `level` whose label is exactly `label`. */
function rowAt(level: number, label: string): Locator {
  return viewPane('Lists').locator(`.monaco-list-row[aria-level="${level}"]`).filter({ has: page().locator('.label-name', { hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) }).first();
}

/** Picks the quick-pick item whose label is exactly `label` (not one that merely contains it). */
async function pickLabel(label: string): Promise<void> {
  const p = page();
  const row = p.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ has: p.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
}

/** GET on the local server with the full token: what Attio stores. */
async function served<T>(apiPath: string, init?: { method: string; body: unknown }): Promise<T> {
  const res = await fetch(`${server().url}${apiPath}`, {
    method: init?.method ?? 'GET',
    headers: { authorization: `Bearer ${server().tokens.full}`, 'content-type': 'application/json' },
    ...(init ? { body: JSON.stringify(init.body) } : {}),
  });
  assert.strictEqual(res.status, 200, `${init?.method ?? 'GET'} ${apiPath}`);
  return ((await res.json()) as { data: T }).data;
}

interface ServedEntry {
  id: { entry_id: string };
  parent_record_id: string;
  parent_object: string;
  entry_values: Record<string, { active_until?: string | null; status?: { title: string } }[]>;
}

const stageOf = (e: ServedEntry): string | undefined => e.entry_values.stage?.find(v => v.active_until == null)?.status?.title;

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') rows.push([...row, field]), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

suite('UI: list writes (drag to another stage, export a filtered list)', () => {
  suiteSetup(async () => {
    await signInWithToken();
    // give the Lists view the room: the grouped list shows every stage
    await setViewsExpanded(['Objects', 'Tasks'], false);
    await setViewsExpanded(['Lists'], true);
  });

  suiteTeardown(async () => {
    // leave the list as the other suites expect it (the grouping and the filter are kept across windows)
    const list = await treeRow(new RegExp(`^${LIST}`), 'Lists').catch(() => undefined);
    if (list && (await list.getAttribute('aria-expanded')) !== null) {
      if ((await rowAt(2, 'Closed Won').count()) > 0 || (await rowAt(2, 'Qualified').count()) > 0) await contextMenu(list, 'Show Entries Ungrouped').catch(() => undefined);
      const clear = (await treeRow(new RegExp(`^${LIST}`), 'Lists')).locator('.action-label[aria-label^="Clear Filter"]');
      if ((await clear.count()) > 0) {
        await list.hover();
        await clear.click().catch(() => undefined);
      }
    }
    await resetWorkbench();
  });

  test('drag an entry onto another stage group: it shows there, 1 write, the server stores the stage', async () => {
    const list = await treeRow(new RegExp(`^${LIST}`), 'Lists');
    await expandRow(list);
    await contextMenu(list, 'Group by Stage');
    await until('the stage groups of Sales Pipeline', async () => (await listRows()).some(r => r.level === 2 && r.label === 'Qualified' && r.description !== ''));
    const rows = await listRows();
    // an entry of the first stage with entries, and the stage group right after that stage's entries
    const from = rows.find(r => r.level === 2 && entriesUnder(rows, r.label).length > 0);
    assert.ok(from, `a stage with entries among ${rows.map(r => r.label).join(' | ')}`);
    const entry = entriesUnder(rows, from.label)[0];
    const to = rows.slice(rows.indexOf(from) + 1).find(r => r.level === 2);
    assert.ok(to, `a stage after ${from.label}`);
    const fromCount = Number(from.description);
    const toCount = Number(to.description);

    server().clearRequests();
    const source = rowAt(3, entry);
    const target = rowAt(2, to.label);
    await source.waitFor({ state: 'visible', timeout: 10_000 });
    await target.waitFor({ state: 'visible', timeout: 10_000 });
    const a = (await source.boundingBox())!;
    const b = (await target.boundingBox())!;
    const p = page();
    // a real drag: press on the entry, move in steps (the tree starts a drag once the pointer has moved) onto the group
    await p.mouse.move(a.x + 60, a.y + a.height / 2);
    await p.mouse.down();
    await p.mouse.move(a.x + 70, a.y + a.height / 2 + 5, { steps: 3 });
    await p.mouse.move(b.x + 60, b.y + b.height / 2, { steps: 10 });
    await p.mouse.up();

    await until(`"${entry}" under ${to.label} in the Lists view`, async () => entriesUnder(await listRows(), to.label).includes(entry));
    const after = await listRows();
    assert.ok(!entriesUnder(after, from.label).includes(entry), `"${entry}" no longer under ${from.label}`);
    assert.strictEqual(Number(after.find(r => r.level === 2 && r.label === to.label)!.description), toCount + 1, `${to.label}'s count`);
    assert.strictEqual(Number(after.find(r => r.level === 2 && r.label === from.label)!.description), fromCount - 1, `${from.label}'s count`);
    await screenshot('drag-stage');

    const writes = server().requests.filter(r => r.method !== 'GET' && !r.path.endsWith('/query'));
    assert.deepStrictEqual(writes.map(w => `${w.method} ${w.path.replace(/[0-9a-f-]{36}/g, ':id')} ${w.status}`), ['PUT /v2/lists/:id/entries/:id 200'], 'a drag and drop costs 1 write');
    const entryId = ENTRIES.exec(writes[0].path)![1];
    const stored = await served<ServedEntry>(`/v2/lists/${LIST_SLUG}/entries/${entryId}`);
    assert.strictEqual(stageOf(stored), to.label, 'the server stores the new stage');
  });

  test('filter the list, Export… as CSV through the save dialog: the file has the server\'s rows and columns for that filter', async () => {
    const p = page();
    const list = await treeRow(new RegExp(`^${LIST}`), 'Lists');
    // the filter, as a person sets it: the list's inline "Filter and Sort…", then Stage is Closed Won, Apply
    await list.hover();
    await list.locator('.action-label[aria-label^="Filter and Sort"]').click();
    await quickInput.pick(/Add condition/);
    await p.locator('.quick-input-widget', { hasText: 'which attribute' }).waitFor({ state: 'visible', timeout: 15_000 });
    await quickInput.fill('Stage');
    await pickLabel('Stage');
    await pickLabel('Stage is');
    await pickLabel('Closed Won');
    await p.locator('.quick-input-widget', { hasText: `Filter ${LIST}` }).waitFor({ state: 'visible', timeout: 15_000 });
    await quickInput.pick(/Apply/);
    await until('the list row to show its filter', async () => /Closed Won/.test(await (await treeRow(new RegExp(`^${LIST}`), 'Lists')).innerText()));

    // Export…: CSV, then code-server's own save dialog (a quick input holding the path): type the path, Enter
    const file = path.join(fixture().workspaceFolder, `pipeline-won-${Date.now()}.csv`);
    server().clearRequests();
    await contextMenu(await treeRow(new RegExp(`^${LIST}`), 'Lists'), 'Export…');
    await pickLabel('CSV');
    await answerFileDialog(file, `Export ${LIST}`);
    await until(`the export written to ${path.basename(file)} (the status bar says so)`, async () => /Exported \d+ rows of Sales Pipeline/.test(await p.locator('.part.statusbar').innerText()), 60_000);

    // what the server has for that filter
    const statuses = await served<{ id: { status_id: string }; title: string }[]>(`/v2/lists/${LIST_SLUG}/attributes/stage/statuses`);
    const won = statuses.find(s => s.title === 'Closed Won')!;
    const entries = await served<ServedEntry[]>(`/v2/lists/${LIST_SLUG}/entries/query`, { method: 'POST', body: { filter: { stage: won.id.status_id }, limit: 500 } });
    const attributes = await served<{ title: string; is_archived: boolean }[]>(`/v2/lists/${LIST_SLUG}/attributes`);
    const names = new Map<string, string>();
    for (const e of entries) {
      const r = await served<{ values: { name?: { value?: string; full_name?: string }[] } }>(`/v2/objects/${e.parent_object}/records/${e.parent_record_id}`);
      names.set(e.id.entry_id, r.values.name?.[0]?.value ?? r.values.name?.[0]?.full_name ?? '');
    }

    const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
    assert.deepStrictEqual(header, ['Record', ...attributes.filter(a => !a.is_archived).map(a => a.title), 'Entry ID'], 'the columns: the list\'s attribute titles');
    assert.ok(entries.length > 0, 'the filter matches entries on the server');
    assert.strictEqual(rows.length, entries.length, 'one row per entry the server has for the filter');
    const col = (title: string) => header.indexOf(title);
    const byId = new Map(rows.map(r => [r[col('Entry ID')], r]));
    for (const e of entries) {
      const row = byId.get(e.id.entry_id);
      assert.ok(row, `entry ${e.id.entry_id} in the file`);
      assert.strictEqual(row[col('Record')], names.get(e.id.entry_id));
      assert.strictEqual(row[col('Stage')], 'Closed Won');
      assert.strictEqual(row.length, header.length);
    }
    assert.ok(server().requests.every(r => r.method === 'GET' || r.path.endsWith('/query')), 'an export writes nothing');
  });
});
