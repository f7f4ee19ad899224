/**
 * "Filter…": builds a filter and sort for an object's records or a list's entries from its attributes, with
 * operators that fit each type and values from the real options, statuses and records. Every step reads the data
 * layer's cached schema (attributes 1 request, options 1 per attribute, once); nothing is sent until applied.
 */
import * as vscode from 'vscode';
import type { AttioAttribute } from '../attio';
import type { Logger } from '../common/log';
import type { WorkspaceData } from '../data';
import type { ErrorView } from '../session/errorReporter';
import { pickRecord } from '../ui/recordPicker';
// the pure module itself, not the data layer's index: this file is bundled apart (dist/filterBuilder.js)
import { isSortable, operatorsFor, type FilterCondition, type FilterOp, type FilterSort, type RecordFilter } from '../data/recordFilter';
import { describeCondition, describeSort, operatorLabel } from './filterText';
import type { FilterTarget } from './nodes/treeNode';

/** Picks a record (search as you type); undefined = cancelled. */
export type RecordPick = (title: string) => Promise<{ id: string; title: string } | undefined>;

interface Item<T> extends vscode.QuickPickItem {
  value: T;
}

async function pick<T>(items: Item<T>[], title: string, placeHolder?: string): Promise<T | undefined> {
  const p = await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true });
  return p?.value;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The value of a condition, asked the way its type needs; undefined = cancelled. */
async function askValue(data: WorkspaceData, target: FilterTarget, id: string, a: AttioAttribute, op: FilterOp, pickRecord: RecordPick): Promise<Pick<FilterCondition, 'value' | 'valueLabel'> | undefined> {
  const title = operatorLabel(a.title, op);
  switch (op) {
    case 'checked':
    case 'unchecked':
    case 'isMe':
    case 'notEmpty':
      return {};
    case 'is': {
      const options = a.type === 'status' ? await data.schema.statuses(target, id, a.api_slug) : await data.schema.selectOptions(target, id, a.api_slug);
      const chosen = await pick(
        options.filter(o => !o.is_archived).map(o => ({ label: o.title, value: { value: 'status_id' in o.id ? String(o.id.status_id) : String(o.id.option_id), valueLabel: o.title } })),
        title,
      );
      return chosen;
    }
    case 'isRecord': {
      const r = await pickRecord(title);
      return r && { value: r.id, valueLabel: r.title };
    }
    case 'lt':
    case 'gt':
    case 'eq':
      if (['number', 'currency', 'rating'].includes(a.type)) {
        const v = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('A number'), validateInput: s => (s.trim() && Number.isFinite(Number(s)) ? undefined : vscode.l10n.t('Enter a number')) });
        return v === undefined ? undefined : { value: Number(v) };
      }
      break;
    case 'before':
    case 'after': {
      const v = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t({ message: 'A date, YYYY-MM-DD', comment: 'keep YYYY-MM-DD: the format to type' }), value: new Date().toISOString().slice(0, 10), validateInput: s => (DATE.test(s.trim()) && !isNaN(Date.parse(s.trim())) ? undefined : vscode.l10n.t({ message: 'Enter a date as YYYY-MM-DD', comment: 'keep YYYY-MM-DD: the format to type' })) });
      return v === undefined ? undefined : { value: v.trim() };
    }
    case 'withinDays': {
      const v = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Number of days'), value: '7', validateInput: s => (/^\d{1,4}$/.test(s.trim()) && Number(s) > 0 ? undefined : vscode.l10n.t('Enter a whole number of days')) });
      return v === undefined ? undefined : { value: Number(v) };
    }
  }
  const v = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Text to match (not case-sensitive)'), validateInput: s => (s.trim() ? undefined : vscode.l10n.t('Enter some text')) });
  return v === undefined ? undefined : { value: v.trim() };
}

async function addCondition(data: WorkspaceData, target: FilterTarget, id: string, attrs: AttioAttribute[], pickRecord: RecordPick): Promise<FilterCondition | undefined> {
  const filterable = attrs.filter(a => operatorsFor(a.type).length);
  const a = await pick(filterable.map(x => ({ label: x.title, description: x.type, value: x })), vscode.l10n.t('Filter: which attribute?'));
  if (!a) return undefined;
  const ops = operatorsFor(a.type);
  const op = ops.length === 1 ? ops[0] : await pick(ops.map(o => ({ label: operatorLabel(a.title, o), value: o })), vscode.l10n.t({ message: 'Filter: {0}', args: [a.title], comment: '{0}: an attribute' }));
  if (!op) return undefined;
  const v = await askValue(data, target, id, a, op, pickRecord);
  if (!v) return undefined;
  return { attribute: a.api_slug, type: a.type, op, label: a.title, ...v };
}

