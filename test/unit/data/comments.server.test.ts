/**
 * Comment threads through the data layer against the local Attio server: a record's threads in one request
 * (newest first, replies oldest first), cached; adding a comment as the signed-in member; a token without
 * `comment:read` makes the part unavailable (surfaces leave it out) rather than failing.
 */
import * as assert from 'assert';
import type { WorkspaceData } from '../../../src/data';
import { startAttioServer, type AttioTestServer } from '../../server';
import { apiCalls, localData } from './localData';

const calls = (s: AttioTestServer): string[] => apiCalls(s);
const model = async (server: AttioTestServer, token: string): Promise<WorkspaceData> => (await localData(server, { token })).data;

suite('Comments (data layer, local Attio server)', () => {
  let server: AttioTestServer;
  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  suiteTeardown(() => server.close());

  test('a demo deal\'s threads: one request, newest first, replies in order, cached; adding one starts a thread', async () => {
    const data = await model(server, server.tokens.full);
    const deal = (await data.records.list('deals')).items[0];
    await data.members.byId();
    server.clearRequests();
    const target = { object: 'deals', recordId: deal.id.record_id };
    const threads = (await data.comments.threads(target)).value;
    assert.deepStrictEqual(calls(server), ['GET /v2/threads'], 'opening a record\'s comments costs one request');
    assert.ok(threads.length >= 2);
    assert.ok(threads[0].created_at >= threads[1].created_at, 'newest thread first');
    assert.strictEqual(threads[0].comments[0].content_plaintext, 'Legal wants the DPA signed before we send the order form.');
    assert.ok(threads[1].comments[0].resolved_at, 'the older thread is resolved');
    assert.ok(data.comments.available && data.comments.writable);

    server.clearRequests();
    await data.comments.threads(target);
    assert.deepStrictEqual(calls(server), [], 'cached');

    const c = await data.comments.add(target, 'Followed up by phone.');
    assert.strictEqual(c.content_plaintext, 'Followed up by phone.');
    assert.strictEqual(c.author?.id, data.session?.memberId);
    const after = (await data.comments.threads(target)).value;
    assert.strictEqual(after.length, threads.length + 1);
    assert.strictEqual(after[0].comments[0].content_plaintext, 'Followed up by phone.', 'the new thread is the newest');
  });

  test('a list entry\'s threads', async () => {
    const data = await model(server, server.tokens.full);
    const deal = (await data.records.list('deals')).items[0];
    const entry = (await data.records.entries('deals', deal.id.record_id)).value.find(e => e.listName === 'Sales Pipeline' || e.listId)!;
    const threads = (await data.comments.threads({ list: entry.listId, entryId: entry.entryId })).value;
    assert.ok(threads.some(t => t.comments[0].content_plaintext.startsWith('Moved to Proposal Sent')));
  });

  test('without comment scopes: unavailable, not an error; read-only: readable, not writable', async () => {
    const none = server.addToken('noComments', ['record_permission:read', 'object_configuration:read', 'user_management:read']);
    const data = await model(server, none);
    assert.strictEqual(data.comments.available, false);
    const ro = await model(server, server.tokens.readOnly);
    assert.ok(ro.comments.available);
    assert.strictEqual(ro.comments.writable, false);
  });
});
