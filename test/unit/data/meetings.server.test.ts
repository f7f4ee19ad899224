/**
 * Meetings, call recordings and transcripts through the data layer against the local Attio server: a record's
 * meetings newest first in one request, a meeting's recordings in one, a transcript read page after page (one
 * request per page the API returns), all cached; without the scopes the parts are unavailable, not errors.
 */
import * as assert from 'assert';
import type { WorkspaceData } from '../../../src/data';
import { startAttioServer, type AttioTestServer } from '../../server';
import { apiCalls, localData } from './localData';
import { TRANSCRIPT_PAGE } from '../../server/meetings';

const calls = (s: AttioTestServer): string[] => apiCalls(s, { ids: false });
const model = async (server: AttioTestServer, token: string): Promise<WorkspaceData> => (await localData(server, { token })).data;

suite('Meetings and transcripts (data layer, local Attio server)', () => {
  let server: AttioTestServer;
  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  suiteTeardown(() => server.close());

  test('a demo deal\'s meetings, the latest one\'s recording and its whole transcript, request by request', async () => {
    const data = await model(server, server.tokens.full);
    const deal = (await data.records.list('deals')).items[0];
    server.clearRequests();
    const meetings = (await data.meetings.list('deals', deal.id.record_id)).value;
    assert.deepStrictEqual(calls(server), ['GET /v2/meetings'], 'one request');
    assert.deepStrictEqual(meetings.map(m => m.title), ['Pricing and rollout', 'Security review', 'Discovery call'], 'newest first');
    assert.strictEqual(meetings[0].participants.length, 3);

    server.clearRequests();
    const recs = (await data.meetings.recordings(meetings[0].id.meeting_id)).value;
    assert.strictEqual(recs.length, 1);
    assert.strictEqual(recs[0].status, 'completed');
    const tr = await data.meetings.transcript(meetings[0].id.meeting_id, recs[0].id.call_recording_id);
    const pages = Math.ceil(10 / TRANSCRIPT_PAGE);
    assert.strictEqual(tr.segments.length, 10);
    assert.strictEqual(tr.pages, pages);
    assert.deepStrictEqual(calls(server), ['GET /v2/meetings/:id/call_recordings', ...Array(pages).fill('GET /v2/meetings/:id/call_recordings/:id/transcript')], 'one request per transcript page');
    assert.strictEqual(tr.segments[0].speaker.name, 'Priya Raman');

    server.clearRequests();
    await data.meetings.list('deals', deal.id.record_id);
    await data.meetings.transcript(meetings[0].id.meeting_id, recs[0].id.call_recording_id);
    assert.deepStrictEqual(calls(server), [], 'cached');
  });

  test('without meeting or call-recording scopes: unavailable', async () => {
    const none = await model(server, server.addToken('noMeetings', ['record_permission:read', 'object_configuration:read']));
    assert.strictEqual(none.meetings.available, false);
    assert.strictEqual(none.meetings.recordingsAvailable, false);
    const noCalls = await model(server, server.addToken('meetingsOnly', ['record_permission:read', 'object_configuration:read', 'meeting:read']));
    assert.ok(noCalls.meetings.available);
    assert.strictEqual(noCalls.meetings.recordingsAvailable, false);
  });
});
