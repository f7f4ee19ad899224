/**
 * "Meetings" under a record: its meetings newest first (one request) with time and participants, each with its
 * call recordings (one request) when the token may read them; a completed recording opens its transcript.
 * Left out when the token cannot read meetings.
 */
import * as vscode from 'vscode';
import type { AttioCallRecording, AttioMeeting } from '../../attio';
import { TreeCommands } from '../../constants';
import { formatMeetingStart, formatTimestamp } from '../../data';
import { Collapsed, MessageNode, None, TreeNode, contextValue, ti, tooltips, type NodeContext } from './treeNode';

export class MeetingsSectionNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly object: string, readonly recordId: string) {
    super(ctx, parent, 'meetings');
  }

  override treeItem(): vscode.TreeItem {
    return ti(vscode.l10n.t('Meetings'), Collapsed, 'calendar', contextValue('meetings'));
  }

  override children(): Promise<TreeNode[]> {
    return this.load(vscode.l10n.t('Meetings'), () => this.ctx.data.meetings.list(this.object, this.recordId), ms =>
      ms.length ? ms.map(m => new MeetingNode(this.ctx, this, m)) : [new MessageNode(this.ctx, this, 'empty', vscode.l10n.t('No meetings'))],
    );
  }
}

export class MeetingNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly meeting: AttioMeeting) {
    super(ctx, parent, `meeting:${meeting.id.meeting_id}`);
  }

  private get when(): string {
    return formatMeetingStart(this.meeting, this.ctx);
  }

  override treeItem(): vscode.TreeItem {
    const n = this.meeting.participants.length;
    const rec = this.ctx.data.meetings.recordingsAvailable;
    return ti(this.meeting.title || vscode.l10n.t('Untitled meeting'), rec ? Collapsed : None, 'calendar', contextValue('meeting'), [this.when, n === 1 ? vscode.l10n.t('1 participant') : vscode.l10n.t('{0} participants', n)].filter(Boolean).join(' · '));
  }

  override children(): Promise<TreeNode[]> {
    return this.load(vscode.l10n.t('Call recordings'), () => this.ctx.data.meetings.recordings(this.meeting.id.meeting_id), rs =>
      rs.length ? rs.map(r => new RecordingNode(this.ctx, this, this.meeting, r)) : [new MessageNode(this.ctx, this, 'empty', vscode.l10n.t('No call recordings'))],
    );
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().meeting(this.meeting, this.when);
  }

  override attioId(): string {
    return this.meeting.id.meeting_id;
  }
}

export class RecordingNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly meeting: AttioMeeting, readonly recording: AttioCallRecording) {
    super(ctx, parent, `rec:${recording.id.call_recording_id}`);
  }

  get done(): boolean {
    return this.recording.status === 'completed';
  }

  override treeItem(): vscode.TreeItem {
    const open = this.done ? { command: TreeCommands.openTranscript, title: vscode.l10n.t('Open Transcript'), arguments: [this] } : undefined;
    return ti(vscode.l10n.t('Call recording'), None, this.done ? 'record' : 'loading', contextValue('recording', ...(this.done ? ['transcript'] : [])), `${this.recording.status} · ${formatTimestamp(this.recording.created_at, this.ctx)}`, open);
  }

  override attioId(): string {
    return this.recording.id.call_recording_id;
  }

  override webUrl(): string | undefined {
    const u = this.recording.web_url;
    return u && /^https?:/i.test(u) ? u : undefined;
  }
}

/** The Meetings section of a record, when the token can read meetings. */
export function meetingRows(ctx: NodeContext, parent: TreeNode, object: string, recordId: string): TreeNode[] {
  return ctx.data.meetings.available ? [new MeetingsSectionNode(ctx, parent, object, recordId)] : [];
}
