/** What the client's endpoint methods take and give besides Attio's own records: options, inputs and who the token is. */
import type { PageOptions } from './transport';

export type SelfInfo =
  | { active: false }
  | {
      active: true;
      scopes: ReadonlySet<string>;
      scope: string;
      workspaceId: string;
      workspaceName: string;
      workspaceSlug: string;
      workspaceLogoUrl: string | null;
      clientId: string;
      tokenType: string;
      authorizedByMemberId: string | null;
      issuedAt: Date | undefined;
      expiresAt: Date | undefined;
    };

export interface QueryOptions {
  /** Attio filter object (shorthand or verbose), sent as is. */
  filter?: unknown;
  /** Attio sorts, sent as is. */
  sorts?: unknown[];
  limit?: number;
  offset?: number;
}


export interface ListTasksOptions extends PageOptions {
  /** Workspace-member id or email; `null` (or '') = unassigned tasks only. */
  assignee?: string | null;
  isCompleted?: boolean;
  /** Give together with `linkedRecordId`. */
  linkedObject?: string;
  linkedRecordId?: string;
  sort?: 'created_at:asc' | 'created_at:desc' | 'completed_at:asc' | 'completed_at:desc';
}

export interface CreateTaskInput {
  content: string;
  /** ISO date-time or null. */
  deadlineAt: string | null;
  isCompleted?: boolean;
  linkedRecords?: { targetObject: string; targetRecordId: string }[];
  assigneeIds?: string[];
}

export interface UpdateTaskInput {
  isCompleted?: boolean;
  deadlineAt?: string | null;
}

export interface ListNotesOptions extends PageOptions {
  parentObject?: string;
  parentRecordId?: string;
}

export interface CreateNoteInput {
  /** Object slug or id. */
  parentObject: string;
  parentRecordId: string;
  /** Plain text (Attio gives titles no formatting). */
  title: string;
  format: 'plaintext' | 'markdown';
  content: string;
}
/** Whose comment threads: a record's, or a list entry's. */
export type CommentTarget = { object: string; recordId: string } | { list: string; entryId: string };

/**
 * The `values` of a record write: attribute api slug (or id) → the array of value objects Attio takes (see
 * src/data/valueInput.ts, which builds them); `[]` clears an attribute.
 */
export type WriteValues = Record<string, Record<string, unknown>[]>;

export interface SearchOptions {
  query: string;
  /** Object slugs or ids (at least one). */
  objects: string[];
  /** 1–25, default 25. */
  limit?: number;
}
