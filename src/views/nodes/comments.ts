/**
 * "Comments" under a record or a list entry: its threads (newest first, one request), each shown as its first
 * comment with the replies under it: author, time, text as data (never markup), resolved threads marked. Left out
 * when the token cannot read comments.
 */
import * as vscode from 'vscode';
import type { AttioComment, AttioThread } from '../../attio';
import { commentAuthor, formatTimestamp, type CommentTarget } from '../../data';
import { renderModule } from '../../detail/provider';
import { Collapsed, MessageNode, None, TreeNode, contextValue, firstLine, ti, tooltips, type NodeContext } from './treeNode';

export class CommentsSectionNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly target: CommentTarget) {
    super(ctx, parent, 'comments');
  }

  override treeItem(): vscode.TreeItem {
    return ti(vscode.l10n.t('Comments'), Collapsed, 'comment-discussion', contextValue('comments'));
  }

  override children(): Promise<TreeNode[]> {
    return this.load(vscode.l10n.t('Comments'), () => this.ctx.data.comments.threads(this.target), threads =>
      threads.length ? threads.map(t => new CommentNode(this.ctx, this, t.comments[0], t)) : [new MessageNode(this.ctx, this, 'empty', vscode.l10n.t('No comments'))],
    );
  }
}

/** A thread (its first comment, with `thread`) or a reply in one. */
export class CommentNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly comment: AttioComment, readonly thread?: AttioThread) {
    super(ctx, parent, thread ? `thread:${thread.id.thread_id}` : `comment:${comment.id.comment_id}`);
  }

  private line(c: AttioComment): string {
    return `${commentAuthor(c, id => this.ctx.data.members.name(id), this.ctx.data.words)} · ${formatTimestamp(c.created_at, this.ctx)}`;
  }

  override treeItem(): vscode.TreeItem {
    const replies = (this.thread?.comments.length ?? 1) - 1;
    const resolved = !!this.thread && !!this.comment.resolved_at;
    const desc = [this.line(this.comment), replies ? (replies === 1 ? vscode.l10n.t('1 reply') : vscode.l10n.t('{0} replies', replies)) : '', resolved ? vscode.l10n.t({ message: 'resolved', comment: 'thread state' }) : ''].filter(Boolean).join(' · ');
    return ti(firstLine(this.comment.content_plaintext), replies ? Collapsed : None, resolved ? 'pass' : 'comment', contextValue(this.thread ? 'thread' : 'comment'), desc);
  }

  override async children(): Promise<TreeNode[]> {
    return (this.thread?.comments.slice(1) ?? []).map(c => new CommentNode(this.ctx, this, c));
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().comments(this.thread?.comments ?? [this.comment], c => this.line(c), renderModule());
  }

  override attioId(): string {
    return this.thread?.id.thread_id ?? this.comment.id.comment_id;
  }
}

/** The Comments section of a record or entry, when the token can read comments. */
export function commentRows(ctx: NodeContext, parent: TreeNode, target: CommentTarget): TreeNode[] {
  return ctx.data.comments.available ? [new CommentsSectionNode(ctx, parent, target)] : [];
}
