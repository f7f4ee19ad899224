/**
 * Comment threads of a record or a list entry (`GET /v2/threads`, `comment:read`): one request each, cached, newest
 * thread first; adding a comment (`POST /v2/comments`, `comment:read-write`) starts a thread as the signed-in
 * member. Without the scope the part is unavailable (the sidebar and detail pages leave it out), not an error.
 */
import { hasScope, type AttioComment, type AttioThread, type CommentTarget } from '../attio';
import { itemsOf, type DataContext } from './context';
import { actorName, ENGLISH_WORDS, type ValueWords } from './format';
import { Keys } from './keys';
import type { MembersData } from './members';

export type { CommentTarget };

const keyOf = (t: CommentTarget) => ('recordId' in t ? Keys.threads('objects', t.object, t.recordId) : Keys.threads('lists', t.list, t.entryId));

export class CommentsData {
  constructor(private readonly ctx: DataContext, private readonly members: MembersData) {}

  private can(scope: string): boolean {
    const s = this.ctx.session;
    return !!s && (!s.scopes || hasScope(new Set(s.scopes), scope));
  }

  /** The token may read comments (unknown scopes count as yes: Attio then answers). */
  get available(): boolean {
    return this.can('comment:read');
  }

  get writable(): boolean {
    return this.can('comment:read-write') && !!this.ctx.session?.memberId;
  }

  /** Threads, newest first, each with its comments oldest first (one request, the first 50 threads). */
  async threads(target: CommentTarget): Promise<{ value: AttioThread[]; stale?: { error: unknown } }> {
    const client = this.ctx.client();
    const r = await this.ctx.cache.get(keyOf(target), async signal => {
      const threads = itemsOf(await client.listThreads(target, { limit: 50, offset: 0 }, signal));
      for (const t of threads) t.comments.sort((a, b) => a.created_at.localeCompare(b.created_at));
      return threads.sort((a, b) => b.created_at.localeCompare(a.created_at));
    });
    // authors' names (members: once per workspace, usually cached already); a failure leaves them generic
    if (r.value.length) await this.members.byId().catch(e => this.ctx.softFail(e, undefined));
    return r;
  }

  /** Starts a thread with one comment by the signed-in member; the threads reload on next use. */
  async add(target: CommentTarget, content: string): Promise<AttioComment> {
    const member = this.ctx.session?.memberId;
    if (!member) throw new NotAMemberError();
    const c = await this.ctx.client().createComment(target, content, member, this.ctx.cache.signal);
    this.ctx.cache.expire(keyOf(target));
    return c;
  }
}

/** Comments are written by a workspace member, and the token is not one (surfaces word it by its name, `NotAMember`). */
export class NotAMemberError extends Error {
  override name = 'NotAMember';
  constructor() {
    super('comments are written by a workspace member, and this token is not one');
  }
}

/** A comment's author, by name when the members are loaded; otherwise the kind of actor, in `words`. */
export function commentAuthor(c: AttioComment, name: (id: string) => string | undefined, words: ValueWords = ENGLISH_WORDS): string {
  const id = c.author?.id;
  return (id && name(id)) || actorName(c.author?.type ?? undefined, undefined, { memberName: () => undefined, words });
}
