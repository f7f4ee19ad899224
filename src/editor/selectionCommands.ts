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
import type { CommandArguments, CommandTable } from '../common/commands';
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
  /** Arguments that skip the pickers and forms (a record, a note's title, a task's fields): integration tests only. */
  args: Pick<CommandArguments, 'honour'>;
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

/** A count as the display language writes it (`12,345`, `12.345`). */
const count = (n: number): string => n.toLocaleString(vscode.env.language);

/** What a write needs and what is said without it: the feature (named in the scope error) and the sign-in prompt. */
interface WriteNeeds {
  feature: Feature;
  endpoint: 'POST /v2/tasks' | 'POST /v2/notes';
  /** The feature's name in a scope error ("Create tasks needs the task:read-write scope…"). */
  name: () => string;
  signedOut: () => string;
}

const TASK_WRITES: WriteNeeds = {
  feature: 'taskWrites',
  endpoint: 'POST /v2/tasks',
  name: () => vscode.l10n.t({ message: 'Create tasks', comment: 'the feature named in an error message, such as "Create tasks needs the task:read-write scope"' }),
  signedOut: () => vscode.l10n.t('Attio: sign in to create tasks.'),
};

const NOTE_WRITES: WriteNeeds = {
  feature: 'noteWrites',
  endpoint: 'POST /v2/notes',
  name: () => vscode.l10n.t({ message: 'Add notes', comment: 'the feature named in an error message, such as "Add notes needs the note:read-write scope"' }),
  signedOut: () => vscode.l10n.t('Attio: sign in to add notes.'),
};

