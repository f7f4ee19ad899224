/**
 * From the editor to Attio: insert a record link at each cursor, create a task from the selection or a TODO
 * comment, add the selection to a record as a note. Writes are scope-aware: without the scope a command says which
 * one to add (and the scope error is recorded for "Show Scope Errors").
 */
import * as vscode from 'vscode';
import { MissingScopeError, assessScopes, endpointScopes, type AttioNote, type AttioTask, type Feature } from '../attio';
import { Commands, EditorCommands } from '../constants';
import type { WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import { detailUri } from '../detail/uris';
import { pickRecord } from '../ui/recordPicker';
import { MAX_TASK_CONTENT, createTaskFlow } from '../ui/taskForm';
import type { CommandTable } from '../common/commands';
import type { ErrorView } from '../session/errorReporter';
import type { Logger } from '../common/log';
import { recordLinkText, selectionTitle, type LinkFormat } from './format';
import { offer } from './linkCommands';

export interface SelectionCommandDeps {
  data: WorkspaceData;
  details: DetailDocuments;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
  /** Scopes of the active session; undefined when signed out. */
  scopes: () => readonly string[] | undefined;
  linkFormat: () => LinkFormat;
}

/** Fields of a task decided without the form (an automation or a test passes them; people get the form). */
export interface TaskFields {
  deadlineAt?: string | null;
  assigneeIds?: string[];
  linkedRecords?: { targetObject: string; targetRecordId: string }[];
}

interface RecordChoice {
  object: string;
  recordId: string;
  /** The record's title, when known. */
  title?: string;
  /** A note's title, decided by the caller (no prompt). */
  noteTitle?: string;
}

/** What `attio.createTaskFromTodo` receives from the quick fix. */
export interface TodoArgs {
  content: string;
}

/** The text of every non-empty selection, in document order, joined by `separator`. */
function selectedText(editor: vscode.TextEditor, separator: string): string {
  return [...editor.selections]
    .sort((a, b) => a.start.compareTo(b.start))
    .map(s => editor.document.getText(s))
    .filter(t => t.trim() !== '')
    .join(separator);
}

/** A record chosen by the caller (menus pass the document's URI instead, which is not one). */
function recordChoice(arg: unknown): RecordChoice | undefined {
  const a = arg as Partial<RecordChoice> | undefined;
  if (!a || typeof a.object !== 'string' || typeof a.recordId !== 'string') return undefined;
  return {
    object: a.object,
    recordId: a.recordId,
    ...(typeof a.title === 'string' ? { title: a.title } : {}),
    ...(typeof a.noteTitle === 'string' ? { noteTitle: a.noteTitle } : {}),
  };
}

/** Task fields given by the caller, when the argument is that and not a menu's URI. */
function taskFields(arg: unknown): TaskFields | undefined {
  if (!arg || typeof arg !== 'object' || arg instanceof vscode.Uri) return undefined;
  return 'deadlineAt' in arg || 'assigneeIds' in arg || 'linkedRecords' in arg ? (arg as TaskFields) : undefined;
}

const plural = (n: number, what: string): string => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

export function selectionCommands(d: SelectionCommandDeps): CommandTable {
  /** True when the token can do `feature`; otherwise says which scope to add (and records the scope error). */
  const requireScope = async (feature: Feature, endpoint: 'POST /v2/tasks' | 'POST /v2/notes', what: string): Promise<boolean> => {
    const scopes = d.scopes();
    if (!scopes) {
      offer(vscode.window.showInformationMessage, `Attio: sign in to ${what}.`, { 'Sign In': () => vscode.commands.executeCommand(Commands.signIn) });
      return false;
    }
    const assessed = assessScopes(scopes.join(' ')).find(f => f.feature === feature);
    if (!assessed || assessed.ok) return true;
    const view = d.describeError(new MissingScopeError(endpoint, assessed.missing, [...endpointScopes[endpoint]]), what[0].toUpperCase() + what.slice(1));
    const message = view.kind === 'cancelled' ? '' : view.message;
    offer(vscode.window.showWarningMessage, `Attio: ${message} Add it to the token in Attio (Workspace settings → Developers → the token's scopes), then sign in again.`, {
      'Verify Connection': () => vscode.commands.executeCommand(Commands.verifyConnection),
    });
    return false;
  };

  const activeEditor = (purpose: string): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) void vscode.window.showInformationMessage(`Attio: open a file to ${purpose}.`);
    return editor;
  };

  const insertRecordLink = async (arg?: unknown): Promise<string | undefined> => {
    const editor = activeEditor('insert a record link into');
    if (!editor) return undefined;
    let choice = recordChoice(arg);
    if (!choice) {
      const picked = await pickRecord(d.data, { title: 'Insert Attio Record Link' }, d.describeError, d.log);
      if (!picked || picked === 'skip') return undefined;
      choice = { object: picked.object_slug, recordId: picked.id.record_id, title: picked.record_text };
    }
    const { object, recordId } = choice;
    const record = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Attio: looking up the record' }, () => d.data.records.get(object, recordId));
    const url = record.web_url ?? `${d.data.workspaceUrl()}/${object}/${recordId}`;
    const text = recordLinkText(choice.title ?? d.data.records.title(record, object), url, editor.document.languageId, d.linkFormat());
    const done = await editor.edit(eb => {
      for (const s of editor.selections) eb.replace(s, text);
    });
    if (!done) throw new Error('the editor did not take the link (it may be read-only).');
    return text;
  };

  /** Creates a task with this content: the form (deadline, assignees, record), or `fields` when given. */
  const createTask = async (content: string, fields: TaskFields | undefined, tooLong: () => void): Promise<AttioTask | undefined> => {
    if (!(await requireScope('taskWrites', 'POST /v2/tasks', 'create tasks'))) return undefined;
    const text = content.trim();
    if (text.length > MAX_TASK_CONTENT) {
      tooLong();
      return undefined;
    }
    if (!fields) return createTaskFlow(d.data, d.describeError, d.log, undefined, { content: text });
    const task = await d.data.tasks.create({ content: text, deadlineAt: fields.deadlineAt ?? null, assigneeIds: fields.assigneeIds ?? [], linkedRecords: fields.linkedRecords ?? [] });
    d.log.info(`created task ${task.id.task_id}`);
    return task;
  };

  const createTaskFromSelection = async (arg?: unknown): Promise<AttioTask | undefined> => {
    const editor = activeEditor('create a task from its selection');
    if (!editor) return undefined;
    const content = selectedText(editor, '\n');
    if (!content.trim()) {
      void vscode.window.showInformationMessage('Attio: select the text that says what needs doing, then run Create Task from Selection.');
      return undefined;
    }
    return createTask(content, taskFields(arg), () =>
      offer(
        vscode.window.showWarningMessage,
        `Attio: the selection has ${plural(content.trim().length, 'character')}; a task holds at most ${MAX_TASK_CONTENT.toLocaleString('en-US')}. Select less, or add the text to a record as a note.`,
        { 'Add as Note…': () => vscode.commands.executeCommand(EditorCommands.addSelectionAsNote) },
      ),
    );
  };

  const createTaskFromTodo = async (arg: TodoArgs | undefined, fields?: unknown): Promise<AttioTask | undefined> => {
    if (!arg || typeof arg.content !== 'string' || !arg.content.trim()) return undefined;
    return createTask(arg.content, taskFields(fields), () =>
      void vscode.window.showWarningMessage(`Attio: this comment has ${plural(arg.content.trim().length, 'character')}; a task holds at most ${MAX_TASK_CONTENT.toLocaleString('en-US')}.`),
    );
  };

  const addSelectionAsNote = async (arg?: unknown): Promise<AttioNote | undefined> => {
    const editor = activeEditor('add its selection as a note');
    if (!editor) return undefined;
    const content = selectedText(editor, '\n\n');
    if (!content.trim()) {
      void vscode.window.showInformationMessage('Attio: select the text to add as a note, then run Add Selection as Note to Record.');
      return undefined;
    }
    if (!(await requireScope('noteWrites', 'POST /v2/notes', 'add notes'))) return undefined;
    const given = recordChoice(arg);
    let choice = given;
    if (!choice) {
      const picked = await pickRecord(d.data, { title: 'Add Selection as Note (1/2): to which record?' }, d.describeError, d.log);
      if (!picked || picked === 'skip') return undefined;
      choice = { object: picked.object_slug, recordId: picked.id.record_id, title: picked.record_text };
    }
    const sel = editor.selections.filter(s => !s.isEmpty);
    const first = Math.min(...sel.map(s => s.start.line));
    const last = Math.max(...sel.map(s => (s.end.character === 0 && s.end.line > s.start.line ? s.end.line - 1 : s.end.line)));
    const fileName = editor.document.uri.path.split('/').pop() || 'Untitled';
    const defaultTitle = selectionTitle(fileName, first, last);
    const title =
      given?.noteTitle ??
      (await vscode.window.showInputBox({
        title: 'Add Selection as Note (2/2): title',
        prompt: choice.title ? `A note on ${choice.title}` : undefined,
        value: defaultTitle,
        ignoreFocusOut: true,
        validateInput: v => (v.trim() ? undefined : 'Give the note a title'),
      }));
    if (title === undefined) return undefined;
    const { object, recordId } = choice;
    let note: AttioNote;
    try {
      note = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Adding the note to Attio…' }, () =>
        d.data.notes.create({ parentObject: object, parentRecordId: recordId, title: title.trim(), format: 'markdown', content }),
      );
    } catch (e) {
      if ((e as { status?: number }).status === 413) throw new Error(`the selection (${plural(content.length, 'character')}) is too large for an Attio note. Select less.`);
      throw e;
    }
    d.log.info(`added note ${note.id.note_id} to ${object} ${recordId}`);
    const name = choice.title ?? d.data.records.titleOf(object, recordId) ?? 'the record';
    offer(vscode.window.showInformationMessage, `Attio: note added to ${name}.`, { 'Open Record': () => d.details.open(detailUri({ kind: 'record', object, id: recordId, name })) });
    return note;
  };

  return {
    [EditorCommands.insertRecordLink]: insertRecordLink,
    [EditorCommands.createTaskFromSelection]: createTaskFromSelection,
    [EditorCommands.createTaskFromTodo]: createTaskFromTodo,
    [EditorCommands.addSelectionAsNote]: addSelectionAsNote,
  };
}
