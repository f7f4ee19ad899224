/**
 * "Edit…" on a record's or list entry's attribute and "New Record…" on an object (lazy part `records`, loaded on the
 * first of them). An edit is 1 write + 1 read (data/valueEdit.ts, for records and entries alike); the tree, the detail
 * page and hover cards show the change at once. A refusal names the attribute and Attio's reason, and the input comes
 * back with what was typed.
 */
import * as vscode from 'vscode';
import { isAttioError, type AttioAttribute } from '../attio';
import type { CommandTable } from '../common/commands';
import type { Logger } from '../common/log';
import { RecordCommands } from '../constants';
import { inputOf, isEditable, type InputValue, type NewRecordValue, type ValueEdit, type ValueRow, type WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import { isEditRequest } from '../detail/paths';
import { detailUri } from '../detail/uris';
import type { ErrorView } from '../session/errorReporter';
import { pickRecord } from '../ui/recordPicker';
import { askValues, type PickItem, type Prompts } from '../ui/valueForm';
import type { SidebarViews } from './controller';
import type { SidebarShared } from './sidebarHandlers';

export interface RecordCommandDeps {
  views: SidebarViews;
  data: WorkspaceData;
  details: DetailDocuments;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
  /** Test-mode answers that stand in for the prompts (undefined outside the integration tests). */
  honour: <T>(arg: T) => T | undefined;
}

/** What a run did, for the integration tests: the text each input box opened with, and the outcome. */
export interface RecordRun {
  outcome: 'written' | 'cancelled' | 'refused' | 'opened-existing';
  inputs: string[];
  recordId?: string;
}

/** The workbench's prompts. */
export function workbenchPrompts(deps: Pick<RecordCommandDeps, 'data' | 'describeError' | 'log'>, seen: string[] = []): Prompts {
  return {
    input: async o => {
      seen.push(o.value ?? '');
      return vscode.window.showInputBox({ title: o.title, prompt: o.prompt, value: o.value, placeHolder: o.placeholder, ignoreFocusOut: true, validateInput: o.validate });
    },
    pick: async (items, o) => {
      if (o.many) return vscode.window.showQuickPick(items, { title: o.title, placeHolder: o.placeholder, canPickMany: true, ignoreFocusOut: true });
      const one = await vscode.window.showQuickPick(items, { title: o.title, placeHolder: o.placeholder, ignoreFocusOut: true });
      return one && [one];
    },
    record: async o => {
      const r = await pickRecord(deps.data, { title: o.title, objects: o.objects.length ? o.objects : undefined }, deps.describeError, deps.log);
      return r && r !== 'skip' ? { object: r.object_slug, id: r.id.record_id, title: r.record_text } : undefined;
    },
  };
}

/** Answers from a script (the integration tests): an input takes the next answer; a pick the items whose labels it lists (`|`-separated); a record `object/id`. */
export function scriptedPrompts(answers: string[], seen: string[]): Prompts {
  const next = (): string | undefined => answers.shift();
  return {
    input: async o => {
      seen.push(o.value ?? '');
      const a = next();
      if (a === undefined) return undefined;
      // l10n-ignore: a test script's mistake, never shown to a person
      if (o.validate(a)) throw new Error(`scripted input refused by its check: ${o.validate(a)}`);
      return a;
    },
    pick: async (items: PickItem[]) => {
      const a = next();
      return a === undefined ? undefined : items.filter(i => a.split('|').includes(i.label));
    },
    record: async () => {
      const a = next();
      if (!a) return undefined;
      const [object, id] = a.split('/');
      return { object, id, title: id };
    },
  };
}

const current = (values: { attribute_type: string; active_until?: unknown }[] | undefined): InputValue[] =>
  (values ?? []).filter(v => !v.active_until).map(v => inputOf(v)).filter((v): v is InputValue => !!v);

/** What an Edit… is about: a record of an object or an entry of a list, and the attribute when it is known. */
export type EditTarget = ({ kind: 'record'; object: string } | { kind: 'entry'; list: string }) & { id: string; slug?: string };

/**
 * Which record or entry an Edit… is about: an Edit link's request, a record, entry or value row of the tree, else the
 * detail page in front.
 */
export function editTarget(deps: RecordCommandDeps, shared: SidebarShared, arg: unknown): EditTarget | undefined {
  if (isEditRequest(arg)) return arg.list !== undefined ? { kind: 'entry', list: arg.list, id: arg.id, slug: arg.attribute } : { kind: 'record', object: arg.object, id: arg.id, slug: arg.attribute };
  const { EntryNode, RecordNode, ValueNode } = shared.nodes;
  const node = deps.views.nodeOf(arg);
  const row = node instanceof ValueNode ? node : undefined;
  const item = row ? row.parent : node;
  const slug = row?.row.slug;
  if (item instanceof RecordNode) return { kind: 'record', object: item.object, id: item.record.id.record_id, slug };
  if (item instanceof EntryNode) return { kind: 'entry', list: item.list.id.list_id, id: item.entry.id.entry_id, slug };
  if (row) return undefined;
  const page = deps.details.activeTarget();
  if (page?.kind === 'record') return { kind: 'record', object: page.object, id: page.id };
  return page?.kind === 'entry' ? { kind: 'entry', list: page.list, id: page.id } : undefined;
}

/** The item an edit changes, the same way for a record and an entry: its schema, current values, rows and the write. */
interface EditSubject {
  schema: { kind: 'objects' | 'lists'; id: string };
  values: Record<string, { attribute_type: string; active_until?: unknown }[] | undefined>;
  rows(): Promise<ValueRow[]>;
  write(edit: ValueEdit): Promise<unknown>;
}

async function editSubject(data: WorkspaceData, t: EditTarget): Promise<EditSubject> {
  if (t.kind === 'record') {
    const record = await data.records.get(t.object, t.id);
    return { schema: { kind: 'objects', id: t.object }, values: record.values, rows: () => data.records.valueRows(t.object, t.id), write: e => data.recordWrites.edit(t.object, t.id, e) };
  }
  const entry = await data.lists.entry(t.list, t.id);
  return { schema: { kind: 'lists', id: t.list }, values: entry.entry_values, rows: () => data.lists.valueRows(t.list, t.id), write: e => data.entryWrites.edit(t.list, entry, e) };
}

async function editValue(deps: RecordCommandDeps, target: EditTarget, prompts: Prompts, run: RecordRun): Promise<RecordRun> {
  const { data } = deps;
  const subject = await editSubject(data, target);
  const attrs = (await data.schema.attributes(subject.schema.kind, subject.schema.id)).filter(isEditable);
  let attribute: AttioAttribute | undefined = target.slug ? attrs.find(a => a.api_slug === target.slug) : undefined;
  if (!attribute) {
    if (target.slug) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This attribute cannot be edited: it is read-only or calculated by Attio.'));
      return { ...run, outcome: 'cancelled' };
    }
    const rows = await subject.rows();
    const items: PickItem[] = attrs.map(a => ({ key: a.api_slug, label: a.title, description: rows.find(r => r.slug === a.api_slug)?.texts.join(', ') ?? '' }));
    const picked = await prompts.pick(items, { title: vscode.l10n.t('Edit which attribute?'), many: false });
    attribute = picked?.[0] && attrs.find(a => a.api_slug === picked[0].key);
    if (!attribute) return { ...run, outcome: 'cancelled' };
  }
  const before = current(subject.values[attribute.api_slug]);
  let typed: string | undefined;
  let reason: string | undefined;
  for (;;) {
    const answer = await askValues(data, prompts, attribute, { title: vscode.l10n.t('Edit {0}', attribute.title), before, typed, reason, target: subject.schema });
    if (!answer) return { ...run, outcome: reason ? 'refused' : 'cancelled' };
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Saving {0}…', attribute.title) }, () =>
        subject.write({ attribute, before, after: answer.values, labels: answer.labels }),
      );
      return { ...run, outcome: 'written' };
    } catch (e) {
      if (!isAttioError(e, 'invalid-request')) throw e;
      // Attio refused: say which attribute and why, and ask again with what was typed
      reason = e.detail ?? e.code ?? '';
      typed = answer.typed;
      void vscode.window.showWarningMessage(vscode.l10n.t('Attio refused the value for {0}: {1}', attribute.title, reason));
    }
  }
}

