/**
 * Model → Attio wire shapes. Composite ids always carry workspace_id.
 * Results share structure with the model: treat them as read-only.
 */
import { AttributeDef, EntryRow, ListDef, Member, NoteRow, ObjectDef, RecordRow, SelectOption, StatusOption, TaskRow, Workspace } from './model';

export function objectJson(ws: Workspace, o: ObjectDef) {
  return {
    id: { workspace_id: ws.id, object_id: o.id },
    api_slug: o.slug,
    singular_noun: o.singular,
    plural_noun: o.plural,
    created_at: o.createdAt,
  };
}

export function attributeJson(ws: Workspace, a: AttributeDef) {
  return {
    id: { workspace_id: ws.id, object_id: a.parentId, attribute_id: a.id },
    title: a.title,
    description: a.description,
    api_slug: a.slug,
    type: a.type,
    is_system_attribute: a.isSystem,
    is_writable: a.isWritable,
    is_required: a.isRequired,
    is_unique: a.isUnique,
    is_multiselect: a.isMultiselect,
    is_default_value_enabled: false,
    is_archived: a.isArchived,
    default_value: null,
    relationship: null,
    created_at: a.createdAt,
    config: {
      currency: { default_currency_code: a.currencyCode ?? null, display_type: a.currencyCode ? 'symbol' : null },
      record_reference: {
        allowed_object_ids: a.allowedObjects ? a.allowedObjects.map((slug) => ws.objects.find((o) => o.slug === slug)?.id ?? slug) : null,
      },
    },
  };
}

export function optionJson(ws: Workspace, a: AttributeDef, o: SelectOption) {
  return {
    id: { workspace_id: ws.id, object_id: a.parentId, attribute_id: a.id, option_id: o.id },
    title: o.title,
    is_archived: o.isArchived,
  };
}

export function statusJson(ws: Workspace, a: AttributeDef, s: StatusOption) {
  return {
    id: { workspace_id: ws.id, object_id: a.parentId, attribute_id: a.id, status_id: s.id },
    title: s.title,
    is_archived: s.isArchived,
    celebration_enabled: s.celebrationEnabled,
    target_time_in_status: s.targetTimeInStatus,
  };
}

export function recordJson(ws: Workspace, o: ObjectDef, r: RecordRow) {
  return {
    id: { workspace_id: ws.id, object_id: o.id, record_id: r.id },
    created_at: r.createdAt,
    web_url: recordWebUrl(ws, o, r),
    values: r.values,
  };
}

/**
 * A record's page in Attio's web app: `https://app.attio.com/<workspace slug>/<singular noun>/<record id>`, the path
 * using the object's singular noun (`person`), not its slug (API-FACTS §5). How Attio writes a multi-word custom
 * noun is not documented; it is lower-cased and hyphenated here so the URL stays valid.
 */
export function recordWebUrl(ws: Workspace, o: ObjectDef, r: RecordRow): string {
  let noun = urlNouns.get(o);
  if (noun === undefined) {
    noun = o.singular.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || o.slug;
    urlNouns.set(o, noun);
  }
  return `https://app.attio.com/${ws.slug}/${noun}/${r.id}`;
}

const urlNouns = new WeakMap<ObjectDef, string>();

export function listJson(ws: Workspace, l: ListDef) {
  return {
    id: { workspace_id: ws.id, list_id: l.id },
    api_slug: l.slug,
    name: l.name,
    parent_object: [l.parentObject],
    workspace_access: l.workspaceAccess,
    workspace_member_access: l.memberAccess.map((m) => ({ workspace_member_id: m.memberId, level: m.level })),
    created_by_actor: { type: l.createdBy.type, id: l.createdBy.id },
    created_at: l.createdAt,
  };
}

export function entryJson(ws: Workspace, e: EntryRow) {
  return {
    id: { workspace_id: ws.id, list_id: e.listId, entry_id: e.id },
    parent_record_id: e.parentRecordId,
    parent_object: e.parentObject,
    created_at: e.createdAt,
    entry_values: e.values,
  };
}

export function memberJson(ws: Workspace, m: Member) {
  return {
    id: { workspace_id: ws.id, workspace_member_id: m.id },
    first_name: m.firstName,
    last_name: m.lastName,
    avatar_url: m.avatarUrl,
    email_address: m.email,
    created_at: m.createdAt,
    access_level: m.accessLevel,
  };
}

export function taskJson(ws: Workspace, t: TaskRow) {
  return {
    id: { workspace_id: ws.id, task_id: t.id },
    content_plaintext: t.content,
    deadline_at: t.deadlineAt,
    is_completed: t.isCompleted,
    completed_at: t.completedAt,
    linked_records: t.linkedRecords.map((l) => ({ target_object_id: l.objectSlug, target_record_id: l.recordId })),
    assignees: t.assigneeIds.map((id) => ({ referenced_actor_type: 'workspace-member', referenced_actor_id: id })),
    created_by_actor: { type: t.createdBy.type, id: t.createdBy.id },
    created_at: t.createdAt,
  };
}

export function noteJson(ws: Workspace, n: NoteRow) {
  return {
    id: { workspace_id: ws.id, note_id: n.id },
    parent_object: n.parentObject,
    parent_record_id: n.parentRecordId,
    title: n.title,
    meeting_id: null,
    content_plaintext: n.contentPlaintext,
    content_markdown: n.contentMarkdown,
    tags: n.tags.map((t) => ({ ...t })),
    created_by_actor: { type: n.createdBy.type, id: n.createdBy.id },
    created_at: n.createdAt,
  };
}

/** Human-readable label of a record, as the search endpoint's record_text. */
export function recordText(r: RecordRow): string {
  const name = r.values.name?.[0];
  if (name) return String(name.full_name ?? name.value ?? '');
  return r.id;
}
