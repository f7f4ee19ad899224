/**
 * The sidebar's commands (the Objects, Lists and Tasks views and their items: refresh, open, copy, search, tasks,
 * filters, comments, pins, transcripts), in the lazy part `sidebar` (with the pickers and the filter builder they use),
 * loaded on the first of them; activation registers their ids only (viewCommands.ts, filterCommands.ts,
 * commentCommands.ts, pinCommands.ts, meetingCommands.ts). The node classes come in as arguments: a class of this
 * bundle's own would fail every `instanceof`.
 */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import type { Configuration, TaskGrouping } from '../common/config';
import type { Logger } from '../common/log';
import { Commands, DevCommands, TreeCommands } from '../constants';
import type { CommentTarget, WorkspaceData } from '../data';
import { parseRecordFilter } from '../data/recordFilter';
import type { DetailDocuments } from '../detail/provider';
import { transcriptUriString, type TranscriptTarget } from '../detail/transcript';
import type { TranscriptDocuments } from '../detail/transcripts';
import { detailUri, parseDetailUri } from '../detail/uris';
import type { ErrorView } from '../session/errorReporter';
import { pickRecord } from '../ui/recordPicker';
import { createTaskFlow } from '../ui/taskForm';
import type { SidebarViews } from './controller';
import { askFilter } from './filterBuilder';
import type { AttributesNode } from './nodes/attributes';
import type { EntryNode, ListNode } from './nodes/lists';
import type { ObjectNode, RecordEntryNode, RecordNode } from './nodes/objects';
import type { RecordingNode } from './nodes/meetings';
import type { MissingPinNode } from './nodes/pinned';
import type { TaskNode } from './nodes/tasks';
import type { ValueNode } from './nodes/values';
import type { FilterTarget, LoadMoreNode, MessageNode, TreeNode } from './nodes/treeNode';

/** The classes of the main bundle's nodes the commands tell apart. */
export interface SidebarNodes {
  AttributesNode: typeof AttributesNode;
  EntryNode: typeof EntryNode;
  ListNode: typeof ListNode;
  LoadMoreNode: typeof LoadMoreNode;
  MessageNode: typeof MessageNode;
  MissingPinNode: typeof MissingPinNode;
  ObjectNode: typeof ObjectNode;
  RecordEntryNode: typeof RecordEntryNode;
  RecordNode: typeof RecordNode;
  RecordingNode: typeof RecordingNode;
  TaskNode: typeof TaskNode;
  ValueNode: typeof ValueNode;
}

/** What the main bundle hands over besides a surface's own collaborators. */
export interface SidebarShared {
  nodes: SidebarNodes;
  configuration: Pick<typeof Configuration, 'setTaskGrouping'>;
}

export interface ViewCommandDeps {
  views: SidebarViews;
  data: WorkspaceData;
  details: DetailDocuments;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
}

export function viewCommands({ views, data, details, describeError, log }: ViewCommandDeps, { nodes, configuration }: SidebarShared): CommandTable {
  const { AttributesNode, LoadMoreNode, MessageNode, ObjectNode, RecordNode, TaskNode } = nodes;
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
    const picked = await pickRecord(data, { objects, title: label ? vscode.l10n.t({ message: 'Search {0}', args: [label], comment: '{0}: object, e.g. Companies' }) : vscode.l10n.t('Search Attio Records') }, describeError, log);
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
      await createTaskFlow(data, describeError, log, preset);
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
      if (pick) await configuration.setTaskGrouping(pick.value);
    },
  };
}

export interface FilterCommandDeps {
  views: SidebarViews;
  data: WorkspaceData;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
}

/** "Filter…" and "Clear Filter" on an object or a list (and on a record, for its object). */
export function filterCommands({ views, data, describeError, log }: FilterCommandDeps, { nodes }: SidebarShared): CommandTable {
  const { ListNode, ObjectNode, RecordNode } = nodes;
  const targetOf = (node: TreeNode | undefined): { node: ObjectNode | ListNode; target: FilterTarget; id: string; name: string } | undefined => {
    if (node instanceof RecordNode && node.parent instanceof ObjectNode) node = node.parent;
    if (node instanceof ObjectNode) return { node, target: 'objects', id: node.slug, name: node.object.plural_noun ?? node.slug };
    if (node instanceof ListNode) return { node, target: 'lists', id: node.list.id.list_id, name: node.list.name };
    return undefined;
  };
  return {
    /** With a second argument (a filter, as recordFilter.ts defines it), applies it without asking. */
    [TreeCommands.filter]: async (arg: unknown, given?: unknown) => {
      const t = targetOf(views.nodeOf(arg));
      if (!t || !views.filters) return;
      let next = given === undefined ? undefined : parseRecordFilter(given);
      if (given !== undefined && !next) throw new Error(vscode.l10n.t('That is not a filter this version understands'));
      if (!next) {
        next = await askFilter(data, t.target, t.id, t.name, views.filters.get(t.target, t.id), describeError, log);
        if (!next) return;
      }
      await views.filters.set(t.target, t.id, next);
      await views.providerOf(t.node)?.view.reveal(t.node, { expand: true }).then(undefined, () => undefined);
    },
    [TreeCommands.clearFilter]: async (arg: unknown) => {
      const t = targetOf(views.nodeOf(arg));
      if (t && views.filters) await views.filters.set(t.target, t.id, undefined);
      void vscode.window.setStatusBarMessage(`$(clear-all) ${vscode.l10n.t('Filter cleared')}`, 3000);
    },
  };
}

