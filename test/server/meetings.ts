/**
 * Meetings linked to records (`GET /v2/meetings`, `GET /v2/meetings/{meeting_id}`), their call recordings
 * (`GET …/call_recordings`, `GET …/call_recordings/{call_recording_id}`) and a recording's transcript
 * (`GET …/transcript`), cursor-paged as Attio's OpenAPI document describes, and the demo workspace's meetings.
 */
import { notFound, validation } from './errors';
import { Actor, RecordRow, Workspace, attioTimestamp, findObject, isUuid } from './model';
import type { Route, RouteContext } from './routes';

interface Segment {
  speech: string;
  start: number;
  end: number;
  speaker: string;
}

interface RecordingRow {
  id: string;
  status: 'processing' | 'completed' | 'failed';
  createdAt: string;
  createdBy: Actor;
  transcript: Segment[];
}

export interface MeetingRow {
  id: string;
  title: string;
  description: string;
  start: string;
  end: string;
  participants: { email: string; organizer: boolean; status: 'accepted' | 'tentative' | 'declined' | 'pending' }[];
  linked: RecordRow[];
  createdAt: string;
  createdBy: Actor;
  recordings: RecordingRow[];
}

/** Transcript segments per page (small, so the demo transcript spans pages as a long call would). */
export const TRANSCRIPT_PAGE = 6;

const store = new WeakMap<Workspace, MeetingRow[]>();
export const meetingsOf = (ws: Workspace): MeetingRow[] => {
  let m = store.get(ws);
  if (!m) store.set(ws, (m = []));
  return m;
};

const cursorOf = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');
function offsetOf(cursor: string | null): number {
  if (cursor === null || cursor === '') return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw validation('"cursor" is not a cursor this endpoint returned.');
  return Number(m[1]);
}

function pageOf<T>(items: T[], q: URLSearchParams, fallback: number, max: number): { data: T[]; pagination: { next_cursor: string | null } } {
  const raw = q.get('limit');
  const limit = raw === null || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw validation(`"limit" must be an integer between 1 and ${max}.`);
  const offset = offsetOf(q.get('cursor'));
  const data = items.slice(offset, offset + limit);
  return { data, pagination: { next_cursor: offset + limit < items.length ? cursorOf(offset + limit) : null } };
}

const actor = (a: Actor) => ({ id: a.id, type: a.type });

function meetingJson(ws: Workspace, m: MeetingRow) {
  return {
    id: { workspace_id: ws.id, meeting_id: m.id },
    title: m.title,
    description: m.description,
    is_all_day: false,
    start: { datetime: m.start, timezone: 'Europe/London' },
    end: { datetime: m.end, timezone: 'Europe/London' },
    participants: m.participants.map((p) => ({ status: p.status, is_organizer: p.organizer, email_address: p.email })),
    linked_records: m.linked.map((r) => ({ object_slug: r.objectSlug, object_id: findObject(ws, r.objectSlug)?.id ?? r.objectSlug, record_id: r.id })),
    created_at: m.createdAt,
    created_by_actor: actor(m.createdBy),
  };
}

function recordingJson(ws: Workspace, m: MeetingRow, r: RecordingRow) {
  return {
    id: { workspace_id: ws.id, meeting_id: m.id, call_recording_id: r.id },
    status: r.status,
    web_url: `https://app.attio.com/${ws.slug}/calls/${m.id}/${r.id}`,
    created_by_actor: actor(r.createdBy),
    created_at: r.createdAt,
  };
}

function meetingOr404(ws: Workspace, id: string): MeetingRow {
  const m = meetingsOf(ws).find((x) => x.id === id);
  if (!m) throw notFound(`Meeting with ID "${id}" not found.`);
  return m;
}

function recordingOr404(m: MeetingRow, id: string): RecordingRow {
  const r = m.recordings.find((x) => x.id === id);
  if (!r) throw notFound(`Call recording with ID "${id}" not found.`);
  return r;
}

