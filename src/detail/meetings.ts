/** The "Meetings" section of a record's detail page: newest first, time, participants (as text). */
import * as vscode from 'vscode';
import { errorMessage } from '../attio';
import { formatMeetingStart, mdEscape, type WorkspaceData } from '../data';

export async function meetingsSection(data: WorkspaceData, object: string, id: string, opts: { locale?: string; timeZone?: string }): Promise<string[]> {
  if (!data.meetings.available) return [];
  const out = [`## ${vscode.l10n.t('Meetings')}`, ''];
  try {
    const meetings = (await data.meetings.list(object, id)).value;
    if (!meetings.length) out.push(`*${vscode.l10n.t('No meetings.')}*`);
    for (const m of meetings) {
      const when = formatMeetingStart(m, opts);
      const people = m.participants.map(p => p.email_address).filter((e): e is string => !!e);
      out.push(`- **${mdEscape(m.title)}**${when ? ` · ${when}` : ''}${people.length ? ` · ${mdEscape(people.join(', '))}` : ''}`);
    }
  } catch (e) {
    out.push(`*${vscode.l10n.t('Could not load meetings: {0}', mdEscape(errorMessage(e)))}*`);
  }
  return [...out, ''];
}
