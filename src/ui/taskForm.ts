import * as vscode from 'vscode';
import type { AttioTask } from '../attio';
import type { Logger } from '../common/log';
import type { ErrorView } from '../session/errorReporter';
import { memberDisplayName, type WorkspaceData } from '../data';
import { pickRecord } from './recordPicker';

const MAX_CONTENT = 2000;

interface DeadlineItem extends vscode.QuickPickItem {
  at?: () => Date | null;
  custom?: boolean;
}

function endOfDay(d: Date): Date {
  const x = new Date(d);
  x.setHours(17, 0, 0, 0);
  return x;
}

function addDays(n: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return endOfDay(d);
}

/** Parses `YYYY-MM-DD` (local 17:00) or `YYYY-MM-DD HH:mm`. */
export function parseDeadline(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const d = new Date(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 17, m[5] ? +m[5] : 0);
  return d.getMonth() === +m[2] - 1 ? d : undefined;
}

/** Most characters Attio keeps in a task's content (OpenAPI: `content` ≤ 2000). */
export const MAX_TASK_CONTENT = MAX_CONTENT;

export interface TaskFlowOptions {
  /** The task's content, decided already (a selection, a TODO comment): the form starts at the deadline. */
  content?: string;
}

/**
 * "Attio: Create Task": content, deadline, assignees (members, "me" preselected) and an optional linked
 * record found by search. The new task is put into the cached groups (no reload).
 */
export async function createTaskFlow(
  data: WorkspaceData,
  describeError: (e: unknown, feature: string) => ErrorView,
  log: Logger,
  preset?: { object: string; recordId: string; title: string },
  options: TaskFlowOptions = {},
): Promise<AttioTask | undefined> {
  const steps = (options.content === undefined ? 1 : 0) + 2 + (preset ? 0 : 1);
  let step = 0;
  const title = (what: string): string => `Create Attio Task (${++step}/${steps}): ${what}`;
  const content =
    options.content ??
    (await vscode.window.showInputBox({
      title: title('what needs doing?'),
      prompt: preset ? `Linked to ${preset.title}` : undefined,
      placeHolder: 'Follow up on the proposal',
      ignoreFocusOut: true,
      validateInput: v => (!v.trim() ? 'Enter the task' : v.length > MAX_CONTENT ? `At most ${MAX_CONTENT} characters` : undefined),
    }));
  if (content === undefined) return undefined;
  if (!content.trim() || content.length > MAX_CONTENT) throw new Error(`A task needs 1 to ${MAX_CONTENT} characters of content (this one has ${content.length}).`);
  const about = options.content === undefined ? undefined : oneLine(content);

  const fmt = (d: Date): string => d.toLocaleDateString(vscode.env.language, { weekday: 'short', day: 'numeric', month: 'short' });
  const deadlines: DeadlineItem[] = [
    { label: 'No deadline', at: () => null },
    { label: 'Today', description: fmt(addDays(0)), at: () => addDays(0) },
    { label: 'Tomorrow', description: fmt(addDays(1)), at: () => addDays(1) },
    { label: 'In 3 days', description: fmt(addDays(3)), at: () => addDays(3) },
    { label: 'Next week', description: fmt(addDays(7)), at: () => addDays(7) },
    { label: 'Pick a date…', custom: true },
  ];
  const deadlineTitle = title('deadline');
  const dl = await vscode.window.showQuickPick(deadlines, { title: deadlineTitle, placeHolder: about, ignoreFocusOut: true });
  if (!dl) return undefined;
  let deadline: Date | null;
  if (dl.custom) {
    const text = await vscode.window.showInputBox({
      title: deadlineTitle,
      placeHolder: 'YYYY-MM-DD or YYYY-MM-DD HH:mm',
      ignoreFocusOut: true,
      validateInput: v => (parseDeadline(v) ? undefined : 'Use YYYY-MM-DD or YYYY-MM-DD HH:mm'),
    });
    if (text === undefined) return undefined;
    deadline = parseDeadline(text)!;
  } else deadline = dl.at!();

  let assigneeIds: string[] = [];
  try {
    const members = await data.members.list();
    const me = data.session?.memberId;
    const picked = await vscode.window.showQuickPick(
      members.map(m => ({
        label: memberDisplayName(m) ?? m.id.workspace_member_id,
        description: m.id.workspace_member_id === me ? 'you' : (m.email_address ?? undefined),
        picked: m.id.workspace_member_id === me,
        id: m.id.workspace_member_id,
      })),
      { title: title('assignees'), canPickMany: true, ignoreFocusOut: true, placeHolder: 'Choose who does it (none is fine)' },
    );
    if (!picked) return undefined;
    assigneeIds = picked.map(p => p.id);
  } catch (e) {
    const view = describeError(e, 'Task assignees');
    if (view.kind === 'cancelled') return undefined;
    log.warn(`members unavailable: ${view.message}`);
    void vscode.window.showWarningMessage(`Attio: cannot list workspace members (${view.message}); the task will be unassigned.`);
  }

  let linked: { targetObject: string; targetRecordId: string }[] = [];
  if (preset) linked = [{ targetObject: preset.object, targetRecordId: preset.recordId }];
  else {
    const rec = await pickRecord(data, { title: title('link a record'), skipLabel: 'No linked record' }, describeError, log);
    if (rec === undefined) return undefined;
    if (rec !== 'skip') linked = [{ targetObject: rec.object_slug, targetRecordId: rec.id.record_id }];
  }

  const task = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Creating Attio task…' }, () =>
    data.tasks.create({ content: content.trim(), deadlineAt: deadline ? deadline.toISOString() : null, assigneeIds, linkedRecords: linked }),
  );
  log.info(`created task ${task.id.task_id}`);
  void vscode.window.setStatusBarMessage('$(check) Attio task created', 4000);
  return task;
}

/** The first line of a text, at most 80 characters (what a picker's placeholder can show of a task). */
function oneLine(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0];
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