async function newRecord(deps: RecordCommandDeps, object: string, prompts: Prompts, run: RecordRun): Promise<RecordRun> {
  const { data } = deps;
  const attrs = (await data.schema.attributes('objects', object)).filter(isEditable);
  const noun = data.records.object(object)?.singular_noun ?? object;
  const values: NewRecordValue[] = [];
  const ask = async (a: AttioAttribute): Promise<boolean> => {
    const answer = await askValues(data, prompts, a, { title: vscode.l10n.t('New {0}: {1}', noun, a.title), before: [], target: { kind: 'objects', id: object } });
    if (!answer) return false;
    if (answer.values.length) values.push({ attribute: a, values: answer.values });
    return true;
  };
  for (const a of attrs.filter(x => x.is_required)) if (!(await ask(a))) return { ...run, outcome: 'cancelled' };
  const optional = attrs.filter(x => !x.is_required);
  const picked = await prompts.pick(optional.map(a => ({ key: a.api_slug, label: a.title, description: a.is_unique ? vscode.l10n.t('unique') : undefined })), { title: vscode.l10n.t('New {0}: which other attributes?', noun), many: true });
  if (!picked) return { ...run, outcome: 'cancelled' };
  for (const p of picked) if (!(await ask(optional.find(a => a.api_slug === p.key)!))) return { ...run, outcome: 'cancelled' };
  try {
    const created = await data.recordWrites.create(object, values);
    await deps.details.open(detailUri({ kind: 'record', object, id: created.id.record_id, name: data.records.title(created, object) }));
    return { ...run, outcome: 'written', recordId: created.id.record_id };
  } catch (e) {
    const conflict = await data.recordWrites.uniqueConflict(object, e, values);
    if (!conflict) throw e;
    const title = attrs.find(a => a.api_slug === conflict.attribute)?.title ?? conflict.attribute;
    const open = vscode.l10n.t('Open the existing record');
    const update = vscode.l10n.t('Update the existing record');
    const choice = (await prompts.pick(
      [...(conflict.existing ? [{ key: 'open', label: open }] : []), { key: 'update', label: update }],
      { title: vscode.l10n.t('Another {0} already has this {1}', noun, title), many: false },
    ))?.[0];
    if (choice?.key === 'open' && conflict.existing) {
      await deps.details.open(detailUri({ kind: 'record', object, id: conflict.existing }));
      return { ...run, outcome: 'opened-existing', recordId: conflict.existing };
    }
    if (choice?.key === 'update') {
      const asserted = await data.recordWrites.assert(object, conflict.attribute, values);
      await deps.details.open(detailUri({ kind: 'record', object, id: asserted.id.record_id }));
      return { ...run, outcome: 'written', recordId: asserted.id.record_id };
    }
    return { ...run, outcome: 'cancelled' };
  }
}