async function chooseSort(attrs: AttioAttribute[]): Promise<FilterSort | null | undefined> {
  const items: Item<AttioAttribute | null>[] = [{ label: `$(close) ${vscode.l10n.t('No sort')}`, value: null }, ...attrs.filter(a => isSortable(a.type)).map(a => ({ label: a.title, description: a.type, value: a }))];
  const a = await pick(items, vscode.l10n.t('Sort by'));
  if (a === undefined || a === null) return a;
  const direction = await pick<'asc' | 'desc'>(
    [
      { label: `$(arrow-up) ${vscode.l10n.t('Ascending')}`, value: 'asc' },
      { label: `$(arrow-down) ${vscode.l10n.t('Descending')}`, value: 'desc' },
    ],
    vscode.l10n.t({ message: 'Sort by {0}', args: [a.title], comment: '{0}: an attribute' }),
  );
  return direction && { attribute: a.api_slug, label: a.title, direction };
}

type Step = { kind: 'apply' } | { kind: 'add' } | { kind: 'sort' } | { kind: 'remove'; index: number } | { kind: 'clear' };

/**
 * The builder: a menu of the conditions so far (pick one to remove it), "Add condition…", "Sort by…", "Apply".
 * Resolves to the filter to keep, or undefined when the person closed it (nothing changes then).
 */
export async function buildFilter(data: WorkspaceData, target: FilterTarget, id: string, name: string, current: RecordFilter | undefined, pickRecord: RecordPick): Promise<RecordFilter | undefined> {
  const attrs = await data.schema.attributes(target, id);
  let f: RecordFilter = { conditions: [...(current?.conditions ?? [])], ...(current?.sort ? { sort: current.sort } : {}) };
  for (;;) {
    const items: Item<Step>[] = [
      { label: `$(check) ${vscode.l10n.t({ message: 'Apply', comment: 'apply the filter' })}`, description: f.conditions.length || f.sort ? '' : vscode.l10n.t('show every record'), value: { kind: 'apply' } },
      { label: `$(add) ${vscode.l10n.t('Add condition…')}`, value: { kind: 'add' } },
      { label: `$(list-ordered) ${vscode.l10n.t('Sort by…')}`, description: f.sort ? vscode.l10n.t({ message: 'now {0}', args: [describeSort(f.sort)], comment: '{0}: the current sort, e.g. "by Value ↓"' }) : '', value: { kind: 'sort' } },
      ...f.conditions.map((c, index) => ({ label: `$(close) ${describeCondition(c)}`, description: vscode.l10n.t({ message: 'remove', comment: 'picking this condition removes it' }), value: { kind: 'remove', index } as Step })),
      ...(f.conditions.length || f.sort ? [{ label: `$(clear-all) ${vscode.l10n.t('Clear all')}`, value: { kind: 'clear' } as Step }] : []),
    ];
    const step = await pick(items, vscode.l10n.t({ message: 'Filter {0}', args: [name], comment: '{0}: an object or a list, e.g. Deals' }), vscode.l10n.t('Add conditions, then Apply'));
    if (!step) return undefined;
    switch (step.kind) {
      case 'apply':
        return f;
      case 'add': {
        const c = await addCondition(data, target, id, attrs, pickRecord);
        if (c) f = { ...f, conditions: [...f.conditions, c] };
        break;
      }
      case 'sort': {
        const s = await chooseSort(attrs);
        if (s === null) f = { conditions: f.conditions };
        else if (s) f = { ...f, sort: s };
        break;
      }
      case 'remove':
        f = { ...f, conditions: f.conditions.filter((_, i) => i !== step.index) };
        break;
      case 'clear':
        f = { conditions: [] };
        break;
    }
  }
}

/** The builder with a record search for "is <record>" conditions (stateless: bundled apart with the builder). */
export function askFilter(data: WorkspaceData, target: FilterTarget, id: string, name: string, current: RecordFilter | undefined, describeError: (e: unknown, feature: string) => ErrorView, log: Logger): Promise<RecordFilter | undefined> {
  return buildFilter(data, target, id, name, current, async title => {
    const r = await pickRecord(data, { title }, describeError, log);
    return r && r !== 'skip' ? { id: r.id.record_id, title: r.record_text } : undefined;
  });
}
