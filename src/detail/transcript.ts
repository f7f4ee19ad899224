/**
 * The read-only transcript document (`attio-transcript:/meetings/<id>/recordings/<id>/<title>.md`): speaker, time
 * and text of every segment, as Attio pages it (all pages are read). Speech is data: every Markdown mark escaped.
 * `vscode` only for `l10n.t`.
 */
import * as vscode from 'vscode';
import { Schemes } from '../constants';
import { formatMeetingStart, mdEscape, type WorkspaceData } from '../data';
import { plainTextMarkdown, webLink } from './inertMarkdown';

export interface TranscriptTarget {
  meetingId: string;
  recordingId: string;
  title: string;
}

const ID = /^[0-9A-Za-z-]{1,64}$/;

export function transcriptUriString(t: TranscriptTarget): string {
  const name = t.title.replace(/[\\/:*?"<>|#?%\u0000-\u001f]+/g, ' ').trim().slice(0, 80) || vscode.l10n.t('Transcript');
  return `${Schemes.transcript}:/meetings/${encodeURIComponent(t.meetingId)}/recordings/${encodeURIComponent(t.recordingId)}/${encodeURIComponent(`${name}.md`)}`;
}

export function parseTranscriptPath(path: string): TranscriptTarget | undefined {
  const m = /^\/meetings\/([^/]+)\/recordings\/([^/]+)\/([^/]*)$/.exec(path);
  if (!m) return undefined;
  const [meetingId, recordingId, file] = [m[1], m[2], m[3]].map(decodeURIComponent);
  if (!ID.test(meetingId) || !ID.test(recordingId)) return undefined;
  return { meetingId, recordingId, title: file.replace(/\.md$/, '') };
}

const clock = (s: number): string => {
  const t = Math.max(0, Math.floor(s));
  const h = Math.floor(t / 3600);
  const mm = String(Math.floor((t % 3600) / 60)).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(t % 60).padStart(2, '0')}`;
};

export async function renderTranscript(data: WorkspaceData, t: TranscriptTarget, opts: { locale?: string; timeZone?: string }): Promise<string> {
  const tr = await data.meetings.transcript(t.meetingId, t.recordingId);
  const meeting = data.meetings.meeting(t.meetingId);
  const when = meeting ? formatMeetingStart(meeting, opts) : '';
  const out = [`# ${vscode.l10n.t({ message: 'Transcript: {0}', args: [mdEscape(meeting?.title ?? t.title)], comment: '{0}: a meeting' })}`, ''];
  const n = tr.segments.length;
  const segments = n === 1 ? vscode.l10n.t({ message: '1 segment', comment: 'of a transcript' }) : vscode.l10n.t({ message: '{0} segments', args: [n], comment: 'of a transcript' });
  out.push([when, segments, tr.webUrl && /^https?:/i.test(tr.webUrl) ? webLink(vscode.l10n.t('Open in Attio'), tr.webUrl) : ''].filter(Boolean).join(' · '), '');
  if (!n) out.push(`*${vscode.l10n.t('No transcript (yet): the recording may still be processing.')}*`, '');
  for (const s of tr.segments) out.push(`**${mdEscape(s.speaker.name)}** · ${clock(s.start_time)}`, '', plainTextMarkdown(s.speech), '');
  return out.join('\n');
}
