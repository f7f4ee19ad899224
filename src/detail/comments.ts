/** The "Comments" section of a record's or an entry's detail page: threads, authors, times, text as data. */
import { errorMessage } from '../attio';
import { commentAuthor, formatTimestamp, mdEscape, type CommentTarget, type WorkspaceData } from '../data';
import { plainTextMarkdown } from './inertMarkdown';

/** Markdown lines of the section; none when the token cannot read comments; a failure is a line of text. */
export async function commentsSection(data: WorkspaceData, target: CommentTarget, opts: { locale?: string; timeZone?: string }): Promise<string[]> {
  if (!data.comments.available) return [];
  const out = ['## Comments', ''];
  let threads;
  try {
    threads = (await data.comments.threads(target)).value;
  } catch (e) {
    return [...out, `*Could not load comments: ${mdEscape(errorMessage(e))}*`, ''];
  }
  if (!threads.length) out.push('*No comments.*', '');
  for (const t of threads) {
    const resolved = t.comments[0]?.resolved_at;
    out.push(`### Thread · ${formatTimestamp(t.created_at, opts)}${resolved ? ` · resolved ${formatTimestamp(resolved, opts)}` : ''}`, '');
    for (const c of t.comments) {
      const who = commentAuthor(c, id => data.members.name(id), data.words);
      // written by anyone in the workspace: plain text, every Markdown mark escaped
      out.push(`**${mdEscape(who)}** · ${formatTimestamp(c.created_at, opts)}`, '', plainTextMarkdown(c.content_plaintext), '');
    }
  }
  return out;
}
