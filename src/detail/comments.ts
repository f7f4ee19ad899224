/** The "Comments" section of a record's or an entry's detail page: threads, authors, times, text as data. */
import * as vscode from 'vscode';
import { errorMessage } from '../attio';
import { commentAuthor, formatTimestamp, mdEscape, type CommentTarget, type WorkspaceData } from '../data';
import { plainTextMarkdown } from './inertMarkdown';

/** Markdown lines of the section; none when the token cannot read comments; a failure is a line of text. */
export async function commentsSection(data: WorkspaceData, target: CommentTarget, opts: { locale?: string; timeZone?: string }): Promise<string[]> {
  if (!data.comments.available) return [];
  const out = [`## ${vscode.l10n.t('Comments')}`, ''];
  let threads;
  try {
    threads = (await data.comments.threads(target)).value;
  } catch (e) {
    return [...out, `*${vscode.l10n.t('Could not load comments: {0}', mdEscape(errorMessage(e)))}*`, ''];
  }
  if (!threads.length) out.push(`*${vscode.l10n.t('No comments.')}*`, '');
  for (const t of threads) {
    const resolved = t.comments[0]?.resolved_at;
    const started = formatTimestamp(t.created_at, opts);
    out.push(
      `### ${
        resolved
          ? vscode.l10n.t({ message: 'Thread · {0} · resolved {1}', args: [started, formatTimestamp(resolved, opts)], comment: 'a comment thread; {0}, {1}: date and time' })
          : vscode.l10n.t({ message: 'Thread · {0}', args: [started], comment: 'a comment thread; {0}: date and time' })
      }`,
      '',
    );
    for (const c of t.comments) {
      const who = commentAuthor(c, id => data.members.name(id), data.words);
      // written by anyone in the workspace: plain text, every Markdown mark escaped
      out.push(`**${mdEscape(who)}** · ${formatTimestamp(c.created_at, opts)}`, '', plainTextMarkdown(c.content_plaintext), '');
    }
  }
  return out;
}
