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
  const title = (what: string): string =>
    vscode.l10n.t({ message: 'Create Attio Task ({0}/{1}): {2}', args: [++step, steps, what], comment: '{0}/{1}: step of steps, {2}: what this step asks' });
  const content =
    options.content ??
    (await vscode.window.showInputBox({
      title: title(vscode.l10n.t({ message: 'what needs doing?', comment: 'a step of Create Attio Task: the task itself' })),
      prompt: preset ? vscode.l10n.t({ message: 'Linked to {0}', args: [preset.title], comment: '{0}: a record' }) : undefined,
      placeHolder: vscode.l10n.t({ message: 'Follow up on the proposal', comment: 'an example task' }),
      ignoreFocusOut: true,
      validateInput: v => (!v.trim() ? vscode.l10n.t('Enter the task') : v.length > MAX_CONTENT ? vscode.l10n.t('At most {0} characters', MAX_CONTENT) : undefined),
    }));
  if (content === undefined) return undefined;
  if (!content.trim() || content.length > MAX_CONTENT) throw new Error(vscode.l10n.t('A task needs 1 to {0} characters of content (this one has {1}).', MAX_CONTENT, content.length));
  const about = options.content === undefined ? undefined : oneLine(content);

  const fmt = (d: Date): string => d.toLocaleDateString(vscode.env.language, { weekday: 'short', day: 'numeric', month: 'short' });
  const deadlines: DeadlineItem[] = [
    { label: vscode.l10n.t('No deadline'), at: () => null },
    { label: vscode.l10n.t('Today'), description: fmt(addDays(0)), at: () => addDays(0) },
    { label: vscode.l10n.t('Tomorrow'), description: fmt(addDays(1)), at: () => addDays(1) },
    { label: vscode.l10n.t('In 3 days'), description: fmt(addDays(3)), at: () => addDays(3) },
    { label: vscode.l10n.t('Next week'), description: fmt(addDays(7)), at: () => addDays(7) },
    { label: vscode.l10n.t('Pick a date…'), custom: true },
  ];
  const deadlineTitle = title(vscode.l10n.t({ message: 'deadline', comment: 'a step of Create Attio Task' }));
  const dl = await vscode.window.showQuickPick(deadlines, { title: deadlineTitle, placeHolder: about, ignoreFocusOut: true });
  if (!dl) return undefined;
  let deadline: Date | null;
  if (dl.custom) {
    const text = await vscode.window.showInputBox({
      title: deadlineTitle,
      placeHolder: vscode.l10n.t({ message: 'YYYY-MM-DD or YYYY-MM-DD HH:mm', comment: 'the formats to type; keep YYYY-MM-DD and HH:mm' }),
      ignoreFocusOut: true,
      validateInput: v => (parseDeadline(v) ? undefined : vscode.l10n.t({ message: 'Use YYYY-MM-DD or YYYY-MM-DD HH:mm', comment: 'the formats to type; keep YYYY-MM-DD and HH:mm' })),
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
        description: m.id.workspace_member_id === me ? vscode.l10n.t({ message: 'you', comment: 'the signed-in member in a list of members' }) : (m.email_address ?? undefined),
        picked: m.id.workspace_member_id === me,
        id: m.id.workspace_member_id,
      })),
      { title: title(vscode.l10n.t({ message: 'assignees', comment: 'a step of Create Attio Task' })), canPickMany: true, ignoreFocusOut: true, placeHolder: vscode.l10n.t('Choose who does it (none is fine)') },
    );
    if (!picked) return undefined;
    assigneeIds = picked.map(p => p.id);
  } catch (e) {
    const view = describeError(e, vscode.l10n.t('Task assignees'));
    if (view.kind === 'cancelled') return undefined;
    log.warn(`members unavailable: ${view.message}`);
    void vscode.window.showWarningMessage(vscode.l10n.t({ message: 'Attio: cannot list workspace members ({0}); the task will be unassigned.', args: [view.message], comment: '{0}: why' }));
  }

  let linked: { targetObject: string; targetRecordId: string }[] = [];
  if (preset) linked = [{ targetObject: preset.object, targetRecordId: preset.recordId }];
  else {
    const rec = await pickRecord(data, { title: title(vscode.l10n.t({ message: 'link a record', comment: 'a step of Create Attio Task' })), skipLabel: vscode.l10n.t('No linked record') }, describeError, log);
    if (rec === undefined) return undefined;
    if (rec !== 'skip') linked = [{ targetObject: rec.object_slug, targetRecordId: rec.id.record_id }];
  }

  const task = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating Attio task…') }, () =>
    data.tasks.create({ content: content.trim(), deadlineAt: deadline ? deadline.toISOString() : null, assigneeIds, linkedRecords: linked }),
  );
  log.info(`created task ${task.id.task_id}`);
  void vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Attio task created')}`, 4000);
  return task;
}

/** The first line of a text, at most 80 characters (what a picker's placeholder can show of a task). */
function oneLine(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0];
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
