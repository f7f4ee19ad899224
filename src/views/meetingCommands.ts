/** "Open Transcript" on a completed call recording (or given `{meetingId, recordingId, title}`). */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import type { TranscriptDocuments } from '../detail/transcripts';
import { transcriptUriString, type TranscriptTarget } from '../detail/transcript';
import type { SidebarViews } from './controller';
import { RecordingNode } from './nodes/meetings';

export function meetingCommands(views: SidebarViews, transcripts: TranscriptDocuments): CommandTable {
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
