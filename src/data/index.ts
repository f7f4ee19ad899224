/**
 * The workspace data layer every surface reads: the sidebar, detail pages, pickers, and what comes next (editor,
 * chat). One cache, one title index, one change event; per-entity parts. Imports `src/attio` and nothing from
 * `vscode`, so it runs under plain mocha against the local Attio-compatible server.
 */
import { Defaults } from '../constants';
import { DataContext, type DataChange, type DataDeps, type DataSession } from './context';
import type { Event } from './emitter';
import type { RenderContext, ValueWords } from './format';
import type { Scope } from './keys';
import { CommentsData } from './comments';
import { ListsData } from './lists';
import { EntryWrites } from './entryWrites';
import { Exporter } from './export';
import { MeetingsData } from './meetings';
import { MembersData } from './members';
import { NotesData } from './notes';
import { Pager } from './paging';
import { RecordsData } from './records';
import { RecordWrites } from './recordWrites';
import { SchemaData } from './schema';
import { SearchData } from './search';
import { TasksData } from './tasks';
import { ApiData } from './api';
import { WebhooksData } from './webhooks';

export type { DataChange, DataClient, DataConfig, DataConnection, DataDeps, DataSession, TaskGroupId } from './context';
export { NotSignedInError, anySignal, memberDisplayName } from './context';
export type { Event } from './emitter';
export { Emitter } from './emitter';
export * from './format';
export { escapeMarkdown, mdEscape } from './markdown';
export type { PagedId, Scope } from './keys';
export type { EntryItem } from './lists';
export type { EntryParent } from './entryWrites';
export { holdsStatus } from './entryWrites';
export { toCsv, toMarkdownTable, EXPORT_PAGE_SIZE, type ExportFormat, type ExportHeadings, type ExportProgress, type ExportTable, type ExportTarget } from './export';
export type { Paged } from './paging';
export { NotAMemberError, commentAuthor, type CommentTarget } from './comments';
export type { Transcript } from './keys';
export { formatMeetingStart } from './meetings';
export * from './recordFilter';
export { STANDARD_OBJECTS, type RecordEntryItem } from './records';
export type { SchemaTarget } from './schema';
export { apiCall, apiItemName, type ApiCall, type ApiItem } from './api';
export { WEBHOOK_SCOPE } from './webhooks';
export type { RecordRef, ValueRow } from './values';
export type { NewRecordValue, UniqueConflict } from './recordWrites';
export type { ValueEdit } from './valueEdit';
export * from './valueInput';

export class WorkspaceData {
  private readonly ctx: DataContext;
  private readonly pager: Pager;
  readonly members: MembersData;
  readonly records: RecordsData;
  /** Editing and creating records (1 write + 1 read per edit). */
  readonly recordWrites: RecordWrites;
  readonly lists: ListsData;
  /** Add to a list, move to a stage, remove from a list. */
  readonly entryWrites: EntryWrites;
  /** Every record of an object or entry of a list as a table (CSV, Markdown). */
  readonly exporter: Exporter;
  readonly tasks: TasksData;
  readonly notes: NotesData;
  readonly search: SearchData;
  readonly schema: SchemaData;
  /** The request behind an item and its raw JSON answer (the developer's view). */
  readonly api: ApiData;
  /** The workspace's webhooks (read-only; only with `webhook:read`). */
  readonly webhooks: WebhooksData;
  /** Comment threads of records and entries. */
  readonly comments: CommentsData;
  /** Meetings linked to records, their call recordings and transcripts. */
  readonly meetings: MeetingsData;
  /** Fires when cached data changed without a reload (counts, task edits) or was dropped (`all`). */
  readonly onDidChange: Event<DataChange>;

  constructor(deps: DataDeps) {
    this.ctx = new DataContext(deps);
    this.pager = new Pager(this.ctx);
    this.members = new MembersData(this.ctx);
    this.records = new RecordsData(this.ctx, this.pager, this.members);
    this.recordWrites = new RecordWrites(this.ctx, this.records);
    this.lists = new ListsData(this.ctx, this.pager, this.records);
    this.tasks = new TasksData(this.ctx, this.members, this.records);
    this.notes = new NotesData(this.ctx);
    this.search = new SearchData(this.ctx, this.records);
    this.schema = new SchemaData(this.ctx, this.records);
    this.api = new ApiData(this.ctx);
    this.webhooks = new WebhooksData(this.ctx);
    this.comments = new CommentsData(this.ctx, this.members);
    this.meetings = new MeetingsData(this.ctx);
    this.entryWrites = new EntryWrites(this.ctx, this.lists, this.schema);
    this.exporter = new Exporter(this.ctx, this.records);
    this.onDidChange = this.ctx.changes.event;
  }

  get signedIn(): boolean {
    return !!this.ctx.deps.connection();
  }

  get session(): DataSession | undefined {
    return this.ctx.session;
  }

  /**
   * Which session the data layer reads and writes now (its id and the API address), undefined when signed out: a
   * write the person confirmed for one session is refused when this changed before it is sent.
   */
  get sessionKey(): string | undefined {
    return this.ctx.conn()?.key || undefined;
  }

  /** `https://app.attio.com/<workspace-slug>`: where items without a web URL of their own open. */
  workspaceUrl(): string {
    const slug = this.session?.workspaceSlug;
    return slug ? `${Defaults.appUrl}/${encodeURIComponent(slug)}` : Defaults.appUrl;
  }

  /** Names and titles from what is cached (no request): for rendering values outside the data layer (hovers). */
  renderContext(): RenderContext {
    return this.ctx.renderContext();
  }

  /** The words values are rendered with for people (injected; English when none were). */
  get words(): ValueWords {
    return this.ctx.words;
  }

  /** Asks for one more page of records or entries next time they are listed. */
  loadMore(id: Parameters<Pager['loadMore']>[0]): void {
    this.pager.loadMore(id);
  }

  /** "Refresh": everything (or one view's data) reloads on next use; old values stay for stale-while-error. */
  expire(scope?: Scope): void {
    this.ctx.cache.expire(scope);
    this.ctx.changes.fire(scope ? { kind: 'expired', scope } : { kind: 'expired' });
  }

  /** Workspace changed (or sign-out): drop every cache and abort loads in flight. */
  clear(): void {
    this.ctx.clear();
  }

  dispose(): void {
    this.ctx.cache.clear();
    this.ctx.changes.dispose();
  }
}