/** "Add Comment" on a record or a list entry (shown only when the token may write comments). */
export function commentCommands(views: SidebarViews, data: WorkspaceData, details: DetailDocuments, { nodes }: SidebarShared): CommandTable {
  const { EntryNode, RecordEntryNode, RecordNode } = nodes;
  const targetOf = (node: TreeNode | undefined): { target: CommentTarget; name: string } | undefined => {
    if (node instanceof RecordNode) return { target: { object: node.object, recordId: node.record.id.record_id }, name: node.title };
    if (node instanceof EntryNode) return { target: { list: node.list.id.list_id, entryId: node.entry.id.entry_id }, name: vscode.l10n.t({ message: '{0} in {1}', args: [node.title, node.list.name], comment: '{0}: record, {1}: list' }) };
    if (node instanceof RecordEntryNode) return { target: { list: node.listId, entryId: node.entryId }, name: node.listName };
    return undefined;
  };
  return {
    /** With a second argument (the text), adds it without asking. */
    [TreeCommands.addComment]: async (arg: unknown, given?: unknown) => {
      const node = views.nodeOf(arg);
      const t = targetOf(node);
      if (!node || !t) return;
      const text = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: vscode.l10n.t('Comment on {0}', t.name), prompt: vscode.l10n.t('Plain text; it starts a new thread in Attio'), validateInput: s => (s.trim() ? undefined : vscode.l10n.t('Write something')) });
      if (!text?.trim()) return;
      await vscode.window.withProgress({ location: { viewId: node.viewId } }, () => data.comments.add(t.target, text.trim()));
      views.providerOf(node)?.refresh(node);
      details.refreshOpen();
      void vscode.window.setStatusBarMessage(`$(comment) ${vscode.l10n.t('Comment added')}`, 3000);
    },
  };
}

/** "Pin" and "Unpin" on a record (the Pinned section at the top of the Objects view). */
export function pinCommands(views: SidebarViews, { nodes }: SidebarShared): CommandTable {
  const { MissingPinNode, RecordNode } = nodes;
  return {
    [TreeCommands.pinRecord]: async (arg: unknown) => {
      const node = views.nodeOf(arg);
      if (!(node instanceof RecordNode) || !views.pins) return;
      await views.pins.pin({ object: node.object, id: node.record.id.record_id });
      void vscode.window.setStatusBarMessage(`$(pinned) ${vscode.l10n.t('Pinned {0}', node.title)}`, 3000);
    },
    [TreeCommands.unpinRecord]: async (arg: unknown) => {
      const node = views.nodeOf(arg);
      const id = node instanceof RecordNode ? node.record.id.record_id : node instanceof MissingPinNode ? node.pin.id : undefined;
      if (id && views.pins) await views.pins.unpin(id);
    },
  };
}

/** "Open Transcript" on a completed call recording (or given `{meetingId, recordingId, title}`). */
export function meetingCommands(views: SidebarViews, transcripts: TranscriptDocuments, { nodes }: SidebarShared): CommandTable {
  const { RecordingNode } = nodes;
  return {
    [TreeCommands.openTranscript]: async (arg: unknown) => {
      const node = views.nodeOf(arg);
      let t: TranscriptTarget | undefined;
      if (node instanceof RecordingNode) t = { meetingId: node.meeting.id.meeting_id, recordingId: node.recording.id.call_recording_id, title: node.meeting.title };
      else if (arg && typeof arg === 'object' && 'meetingId' in arg && 'recordingId' in arg) t = arg as TranscriptTarget;
      if (t) await transcripts.open(vscode.Uri.parse(transcriptUriString(t)));
    },
  };
}
