/**
 * In-memory workspace model. Records and entries store their values already in
 * Attio's wire shape (attribute slug → array of typed value objects) so that
 * serialisation is a cheap copy and filters work on exactly what clients see.
 */

export type AttributeType =
  | 'text' | 'number' | 'checkbox' | 'currency' | 'date' | 'timestamp' | 'rating' | 'status' | 'select'
  | 'record-reference' | 'actor-reference' | 'location' | 'domain' | 'email-address' | 'phone-number'
  | 'interaction' | 'personal-name';

export type ActorType = 'api-token' | 'workspace-member' | 'system' | 'app';

export interface Actor {
  type: ActorType;
  id: string;
}

export interface SelectOption {
  id: string;
  title: string;
  isArchived: boolean;
}

export interface StatusOption extends SelectOption {
  celebrationEnabled: boolean;
  targetTimeInStatus: string | null;
}

export interface AttributeDef {
  id: string;
  /** Id of the object or list the attribute belongs to. */
  parentId: string;
  title: string;
  description: string | null;
  slug: string;
  type: AttributeType;
  isSystem: boolean;
  isWritable: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isMultiselect: boolean;
  isArchived: boolean;
  createdAt: string;
  currencyCode?: string;
  /** Object slugs a record-reference may point to. */
  allowedObjects?: string[];
  options?: SelectOption[];
  statuses?: StatusOption[];
}

/** One typed value object exactly as Attio returns it inside `values`. */
export type ValueObject = { attribute_type: AttributeType; [field: string]: unknown };
export type Values = Record<string, ValueObject[]>;

export interface ObjectDef {
  id: string;
  slug: string;
  singular: string;
  plural: string;
  createdAt: string;
  attributes: AttributeDef[];
}

export interface RecordRow {
  id: string;
  objectSlug: string;
  createdAt: string;
  values: Values;
}

export interface ListDef {
  id: string;
  slug: string;
  name: string;
  parentObject: string;
  workspaceAccess: 'full-access' | 'read-and-write' | 'read-only' | null;
  memberAccess: { memberId: string; level: 'full-access' | 'read-and-write' | 'read-only' }[];
  createdBy: Actor;
  createdAt: string;
  attributes: AttributeDef[];
}

export interface EntryRow {
  id: string;
  listId: string;
  parentRecordId: string;
  parentObject: string;
  createdAt: string;
  values: Values;
}

export interface Member {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  avatarUrl: string | null;
  accessLevel: 'admin' | 'member' | 'suspended';
  createdAt: string;
}

export interface TaskRow {
  id: string;
  content: string;
  deadlineAt: string | null;
  isCompleted: boolean;
  completedAt: string | null;
  linkedRecords: { objectSlug: string; recordId: string }[];
  assigneeIds: string[];
  createdBy: Actor;
  createdAt: string;
}

export interface NoteRow {
  id: string;
  parentObject: string;
  parentRecordId: string;
  title: string;
  contentPlaintext: string;
  contentMarkdown: string;
  tags: ({ type: 'workspace-member'; workspace_member_id: string } | { type: 'record'; object: string; record_id: string })[];
  createdBy: Actor;
  createdAt: string;
}

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  members: Member[];
  objects: ObjectDef[];
  records: Map<string, RecordRow[]>;
  recordsById: Map<string, RecordRow>;
  lists: ListDef[];
  entries: Map<string, EntryRow[]>;
  tasks: TaskRow[];
  notes: NoteRow[];
  /** Read-only webhooks (seeded last; see webhooks.ts). */
  webhooks?: import('./webhooks').WebhookRow[];
}

/** Attio timestamps carry nanosecond precision: 2023-01-01T15:00:00.000000000Z. */
export function attioTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000000Z');
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function findObject(ws: Workspace, idOrSlug: string): ObjectDef | undefined {
  return ws.objects.find((o) => o.id === idOrSlug || o.slug === idOrSlug);
}

export function findList(ws: Workspace, idOrSlug: string): ListDef | undefined {
  return ws.lists.find((l) => l.id === idOrSlug || l.slug === idOrSlug);
}

export function findAttribute(attributes: AttributeDef[], idOrSlug: string): AttributeDef | undefined {
  return attributes.find((a) => a.id === idOrSlug || a.slug === idOrSlug);
}