export function recordCommands(deps: RecordCommandDeps, shared: SidebarShared): CommandTable {
  const promptsFor = (script: unknown, seen: string[]): Prompts => {
    const answers = deps.honour(script);
    return Array.isArray(answers) ? scriptedPrompts(answers.map(String), seen) : workbenchPrompts(deps, seen);
  };
  return {
    /** Test mode: a second argument (answers) stands in for the prompts. */
    [RecordCommands.editValue]: async (arg: unknown, script?: unknown) => {
      const target = editTarget(deps, shared, arg);
      if (!target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a record or list entry (its detail page or its row in the sidebar) to edit its values.'));
        return undefined;
      }
      const seen: string[] = [];
      return editValue(deps, target, promptsFor(script, seen), { outcome: 'cancelled', inputs: seen });
    },
    [RecordCommands.newRecord]: async (arg: unknown, script?: unknown) => {
      const seen: string[] = [];
      const prompts = promptsFor(script, seen);
      const node = deps.views.nodeOf(arg);
      let object = node instanceof shared.nodes.ObjectNode ? node.slug : typeof deps.honour(arg) === 'string' ? (arg as string) : undefined;
      if (!object) {
        const objects = (await deps.data.records.objects()).value;
        const picked = await prompts.pick(objects.map(o => ({ key: o.api_slug ?? o.id.object_id, label: o.singular_noun ?? o.api_slug ?? '' })), { title: vscode.l10n.t('New record of which object?'), many: false });
        object = picked?.[0]?.key;
      }
      return object ? newRecord(deps, object, prompts, { outcome: 'cancelled', inputs: seen }) : undefined;
    },
  };
}
