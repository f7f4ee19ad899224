/** The commands of the Objects, Lists and Tasks views and their items, as one table. */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import { Configuration, type TaskGrouping } from '../common/config';
import { Commands, DevCommands, TreeCommands } from '../constants';
import type { WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import { detailUri, parseDetailUri } from '../detail/uris';
import type { Logger } from '../common/log';
import { lazyModule } from '../platform';
import type * as Pickers from '../ui/pickers.lazy';
import type { ErrorView } from '../session/errorReporter';
import type { SidebarViews } from './controller';
import { ObjectNode, RecordNode } from './nodes/objects';
import { TaskNode } from './nodes/tasks';
import { LoadMoreNode, MessageNode } from './nodes/treeNode';
import { AttributesNode } from './nodes/attributes';

/** The record picker and task form load when a command first needs them (`pickers().x(...)` awaits the load). */
const pickersModule = lazyModule<typeof Pickers>('pickers.lazy', () => require('../ui/pickers.lazy'));
const pickers = (): Pick<typeof Pickers, 'pickRecord' | 'createTaskFlow'> => ({
  pickRecord: async (...a) => (await pickersModule.load()).pickRecord(...a),
  createTaskFlow: async (...a) => (await pickersModule.load()).createTaskFlow(...a),
});

export interface ViewCommandDeps {
  views: SidebarViews;
  data: WorkspaceData;
  details: DetailDocuments;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
}

export function viewCommands({ views, data, details, describeError, log }: ViewCommandDeps): CommandTable {
  const copy = async (text: string | undefined, copied: string): Promise<void> => {
    if (!text) return;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(`$(copy) ${copied}`, 3000);
  };

  const openDetail = async (arg: unknown): Promise<void> => {
    let uri: vscode.Uri | undefined;
    if (arg instanceof vscode.Uri) uri = arg;
    else if (typeof arg === 'string') uri = vscode.Uri.parse(arg);
    else if (arg && typeof arg === 'object' && 'kind' in arg) uri = detailUri(arg as Parameters<typeof detailUri>[0]);
    else uri = views.nodeOf(arg)?.detail();
    if (!uri || !parseDetailUri(uri)) return;
    await details.open(uri);
  };

  const setTaskDone = async (arg: unknown, done: boolean): Promise<void> => {
    const node = views.nodeOf(arg);
    if (!(node instanceof TaskNode)) return;
    const task = await vscode.window.withProgress({ location: { viewId: node.viewId } }, () => data.tasks.setCompleted(node.task.id.task_id, done));
    details.refreshOpen(u => u.path.startsWith(`/tasks/${task.id.task_id}/`));
    void vscode.window.setStatusBarMessage(done ? `$(check) ${vscode.l10n.t('Task completed')}` : `$(circle-large-outline) ${vscode.l10n.t('Task reopened')}`, 3000);
  };

  const search = async (objects?: string[], label?: string): Promise<void> => {
    const picked = await pickers().pickRecord(data, { objects, title: label ? vscode.l10n.t({ message: 'Search {0}', args: [label], comment: '{0}: object, e.g. Companies' }) : vscode.l10n.t('Search Attio Records') }, describeError, log);
    if (picked && picked !== 'skip') await details.open(detailUri({ kind: 'record', object: picked.object_slug, id: picked.id.record_id, name: picked.record_text }));
  };

  return {
    [Commands.refresh]: () => views.refresh(),
    [TreeCommands.refreshObjects]: () => views.refresh('objects'),
    [TreeCommands.refreshLists]: () => views.refresh('lists'),
    [TreeCommands.refreshTasks]: () => views.refresh('tasks'),
    [TreeCommands.loadMore]: (arg: unknown) => {
      if (!(arg instanceof LoadMoreNode) || !arg.parent) return;
      data.loadMore(arg.paged);
      views.providerOf(arg)?.refresh(arg.parent);
    },
    [TreeCommands.retry]: (arg: unknown) => {
      if (arg instanceof MessageNode) views.providerOf(arg)?.refresh(arg.parent);
    },
    [TreeCommands.openDetail]: openDetail,
    [TreeCommands.openInAttio]: async (arg: unknown) => {
      const url = views.nodeOf(arg)?.webUrl();
      if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
    },
    [TreeCommands.copyId]: (arg: unknown) => copy(views.nodeOf(arg)?.attioId(), vscode.l10n.t('Copied ID')),
    [TreeCommands.copyUrl]: (arg: unknown) => copy(views.nodeOf(arg)?.webUrl(), vscode.l10n.t('Copied URL')),
    [TreeCommands.searchRecords]: () => search(),
    [TreeCommands.searchInObject]: async (arg: unknown) => {
      let node = views.nodeOf(arg);
      if (node instanceof RecordNode && node.parent instanceof ObjectNode) node = node.parent;
      if (node instanceof ObjectNode) return search([node.slug], node.object.plural_noun ?? node.slug);
      const objects = (await data.records.objects()).value;
      const pick = await vscode.window.showQuickPick(
        objects.map(o => ({ label: o.plural_noun ?? o.api_slug ?? o.id.object_id, slug: o.api_slug ?? o.id.object_id })),
        { title: vscode.l10n.t('Search in which object?') },
      );
      if (pick) await search([pick.slug], pick.label);
    },
    [DevCommands.showArchivedAttributes]: (arg: unknown) => {
      if (!(arg instanceof AttributesNode)) return;
      arg.toggleArchived();
      views.providerOf(arg)?.refresh(arg);
    },
    [TreeCommands.completeTask]: (arg: unknown) => setTaskDone(arg, true),
    [TreeCommands.reopenTask]: (arg: unknown) => setTaskDone(arg, false),
    [TreeCommands.createTask]: async (arg: unknown) => {
      const node = views.nodeOf(arg);
      const preset = node instanceof RecordNode ? { object: node.object, recordId: node.record.id.record_id, title: node.title } : undefined;
      await pickers().createTaskFlow(data, describeError, log, preset);
    },
    [TreeCommands.setTaskGrouping]: async () => {
      // each description is the setting's value as written in settings.json (l10n-ignore)
      const items: { label: string; description: string; value: TaskGrouping }[] = [
        { label: vscode.l10n.t('Grouped, "My open tasks" expanded'), description: 'mine', value: 'mine' }, // l10n-ignore: setting value
        { label: vscode.l10n.t('Grouped, "All open" expanded'), description: 'allOpen', value: 'allOpen' }, // l10n-ignore: setting value
        { label: vscode.l10n.t('Grouped, "Overdue" expanded'), description: 'overdue', value: 'overdue' }, // l10n-ignore: setting value
        { label: vscode.l10n.t('Flat list of open tasks'), description: 'flat', value: 'flat' }, // l10n-ignore: setting value
      ];
      const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Tasks view grouping'), placeHolder: vscode.l10n.t({ message: 'Current: {0}', args: [views.taskGrouping], comment: '{0}: a setting value' }) });
      if (pick) await Configuration.setTaskGrouping(pick.value);
    },
  };
}