function listMeetings({ ws, query }: RouteContext) {
  const object = query.get('linked_object');
  const recordId = query.get('linked_record_id');
  if ((object === null) !== (recordId === null)) throw validation('"linked_object" and "linked_record_id" must be given together.');
  const sort = query.get('sort') ?? 'start_asc';
  if (sort !== 'start_asc' && sort !== 'start_desc') throw validation('"sort" must be "start_asc" or "start_desc".');
  let rows = meetingsOf(ws);
  if (object !== null && recordId !== null) {
    const o = findObject(ws, object);
    if (!o) throw notFound(`Object with slug/ID "${object}" not found.`);
    if (!isUuid(recordId)) throw validation('"linked_record_id" must be a UUID.');
    rows = rows.filter((m) => m.linked.some((r) => r.objectSlug === o.slug && r.id === recordId));
  }
  const emails = (query.get('participants') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (emails.length) rows = rows.filter((m) => m.participants.some((p) => emails.includes(p.email.toLowerCase())));
  const sorted = [...rows].sort((a, b) => (sort === 'start_asc' ? 1 : -1) * a.start.localeCompare(b.start));
  const page = pageOf(sorted, query, 50, 200);
  return { data: page.data.map((m) => meetingJson(ws, m)), pagination: page.pagination };
}

export const MEETING_ROUTES: Route[] = [
  { method: 'GET', template: '/v2/meetings', kind: 'read', handle: listMeetings },
  { method: 'GET', template: '/v2/meetings/{meeting_id}', kind: 'read', handle: ({ ws, params }) => ({ data: meetingJson(ws, meetingOr404(ws, params.meeting_id)) }) },
  {
    method: 'GET',
    template: '/v2/meetings/{meeting_id}/call_recordings',
    kind: 'read',
    handle: ({ ws, params, query }) => {
      const m = meetingOr404(ws, params.meeting_id);
      const page = pageOf(m.recordings, query, 50, 200);
      return { data: page.data.map((r) => recordingJson(ws, m, r)), pagination: page.pagination };
    },
  },
  {
    method: 'GET',
    template: '/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}',
    kind: 'read',
    handle: ({ ws, params }) => {
      const m = meetingOr404(ws, params.meeting_id);
      return { data: recordingJson(ws, m, recordingOr404(m, params.call_recording_id)) };
    },
  },
  {
    method: 'GET',
    template: '/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript',
    kind: 'read',
    handle: ({ ws, params, query }) => {
      const m = meetingOr404(ws, params.meeting_id);
      const r = recordingOr404(m, params.call_recording_id);
      const offset = offsetOf(query.get('cursor'));
      const segments = r.transcript.slice(offset, offset + TRANSCRIPT_PAGE);
      return {
        data: {
          id: { workspace_id: ws.id, meeting_id: m.id, call_recording_id: r.id },
          transcript: segments.map((s) => ({ speech: s.speech, start_time: s.start, end_time: s.end, speaker: { name: s.speaker } })),
          raw_transcript: segments.map((s) => `${s.speaker}: ${s.speech}`).join('\n'),
          web_url: recordingJson(ws, m, r).web_url,
        },
        pagination: { next_cursor: offset + TRANSCRIPT_PAGE < r.transcript.length ? cursorOf(offset + TRANSCRIPT_PAGE) : null },
      };
    },
  },
];

const LINES: [string, string][] = [
  ['Priya Raman', 'Thanks for making time. Shall we start with where the rollout stands?'],
  ['Dana Whitfield', 'Sure. The pilot team is live, about forty seats, and feedback has been good.'],
  ['Priya Raman', 'Great. What would you need to see before expanding to the whole sales org?'],
  ['Dana Whitfield', 'Mostly the security review, and a clear answer on data residency in the EU.'],
  ['Priya Raman', 'We host in Frankfurt for EU customers; I will send the DPA and the SOC 2 report today.'],
  ['Dana Whitfield', 'Perfect. Pricing-wise, procurement will ask about annual billing.'],
  ['Priya Raman', 'Annual is fine. With a two-year term we can hold the current per-seat price.'],
  ['Dana Whitfield', 'That helps. I think we can get this to legal next week.'],
  ['Priya Raman', 'Then let us aim for signature before the end of the month. <b>Action items</b> in the notes.'],
  ['Dana Whitfield', 'Sounds good. Talk Thursday.'],
];

/** Three meetings on the first deal and its company; the latest has a completed recording with a transcript, an earlier one a recording still processing. */
export function seedMeetings(ws: Workspace, now: number, uuid: () => string, deal: RecordRow, company: RecordRow): void {
  const DAY = 86_400_000;
  const members = ws.members.filter((m) => m.accessLevel !== 'suspended');
  const host = members[0];
  const who: Actor = { type: 'workspace-member', id: host.id };
  const mk = (title: string, description: string, daysAgo: number, minutes: number, recordings: RecordingRow['status'][]): MeetingRow => {
    const start = now - daysAgo * DAY;
    return {
      id: uuid(),
      title,
      description,
      start: attioTimestamp(start),
      end: attioTimestamp(start + minutes * 60_000),
      participants: [
        { email: host.email, organizer: true, status: 'accepted' },
        { email: 'dana.whitfield@customer.example', organizer: false, status: 'accepted' },
        { email: 'procurement@customer.example', organizer: false, status: daysAgo > 10 ? 'declined' : 'tentative' },
      ],
      linked: [deal, company],
      createdAt: attioTimestamp(start - 3 * DAY),
      createdBy: who,
      recordings: recordings.map((status, i) => ({
        id: uuid(),
        status,
        createdAt: attioTimestamp(start + minutes * 60_000 + i * 60_000),
        createdBy: who,
        transcript: status === 'completed' ? LINES.map(([speaker, speech], j) => ({ speaker, speech, start: j * 21.5, end: j * 21.5 + 19 })) : [],
      })),
    };
  };
  meetingsOf(ws).push(
    mk('Discovery call', 'Goals, current tools, timeline.', 21, 30, []),
    mk('Security review', 'SOC 2, DPA and EU data residency questions.', 9, 45, ['processing']),
    mk('Pricing and rollout', 'Annual billing, seat count, rollout plan.', 2, 40, ['completed']),
  );
}
