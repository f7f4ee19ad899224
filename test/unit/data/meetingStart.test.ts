/**
 * All-day meetings read as their date wherever meetings show, west of UTC too: the check runs in a child `node`
 * with TZ=America/New_York (set before anything formats a date), where midnight UTC is the evening before.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { formatMeetingStart } from '../../../src/data';

const OUT = path.resolve(__dirname, '../../..');

/** What the child prints: its time zone, the old reading of a date as a time, and each surface's text. */
interface Readings {
  zone: string;
  asTimestamp: string;
  allDay: string;
  timed: string;
  detailPage: string[];
  transcript: string;
}

const CHILD = `
const path = require('path');
const out = process.argv[1];
require(path.join(out, 'test/unit/stubs/vscode.js'));
const { formatMeetingStart, formatTimestamp } = require(path.join(out, 'src/data/index.js'));
const { meetingsSection } = require(path.join(out, 'src/detail/meetings.js'));
const { renderTranscript } = require(path.join(out, 'src/detail/transcript.js'));
const ctx = { locale: 'en-US' };
const allDay = { id: { meeting_id: 'm1' }, title: 'Offsite', participants: [], start: { date: '2026-03-10', timezone: null }, end: { date: '2026-03-11', timezone: null } };
const timed = { ...allDay, title: 'Call', start: { datetime: '2026-03-10T15:30:00Z', timezone: 'UTC' } };
const data = { meetings: { available: true, list: async () => ({ value: [allDay] }), meeting: () => allDay, transcript: async () => ({ segments: [], webUrl: null, pages: 1 }) } };
(async () => {
  process.stdout.write(JSON.stringify({
    zone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
    asTimestamp: formatTimestamp('2026-03-10', ctx),
    allDay: formatMeetingStart(allDay, ctx),
    timed: formatMeetingStart(timed, ctx),
    detailPage: await meetingsSection(data, 'people', 'r1', ctx),
    transcript: await renderTranscript(data, { meetingId: 'm1', recordingId: 'c1', title: 'Offsite' }, ctx),
  }));
})();
`;

suite('Meetings: an all-day meeting is a date', () => {
  test('in New York it reads as its own day, not the evening before, on the detail page and the transcript', () => {
    const r = JSON.parse(execFileSync(process.execPath, ['-e', CHILD, OUT], { env: { ...process.env, TZ: 'America/New_York' }, encoding: 'utf8' })) as Readings;
    assert.strictEqual(r.zone, 'America/New_York', 'the child really runs in New York time');
    assert.match(r.asTimestamp, /^Mar 9, 2026/, 'read as a time, the date is the day before there (what the surfaces showed)');
    assert.strictEqual(r.allDay, 'Mar 10, 2026');
    assert.strictEqual(r.timed, 'Mar 10, 2026, 11:30 AM', 'a meeting with a time still shows it, in local time');
    assert.ok(r.detailPage.includes('- **Offsite** · Mar 10, 2026'), r.detailPage.join('\n'));
    assert.match(r.transcript, /\nMar 10, 2026 · 0 segments/);
  });

  test('a meeting without a start shows none', () => {
    assert.strictEqual(formatMeetingStart({ start: { timezone: null } }, { locale: 'en-US' }), '');
  });
});
