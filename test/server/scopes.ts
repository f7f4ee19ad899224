/**
 * Required scopes per operation, exactly as the `security` of each operation
 * in Attio's OpenAPI document lists them (see API-FACTS §1.5). The contract
 * test compares this table with the document.
 */

export const ALL_SCOPE_FAMILIES = [
  'user_management', 'record_permission', 'object_configuration', 'list_entry', 'list_configuration',
  'public_collection', 'private_collection', 'comment', 'task', 'note', 'meeting', 'call_recording', 'webhook',
] as const;

export const ALL_READ_SCOPES = ALL_SCOPE_FAMILIES.map((f) => `${f}:read`);
export const ALL_READ_WRITE_SCOPES = ALL_SCOPE_FAMILIES.map((f) => `${f}:read-write`);

const TASK_READ = ['task:read', 'object_configuration:read', 'record_permission:read', 'user_management:read'];
const TASK_WRITE = ['task:read-write', 'object_configuration:read', 'record_permission:read', 'user_management:read'];
const RECORD_WRITE = ['record_permission:read-write', 'object_configuration:read'];
const NOTE_READ = ['note:read', 'object_configuration:read', 'record_permission:read'];
const NOTE_WRITE = ['note:read-write', 'object_configuration:read', 'record_permission:read'];
const ENTRY_WRITE = ['list_entry:read-write', 'list_configuration:read'];

/** Operation key (`METHOD /path/template`) → required scopes. */
export const REQUIRED_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'GET /v2/self': [],
  'GET /v2/objects': ['object_configuration:read'],
  'GET /v2/objects/{object}': ['object_configuration:read'],
  'GET /v2/{target}/{identifier}/attributes': ['object_configuration:read'],
  'GET /v2/{target}/{identifier}/attributes/{attribute}': ['object_configuration:read'],
  'GET /v2/{target}/{identifier}/attributes/{attribute}/options': ['object_configuration:read'],
  'GET /v2/{target}/{identifier}/attributes/{attribute}/statuses': ['object_configuration:read'],
  'POST /v2/objects/{object}/records/query': ['record_permission:read', 'object_configuration:read'],
  'GET /v2/objects/{object}/records/{record_id}': ['record_permission:read', 'object_configuration:read'],
  'GET /v2/objects/{object}/records/{record_id}/entries': ['record_permission:read', 'object_configuration:read', 'list_entry:read'],
  'POST /v2/objects/records/search': ['record_permission:read', 'object_configuration:read'],
  'POST /v2/objects/{object}/records': RECORD_WRITE,
  'PUT /v2/objects/{object}/records': RECORD_WRITE,
  'PATCH /v2/objects/{object}/records/{record_id}': RECORD_WRITE,
  'PUT /v2/objects/{object}/records/{record_id}': RECORD_WRITE,
  'GET /v2/lists': ['list_configuration:read'],
  'GET /v2/lists/{list}': ['list_configuration:read'],
  'POST /v2/lists/{list}/entries/query': ['list_entry:read', 'list_configuration:read'],
  'GET /v2/lists/{list}/entries/{entry_id}': ['list_entry:read', 'list_configuration:read'],
  'POST /v2/lists/{list}/entries': ENTRY_WRITE,
  'PUT /v2/lists/{list}/entries': ENTRY_WRITE,
  'PATCH /v2/lists/{list}/entries/{entry_id}': ENTRY_WRITE,
  'PUT /v2/lists/{list}/entries/{entry_id}': ENTRY_WRITE,
  'DELETE /v2/lists/{list}/entries/{entry_id}': ENTRY_WRITE,
  'GET /v2/workspace_members': ['user_management:read'],
  'GET /v2/workspace_members/{workspace_member_id}': ['user_management:read'],
  'GET /v2/notes': NOTE_READ,
  'POST /v2/notes': NOTE_WRITE,
  'GET /v2/notes/{note_id}': NOTE_READ,
  'GET /v2/tasks': TASK_READ,
  'POST /v2/tasks': TASK_WRITE,
  'GET /v2/tasks/{task_id}': TASK_READ,
  'PATCH /v2/tasks/{task_id}': TASK_WRITE,
  'DELETE /v2/tasks/{task_id}': ['task:read-write'],
  'GET /v2/webhooks': ['webhook:read'],
  'GET /v2/webhooks/{webhook_id}': ['webhook:read'],
  'GET /v2/threads': ['comment:read'],
  'GET /v2/threads/{thread_id}': ['comment:read'],
  'POST /v2/comments': ['comment:read-write'],
  'GET /v2/comments/{comment_id}': ['comment:read'],
  'DELETE /v2/comments/{comment_id}': ['comment:read-write'],
  'GET /v2/meetings': ['meeting:read', 'record_permission:read'],
  'GET /v2/meetings/{meeting_id}': ['meeting:read', 'record_permission:read'],
  'GET /v2/meetings/{meeting_id}/call_recordings': ['meeting:read', 'call_recording:read'],
  'GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}': ['meeting:read', 'call_recording:read'],
  'GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript': ['meeting:read', 'call_recording:read'],
};

/** True if `granted` satisfies every scope in `required` (`x:read-write` satisfies `x:read`). */
export function hasScopes(granted: ReadonlySet<string>, required: readonly string[]): boolean {
  return required.every((scope) => {
    if (granted.has(scope)) return true;
    const [family, level] = scope.split(':');
    return level === 'read' && granted.has(`${family}:read-write`);
  });
}
