/**
 * The commands that change lists and export tables (lazy part `sidebar`): Add to List…, Move to Stage…, Remove from
 * List, Group by Stage / Show Entries Ungrouped, Export…. Activation registers their ids only (listCommands.ts).
 */
import * as vscode from 'vscode';
import type { AttioStatus } from '../attio';
import type { CommandArguments, CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import { toCsv, toMarkdownTable, valuesBody, type ExportFormat, type ExportTarget, type WorkspaceData } from '../data';
import { buildQuery } from '../data/recordFilter';
import type { DetailDocuments } from '../detail/provider';
import type { SidebarViews } from './controller';
import type { SidebarShared } from './sidebarHandlers';
import type { TreeNode } from './nodes/treeNode';

export interface ListCommandDeps {
  views: SidebarViews;
  data: WorkspaceData;
  details: DetailDocuments;
  args: CommandArguments;
}

export function listCommands({ views, data, args }: ListCommandDeps, { nodes }: SidebarShared): CommandTable {
  const { EntryNode, ListNode, ObjectNode, RecordNode } = nodes;
  const writes = data.entryWrites;
  const done = (text: string) => void vscode.window.setStatusBarMessage(text, 3000);

  const pickStage = async (listId: string, title: string, current?: string, optional = false): Promise<AttioStatus | null | undefined> => {
    const attr = await writes.stageAttribute(listId);
    if (!attr) return null;
    const stages = await writes.stages(listId, attr);
    const items = [
      ...stages.map(s => ({ label: s.title, description: s.id.status_id === current ? vscode.l10n.t('current') : undefined, status: s as AttioStatus | null })),
      ...(optional ? [{ label: vscode.l10n.t('No stage'), description: undefined, status: null }] : []),
    ];
    const pick = await vscode.window.showQuickPick(items, { title, placeHolder: attr.title });
    return pick ? pick.status : undefined;
  };

  const exportTarget = (node: TreeNode | undefined): { target: ExportTarget; filterTarget: 'objects' | 'lists'; id: string; name: string } | undefined => {
    if (node instanceof RecordNode && node.parent instanceof ObjectNode) node = node.parent;
    if (node instanceof ObjectNode) return { target: { kind: 'objects', object: node.slug }, filterTarget: 'objects', id: node.slug, name: node.object.plural_noun ?? node.slug };
    if (node instanceof ListNode) return { target: { kind: 'lists', list: node.list.id.list_id }, filterTarget: 'lists', id: node.list.id.list_id, name: node.list.name };
    return undefined;
  };

  return {
    /** Test mode: a second argument (a list id) and a third (a status id) skip the pickers. */
    [TreeCommands.addToList]: async (arg: unknown, givenList?: string, givenStatus?: string) => {
      const node = views.nodeOf(arg);
      if (!(node instanceof RecordNode)) return;
      const lists = await writes.listsFor(node.object);
      if (!lists.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No list takes {0} records.', data.records.object(node.object)?.singular_noun ?? node.object));
        return;
      }
      const wanted = args.honour(givenList);
      const list = wanted ? lists.find(l => l.id.list_id === wanted || l.api_slug === wanted) : (await vscode.window.showQuickPick(lists.map(l => ({ label: l.name, list: l })), { title: vscode.l10n.t('Add {0} to which list?', node.title) }))?.list;
      if (!list) return;
      const listId = list.id.list_id;
      const attr = await writes.stageAttribute(listId);
      const statusId = args.honour(givenStatus);
      const status = statusId && attr ? (await writes.stages(listId, attr)).find(s => s.id.status_id === statusId) : await pickStage(listId, vscode.l10n.t('Stage of {0} in {1}', node.title, list.name), undefined, !attr?.is_required);
      if (status === undefined && attr) return;
      const values = attr && status ? valuesBody([{ attribute: attr, values: [{ kind: 'option', value: status.id.status_id }] }]) : {};
      await vscode.window.withProgress({ location: { viewId: node.viewId } }, () => writes.add(listId, { object: node.object, recordId: node.record.id.record_id }, values));
      done(`$(add) ${vscode.l10n.t('Added {0} to {1}', node.title, list.name)}`);
    },
    /** Test mode: a second argument (a status id) skips the picker. */
    [TreeCommands.moveToStage]: async (arg: unknown, givenStatus?: string) => {
      const node = views.nodeOf(arg);
      if (!(node instanceof EntryNode)) return;
      const listId = node.list.id.list_id;
      const attr = await writes.stageAttribute(listId);
      if (!attr) return;
      const current = (node.entry.entry_values[attr.api_slug]?.[0] as { status?: { id?: { status_id?: string } } } | undefined)?.status?.id?.status_id;
      const statusId = args.honour(givenStatus);
      const status = statusId ? (await writes.stages(listId, attr)).find(s => s.id.status_id === statusId) : await pickStage(listId, vscode.l10n.t('Move {0} to stage', node.title), current);
      if (!status || status.id.status_id === current) return;
      await writes.setStage(listId, node.entry, attr, status);
      done(`$(arrow-right) ${vscode.l10n.t('{0} is now in {1}', node.title, status.title)}`);
    },
    /** Asks in a modal dialog; test mode: a second argument `true` stands for the person's "Remove". */
    [TreeCommands.removeFromList]: async (arg: unknown, confirmed?: boolean) => {
      const node = views.nodeOf(arg);
      if (!(node instanceof EntryNode)) return;
      const remove = vscode.l10n.t('Remove');
      const ok =
        args.honour(confirmed) === true ||
        (await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove {0} from {1}?', node.title, node.list.name),
          { modal: true, detail: vscode.l10n.t("The record stays in Attio; only the list entry and its values (such as its stage) are deleted.") },
          remove,
        )) === remove;
      if (!ok) return;
      await writes.remove(node.list.id.list_id, node.entry);
      done(`$(trash) ${vscode.l10n.t('Removed {0} from {1}', node.title, node.list.name)}`);
    },
    [TreeCommands.groupByStage]: async (arg: unknown) => {
      const node = views.nodeOf(arg);
      if (node instanceof ListNode) await views.setStageGrouping(node.list.id.list_id, true);
    },
    [TreeCommands.ungroupByStage]: async (arg: unknown) => {
      const node = views.nodeOf(arg);
      if (node instanceof ListNode) await views.setStageGrouping(node.list.id.list_id, false);
    },
    /** Test mode: a second argument `{format, uri}` skips the pickers and the save dialog. */
    [TreeCommands.export]: async (arg: unknown, given?: { format: ExportFormat; uri: vscode.Uri }) => {
      const t = exportTarget(views.nodeOf(arg));
      if (!t) return;
      const preset = args.honour(given);
      const format =
        preset?.format ??
        (await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('CSV'), description: '.csv', format: 'csv' as const }, // l10n-ignore: file extension
            { label: vscode.l10n.t('Markdown table'), description: '.md', format: 'markdown' as const }, // l10n-ignore: file extension
          ],
          { title: vscode.l10n.t('Export {0} as', t.name) },
        ))?.format;
      if (!format) return;
      const ext = format === 'csv' ? 'csv' : 'md';
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      const fileName = `${t.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'export'}.${ext}`;
      const uri = preset?.uri ?? (await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export {0}', t.name), saveLabel: vscode.l10n.t('Export'), filters: { [format === 'csv' ? vscode.l10n.t('CSV') : vscode.l10n.t('Markdown')]: [ext] }, ...(base ? { defaultUri: vscode.Uri.joinPath(base, fileName) } : {}) }));
      if (!uri) return;
      const filter = views.filters?.get(t.filterTarget, t.id);
      const query = filter ? buildQuery(filter, { now: Date.now(), memberId: data.session?.memberId }) : undefined;
      const headings = { record: vscode.l10n.t('Record'), recordId: vscode.l10n.t('Record ID'), entryId: vscode.l10n.t('Entry ID') };
      const rows = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}', t.name), cancellable: true }, async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          const table = await data.exporter.table(t.target, query, headings, { signal: abort.signal, progress: n => progress.report({ message: vscode.l10n.t('{0} rows read', n) }) });
          await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(format === 'csv' ? toCsv(table) : toMarkdownTable(table)));
          return table.rows.length;
        } finally {
          sub.dispose();
        }
      });
      done(`$(export) ${vscode.l10n.t('Exported {0} rows of {1}', rows, t.name)}`);
      return rows;
    },
  };
}
