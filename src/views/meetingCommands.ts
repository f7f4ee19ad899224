/** "Open Transcript" on a completed call recording: the id at activation, the handler in sidebarHandlers.ts. */
import type { CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import type { TranscriptDocuments } from '../detail/transcripts';
import type { SidebarViews } from './controller';
import { sidebarCommandTable } from './sidebarCommands';

/** Every command meetingCommands handles (a unit test checks it against the handlers' table). */
export const MEETING_COMMANDS = [TreeCommands.openTranscript] as const;

export function meetingCommands(views: SidebarViews, transcripts: TranscriptDocuments): CommandTable {
  return sidebarCommandTable(MEETING_COMMANDS, (m, s) => m.meetingCommands(views, transcripts, s));
}