export function selectionCommands(d: SelectionCommandDeps): CommandTable {
  /** True when the token can do what `needs` names; otherwise says which scope to add (and records the scope error). */
  const requireScope = async (needs: WriteNeeds): Promise<boolean> => {
    const scopes = d.scopes();
    if (!scopes) {
      offer(vscode.window.showInformationMessage, needs.signedOut(), { [vscode.l10n.t('Sign In')]: () => vscode.commands.executeCommand(Commands.signIn) });
      return false;
    }
    const assessed = assessScopes(scopes.join(' ')).find(f => f.feature === needs.feature);
    if (!assessed || assessed.ok) return true;
    const view = d.describeError(new MissingScopeError(needs.endpoint, assessed.missing, [...endpointScopes[needs.endpoint]]), needs.name());
    const message = view.kind === 'cancelled' ? '' : view.message;
    const advice = vscode.l10n.t({
      message: "Attio: {0} Add it to the token in Attio (Workspace settings → Developers → the token's scopes), then sign in again.",
      args: [message],
      comment: "{0} says which scope the token lacks; 'Workspace settings → Developers' are the names in Attio's web app",
    });
    offer(vscode.window.showWarningMessage, advice, { [vscode.l10n.t('Verify Connection')]: () => vscode.commands.executeCommand(Commands.verifyConnection) });
    return false;
  };

  /** The active editor; without one, `noEditor` (the message that says what a file is needed for) is shown. */
  const activeEditor = (noEditor: () => string): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) void vscode.window.showInformationMessage(noEditor());
    return editor;
  };

  const insertRecordLink = async (arg?: unknown): Promise<string | undefined> => {
    const editor = activeEditor(() => vscode.l10n.t('Attio: open a file to insert a record link into.'));
    if (!editor) return undefined;
    let choice = recordChoice(d.args.honour(arg));
    if (!choice) {
      const picked = await pickRecord(d.data, { title: vscode.l10n.t('Insert Attio Record Link') }, d.describeError, d.log);
      if (!picked || picked === 'skip') return undefined;
      choice = { object: picked.object_slug, recordId: picked.id.record_id, title: picked.record_text };
    }
    const { object, recordId } = choice;
    const record = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Attio: looking up the record') }, () => d.data.records.get(object, recordId));
    const url = record.web_url ?? `${d.data.workspaceUrl()}/${object}/${recordId}`;
    const text = recordLinkText(choice.title ?? d.data.records.title(record, object), url, editor.document.languageId, d.linkFormat());
    const done = await editor.edit(eb => {
      for (const s of editor.selections) eb.replace(s, text);
    });
    if (!done) throw new Error(vscode.l10n.t({ message: 'the editor did not take the link (it may be read-only).', comment: 'shown after "Attio: "' }));
    return text;
  };

  /** Creates a task with this content: the form (deadline, assignees, record), or `fields` when given. */
  const createTask = async (content: string, fields: TaskFields | undefined, tooLong: () => void): Promise<AttioTask | undefined> => {
    if (!(await requireScope(TASK_WRITES))) return undefined;
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
    const editor = activeEditor(() => vscode.l10n.t('Attio: open a file to create a task from its selection.'));
    if (!editor) return undefined;
    const content = selectedText(editor, '\n');
    if (!content.trim()) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t({ message: 'Attio: select the text that says what needs doing, then run Create Task from Selection.', comment: '"Create Task from Selection" is the command\'s title' }),
      );
      return undefined;
    }
    return createTask(content, taskFields(d.args.honour(arg)), () =>
      offer(
        vscode.window.showWarningMessage,
        vscode.l10n.t({
          message: 'Attio: the selection has {0} characters; a task holds at most {1}. Select less, or add the text to a record as a note.',
          args: [count(content.trim().length), count(MAX_TASK_CONTENT)],
          comment: '{0} is always more than {1} (a number in the thousands)',
        }),
        { [vscode.l10n.t('Add as Note…')]: () => vscode.commands.executeCommand(EditorCommands.addSelectionAsNote) },
      ),
    );
  };

  const createTaskFromTodo = async (arg: TodoArgs | undefined, fields?: unknown): Promise<AttioTask | undefined> => {
    if (!arg || typeof arg.content !== 'string' || !arg.content.trim()) return undefined;
    return createTask(arg.content, taskFields(d.args.honour(fields)), () =>
      void vscode.window.showWarningMessage(
        vscode.l10n.t({
          message: 'Attio: this comment has {0} characters; a task holds at most {1}.',
          args: [count(arg.content.trim().length), count(MAX_TASK_CONTENT)],
          comment: 'about a TODO comment; {0} is always more than {1} (a number in the thousands)',
        }),
      ),
    );
  };

  const addSelectionAsNote = async (arg?: unknown): Promise<AttioNote | undefined> => {
    const editor = activeEditor(() => vscode.l10n.t('Attio: open a file to add its selection as a note.'));
    if (!editor) return undefined;
    const content = selectedText(editor, '\n\n');
    if (!content.trim()) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t({ message: 'Attio: select the text to add as a note, then run Add Selection as Note to Record.', comment: '"Add Selection as Note to Record" is the command\'s title' }),
      );
      return undefined;
    }
    if (!(await requireScope(NOTE_WRITES))) return undefined;
    const given = recordChoice(d.args.honour(arg));
    let choice = given;
    if (!choice) {
      const picked = await pickRecord(d.data, { title: vscode.l10n.t('Add Selection as Note (1/2): to which record?') }, d.describeError, d.log);
      if (!picked || picked === 'skip') return undefined;
      choice = { object: picked.object_slug, recordId: picked.id.record_id, title: picked.record_text };
    }
    const sel = editor.selections.filter(s => !s.isEmpty);
    const first = Math.min(...sel.map(s => s.start.line));
    const last = Math.max(...sel.map(s => (s.end.character === 0 && s.end.line > s.start.line ? s.end.line - 1 : s.end.line)));
    const fileName = editor.document.uri.path.split('/').pop() || vscode.l10n.t({ message: 'Untitled', comment: 'the file name of an editor that has none, in a note\'s default title "Untitled:3"' });
    const defaultTitle = selectionTitle(fileName, first, last);
    const title =
      given?.noteTitle ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t({ message: 'Add Selection as Note (2/2): title', comment: 'the second step asks for the note\'s title' }),
        prompt: choice.title ? vscode.l10n.t({ message: 'A note on {0}', args: [choice.title], comment: '{0} is a record\'s name' }) : undefined,
        value: defaultTitle,
        ignoreFocusOut: true,
        validateInput: v => (v.trim() ? undefined : vscode.l10n.t('Give the note a title')),
      }));
    if (title === undefined) return undefined;
    const { object, recordId } = choice;
    let note: AttioNote;
    try {
      note = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Adding the note to Attio…') }, () =>
        d.data.notes.create({ parentObject: object, parentRecordId: recordId, title: title.trim(), format: 'markdown', content }),
      );
    } catch (e) {
      if ((e as { status?: number }).status === 413) {
        throw new Error(
          vscode.l10n.t({ message: 'the selection ({0} characters) is too large for an Attio note. Select less.', args: [count(content.length)], comment: 'shown after "Attio: "; {0} is a large number' }),
        );
      }
      throw e;
    }
    d.log.info(`added note ${note.id.note_id} to ${object} ${recordId}`);
    const name = choice.title ?? d.data.records.titleOf(object, recordId);
    const added = name ? vscode.l10n.t({ message: 'Attio: note added to {0}.', args: [name], comment: '{0} is a record\'s name' }) : vscode.l10n.t('Attio: note added to the record.');
    const page = detailUri({ kind: 'record', object, id: recordId, name: name ?? vscode.l10n.t({ message: 'Record', comment: 'the title of a record\'s detail page when its name is unknown' }) });
    offer(vscode.window.showInformationMessage, added, { [vscode.l10n.t('Open Record')]: () => d.details.open(page) });
    return note;
  };

  return {
    [EditorCommands.insertRecordLink]: insertRecordLink,
    [EditorCommands.createTaskFromSelection]: createTaskFromSelection,
    [EditorCommands.createTaskFromTodo]: createTaskFromTodo,
    [EditorCommands.addSelectionAsNote]: addSelectionAsNote,
  };
}
