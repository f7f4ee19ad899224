/**
 * Meetings linked to a record (`meeting:read`), a meeting's call recordings and a recording's transcript
 * (`call_recording:read`). Meetings: one request per record (the 50 newest), recordings one per meeting, a transcript
 * one per page Attio returns (followed until the last); all cached. Without the scopes the parts are unavailable
 * (surfaces leave them out), not errors.
 */
import { hasScope, type AttioCallRecording, type AttioMeeting, type AttioTranscriptSegment } from '../attio';
import type { DataContext } from './context';
import { formatDate, formatTimestamp, type RenderContext } from './format';
import { Keys, type Transcript } from './keys';

/**
 * When a meeting starts, as a person reads it: date and time, or for an all-day meeting (`start.date`,
 * `2026-03-10`) only that date. A date is a calendar day, not midnight UTC: read as a time it showed the day before
 * west of UTC ("Mar 9, 2026, 8:00 PM" in New York). Every surface that shows meetings says it this way.
 */
export function formatMeetingStart(meeting: Pick<AttioMeeting, 'start'>, ctx: Pick<RenderContext, 'locale' | 'timeZone'>): string {
  if (meeting.start.datetime) return formatTimestamp(meeting.start.datetime, ctx);
  return meeting.start.date ? formatDate(meeting.start.date, ctx) : '';
}

/** A transcript longer than this many pages is cut (a 10-hour call is still far below). */
const MAX_PAGES = 200;

export class MeetingsData {
  private readonly seen = new Map<string, AttioMeeting>();

  constructor(private readonly ctx: DataContext) {
    ctx.onReset(() => this.seen.clear());
  }

  private can(...scopes: string[]): boolean {
    const s = this.ctx.session;
    return !!s && (!s.scopes || scopes.every(x => hasScope(new Set(s.scopes), x)));
  }

  get available(): boolean {
    return this.can('meeting:read', 'record_permission:read');
  }

  get recordingsAvailable(): boolean {
    return this.can('meeting:read', 'call_recording:read');
  }

  /** Meetings linked to a record, newest first. */
  async list(object: string, recordId: string): Promise<{ value: AttioMeeting[]; stale?: { error: unknown } }> {
    const client = this.ctx.client();
    const r = await this.ctx.cache.get(Keys.meetings(object, recordId), async signal => (await client.listMeetings(object, recordId, { limit: 50 }, signal)).items);
    for (const m of r.value) this.seen.set(m.id.meeting_id, m);
    return r;
  }

  /** A meeting seen in a list. */
  meeting(id: string): AttioMeeting | undefined {
    return this.seen.get(id);
  }

  async recordings(meetingId: string): Promise<{ value: AttioCallRecording[]; stale?: { error: unknown } }> {
    const client = this.ctx.client();
    return this.ctx.cache.get(Keys.callRecordings(meetingId), signal => client.listCallRecordings(meetingId, signal));
  }

  /** The whole transcript, page after page as Attio pages it. */
  async transcript(meetingId: string, recordingId: string): Promise<Transcript> {
    const client = this.ctx.client();
    const r = await this.ctx.cache.get(Keys.transcript(meetingId, recordingId), async signal => {
      const segments: AttioTranscriptSegment[] = [];
      let cursor: string | undefined;
      let webUrl: string | null = null;
      let pages = 0;
      do {
        const page = await client.getTranscriptPage(meetingId, recordingId, cursor, signal);
        segments.push(...page.segments);
        webUrl ??= page.webUrl;
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < MAX_PAGES);
      return { segments, webUrl, pages };
    });
    return r.value;
  }
}
