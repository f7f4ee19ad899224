/**
 * What every part of the data layer shares: the active connection, the load cache, the title index, the change
 * event, and how optional lookups fail. No `vscode` import.
 */
import { errorMessage, isCancellation, type AttioClient } from '../attio';
import { LoadCache } from './cache';
import { Emitter } from './emitter';
import { ENGLISH_WORDS, type RenderContext, type ValueWords } from './format';
import { Keys, type Scope } from './keys';
import { TitleIndex } from './titles';

/** The part of the client the data layer uses. */
export type DataClient = Pick<
  AttioClient,
  | 'listObjects'
  | 'listAttributes'
  | 'listSelectOptions'
  | 'listStatuses'
  | 'queryRecords'
  | 'getRecord'
  | 'createRecord'
  | 'assertRecord'
  | 'updateRecord'
  | 'searchRecords'
  | 'listRecordEntries'
  | 'listLists'
  | 'queryEntries'
  | 'getEntry'
  | 'createEntry'
  | 'updateEntry'
  | 'deleteEntry'
  | 'listTasks'
  | 'getTask'
  | 'createTask'
  | 'updateTask'
  | 'listMembers'
  | 'listNotes'
  | 'createNote'
  | 'listWebhooks'
  | 'raw'
  | 'listThreads'
  | 'createComment'
  | 'listMeetings'
  | 'listCallRecordings'
  | 'getTranscriptPage'
>;

export interface DataSession {
  workspaceName: string;
  workspaceSlug: string;
  memberId: string | null;
  /** The token's granted scopes, when known (sections such as Webhooks show only with their scope). */
  scopes?: readonly string[];
}

/** The signed-in workspace as the data layer sees it. */
export interface DataConnection {
  /** Changes when the workspace, token or base URL changes (everything cached is dropped then). */
  key: string;
  session: DataSession;
  client: DataClient;
}

export interface DataConfig {
  /** How long a load stays fresh (ms); 0 disables caching. */
  cacheTtlMs: number;
  /** Records / entries per page. */
  pageSize: number;
}

export interface DataDeps {
  connection: () => DataConnection | undefined;
  config: () => DataConfig;
  now?: () => number;
  locale?: string;
  timeZone?: string;
  /** The words around values, in the language of the people who read them (English when not given or not yet loaded). */
  words?: () => ValueWords | undefined;
  log?: { debug(m: string): void; warn(m: string): void };
}

export type TaskGroupId = 'mine' | 'allOpen' | 'overdue' | 'completed';

/** What changed, so views refresh only what is affected. */
export type DataChange =
  | { kind: 'all' }
  | { kind: 'tasks'; groups: TaskGroupId[] }
  | { kind: 'objectCount'; object: string }
  /** A record's values changed (an edit shown before Attio answered, what Attio stored, a rollback) or it was created. */
  | { kind: 'record'; object: string; id: string }
  /** A note was added to this record (its cached notes already hold it). */
  | { kind: 'notes'; object: string; id: string }
  /** A list's entries changed (added, moved to another stage, removed; or put back after a refusal). */
  | { kind: 'entries'; list: string }
  /** Refresh: what was read is to be read again on next use (of one view's data, or of all when no scope). */
  | { kind: 'expired'; scope?: Scope };

/** Thrown when a load is asked for while signed out (surfaces word it by its name, `NotSignedIn`). */
export class NotSignedInError extends Error {
  override name = 'NotSignedIn';
  constructor() {
    super('not signed in to Attio');
  }
}

export class DataContext {
  readonly cache: LoadCache;
  readonly titles = new TitleIndex();
  readonly changes = new Emitter<DataChange>();
  readonly now: () => number;
  private connKey = '';
  private readonly resets: (() => void)[] = [];

  constructor(readonly deps: DataDeps) {
    this.now = deps.now ?? Date.now;
    this.cache = new LoadCache({ ttlMs: () => deps.config().cacheTtlMs, now: this.now });
  }

  /** Registers per-part state to forget with the cache (indexes, pages shown). */
  onReset(fn: () => void): void {
    this.resets.push(fn);
  }

  /** The active connection; drops everything when the workspace changed since the last call. */
  conn(): DataConnection | undefined {
    const c = this.deps.connection();
    const key = c?.key ?? '';
    if (key !== this.connKey) {
      this.connKey = key;
      this.reset();
    }
    return c;
  }

  client(): DataClient {
    const c = this.conn();
    if (!c) throw new NotSignedInError();
    return c.client;
  }

  get session(): DataSession | undefined {
    return this.conn()?.session;
  }

  get pageSize(): number {
    return this.deps.config().pageSize;
  }

  /** Workspace changed (or sign-out): drop every cache and abort loads in flight. */
  clear(): void {
    this.connKey = this.deps.connection()?.key ?? '';
    this.reset();
    this.changes.fire({ kind: 'all' });
  }

  private reset(): void {
    this.cache.clear();
    this.titles.clear();
    for (const r of this.resets) r();
  }

  get words(): ValueWords {
    return this.deps.words?.() ?? ENGLISH_WORDS;
  }

  memberName(id: string): string | undefined {
    return memberDisplayName(this.cache.peek(Keys.members())?.get(id));
  }

  /** The words around values: the injected ones, or `words` (chat tools ask for English). */
  renderContext(words?: ValueWords): RenderContext {
    return {
      words: words ?? this.words,
      locale: this.deps.locale,
      timeZone: this.deps.timeZone,
      memberName: id => this.memberName(id),
      recordTitle: (object, id) => this.titles.get(object, id),
    };
  }

  /** Logs and swallows a failure of something optional (titles, names); cancellation still propagates. */
  softFail<T>(e: unknown, fallback: T): T {
    if (isCancellation(e)) throw e;
    this.deps.log?.warn(`optional lookup failed: ${errorMessage(e)}`);
    return fallback;
  }
}

export function memberDisplayName(m: { first_name?: string | null; last_name?: string | null; email_address?: string | null } | undefined): string | undefined {
  if (!m) return undefined;
  const name = [m.first_name, m.last_name].filter(Boolean).join(' ');
  return name || m.email_address || undefined;
}

/** A signal aborted when any of the given ones is. */
export function anySignal(...signals: AbortSignal[]): AbortSignal {
  const c = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      c.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => c.abort(s.reason), { once: true });
  }
  return c.signal;
}

/** Items of a page or an array. */
export function itemsOf<T>(r: { items: T[] } | T[]): T[] {
  return Array.isArray(r) ? r : r.items;
}
