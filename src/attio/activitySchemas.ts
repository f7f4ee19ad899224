/**
 * Schemas of what happened around a record: comment threads, meetings, call recordings and transcript pages
 * (Attio's OpenAPI `thread`, `comment`, `meeting` and call-recording shapes; meetings and transcripts page by
 * cursor). Part of the lazily loaded schemas bundle through schemas.ts.
 */
import * as z from 'zod/mini';

const str = z.string();
const nstr = z.nullish(z.string());
const bool = z.boolean();
const num = z.number();

const commentActorSchema = z.looseObject({ id: nstr, type: nstr });

export const commentSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, comment_id: str }),
  thread_id: str,
  content_plaintext: str,
  entry: z.nullish(z.looseObject({ entry_id: str, list_id: str })),
  record: z.nullish(z.looseObject({ record_id: str, object_id: str })),
  resolved_at: nstr,
  resolved_by: z.nullish(commentActorSchema),
  created_at: str,
  author: z.nullish(commentActorSchema),
});
export type AttioComment = z.infer<typeof commentSchema>;

export const threadSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, thread_id: str }),
  comments: z.array(commentSchema),
  created_at: str,
});
export type AttioThread = z.infer<typeof threadSchema>;

const pagination = z.looseObject({ next_cursor: nstr });
const meetingTime = z.looseObject({ datetime: z.optional(str), date: z.optional(str), timezone: nstr });

export const meetingSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, meeting_id: str }),
  title: str,
  description: nstr,
  is_all_day: z.optional(bool),
  start: meetingTime,
  end: meetingTime,
  participants: z.array(z.looseObject({ status: nstr, is_organizer: z.optional(bool), email_address: nstr })),
  linked_records: z.array(z.looseObject({ object_slug: str, object_id: str, record_id: str })),
  created_at: str,
});
export type AttioMeeting = z.infer<typeof meetingSchema>;

export const callRecordingSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, meeting_id: str, call_recording_id: str }),
  status: str,
  web_url: nstr,
  created_at: str,
});
export type AttioCallRecording = z.infer<typeof callRecordingSchema>;

export const transcriptSegmentSchema = z.looseObject({ speech: str, start_time: num, end_time: num, speaker: z.looseObject({ name: str }) });
export type AttioTranscriptSegment = z.infer<typeof transcriptSegmentSchema>;


export const meetingsPage = z.looseObject({ data: z.array(meetingSchema), pagination: z.optional(pagination) });
export const callRecordingsPage = z.looseObject({ data: z.array(callRecordingSchema), pagination: z.optional(pagination) });
export const transcriptPage = z.looseObject({ data: z.looseObject({ transcript: z.array(transcriptSegmentSchema), web_url: nstr }), pagination: z.optional(pagination) });
