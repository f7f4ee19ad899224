/**
 * Scope model: which OAuth scopes each endpoint the client calls requires (copied from the `security` of the
 * operations in Attio's OpenAPI document; test/unit/attio/scopes.test.ts checks this table against it), and
 * which scopes each extension feature needs.
 */

/** Endpoint key = `METHOD /path/template`, exactly as in Attio's OpenAPI document. */
export const endpointScopes = {
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
  'POST /v2/objects/{object}/records': ['record_permission:read-write', 'object_configuration:read'],
  'PUT /v2/objects/{object}/records': ['record_permission:read-write', 'object_configuration:read'],
  'PATCH /v2/objects/{object}/records/{record_id}': ['record_permission:read-write', 'object_configuration:read'],
  'PUT /v2/objects/{object}/records/{record_id}': ['record_permission:read-write', 'object_configuration:read'],
  'GET /v2/lists': ['list_configuration:read'],
  'GET /v2/lists/{list}': ['list_configuration:read'],
  'POST /v2/lists/{list}/entries/query': ['list_entry:read', 'list_configuration:read'],
  'GET /v2/lists/{list}/entries/{entry_id}': ['list_entry:read', 'list_configuration:read'],
  'POST /v2/lists/{list}/entries': ['list_entry:read-write', 'list_configuration:read'],
  'PATCH /v2/lists/{list}/entries/{entry_id}': ['list_entry:read-write', 'list_configuration:read'],
  'PUT /v2/lists/{list}/entries/{entry_id}': ['list_entry:read-write', 'list_configuration:read'],
  'DELETE /v2/lists/{list}/entries/{entry_id}': ['list_entry:read-write', 'list_configuration:read'],
  'GET /v2/tasks': ['task:read', 'object_configuration:read', 'record_permission:read', 'user_management:read'],
  'GET /v2/tasks/{task_id}': ['task:read', 'object_configuration:read', 'record_permission:read', 'user_management:read'],
  'POST /v2/tasks': ['task:read-write', 'object_configuration:read', 'record_permission:read', 'user_management:read'],
  'PATCH /v2/tasks/{task_id}': ['task:read-write', 'object_configuration:read', 'record_permission:read', 'user_management:read'],
  'GET /v2/workspace_members': ['user_management:read'],
  'GET /v2/notes': ['note:read', 'object_configuration:read', 'record_permission:read'],
  'POST /v2/notes': ['note:read-write', 'object_configuration:read', 'record_permission:read'],
  'GET /v2/notes/{note_id}': ['note:read', 'object_configuration:read', 'record_permission:read'],
  'GET /v2/webhooks': ['webhook:read'],
  'GET /v2/webhooks/{webhook_id}': ['webhook:read'],
  'GET /v2/threads': ['comment:read'],
  'POST /v2/comments': ['comment:read-write'],
  'GET /v2/meetings': ['meeting:read', 'record_permission:read'],
  'GET /v2/meetings/{meeting_id}/call_recordings': ['meeting:read', 'call_recording:read'],
  'GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript': ['meeting:read', 'call_recording:read'],
} as const satisfies Record<string, readonly string[]>;

export type EndpointKey = keyof typeof endpointScopes;

export type Feature = 'objects' | 'records' | 'recordWrites' | 'lists' | 'entries' | 'entryWrites' | 'tasks' | 'taskWrites' | 'members' | 'notes' | 'noteWrites' | 'search' | 'webhooks' | 'comments' | 'commentWrites' | 'meetings' | 'callRecordings';

/** A feature is named by its id; the surface that shows it words it (the Verify Connection report). */
export interface FeatureInfo {
  /** Endpoints the feature uses; its required scopes are the union of theirs. */
  endpoints: readonly EndpointKey[];
  /** Nothing a person expects from the extension depends on it (shown when granted, never asked for). */
  optional?: boolean;
}

export const features: Readonly<Record<Feature, FeatureInfo>> = {
  objects: { endpoints: ['GET /v2/objects', 'GET /v2/objects/{object}', 'GET /v2/{target}/{identifier}/attributes', 'GET /v2/{target}/{identifier}/attributes/{attribute}/options', 'GET /v2/{target}/{identifier}/attributes/{attribute}/statuses'] },
  records: { endpoints: ['POST /v2/objects/{object}/records/query', 'GET /v2/objects/{object}/records/{record_id}'] },
  recordWrites: {
    endpoints: ['POST /v2/objects/{object}/records', 'PUT /v2/objects/{object}/records', 'PATCH /v2/objects/{object}/records/{record_id}', 'PUT /v2/objects/{object}/records/{record_id}'],
    optional: true,
  },
  lists: { endpoints: ['GET /v2/lists', 'GET /v2/lists/{list}'] },
  entries: { endpoints: ['POST /v2/lists/{list}/entries/query', 'GET /v2/lists/{list}/entries/{entry_id}'] },
  entryWrites: { endpoints: ['POST /v2/lists/{list}/entries', 'PATCH /v2/lists/{list}/entries/{entry_id}', 'PUT /v2/lists/{list}/entries/{entry_id}', 'DELETE /v2/lists/{list}/entries/{entry_id}'], optional: true },
  tasks: { endpoints: ['GET /v2/tasks', 'GET /v2/tasks/{task_id}'] },
  taskWrites: { endpoints: ['POST /v2/tasks', 'PATCH /v2/tasks/{task_id}'] },
  members: { endpoints: ['GET /v2/workspace_members'] },
  notes: { endpoints: ['GET /v2/notes'] },
  noteWrites: { endpoints: ['POST /v2/notes'] },
  search: { endpoints: ['POST /v2/objects/records/search'] },
  webhooks: { endpoints: ['GET /v2/webhooks', 'GET /v2/webhooks/{webhook_id}'], optional: true },
  comments: { endpoints: ['GET /v2/threads'], optional: true },
  commentWrites: { endpoints: ['POST /v2/comments'], optional: true },
  meetings: { endpoints: ['GET /v2/meetings'], optional: true },
  callRecordings: { endpoints: ['GET /v2/meetings/{meeting_id}/call_recordings', 'GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript'], optional: true },
};

export const featureNames = Object.keys(features) as Feature[];

/** Scopes a feature needs (sorted, de-duplicated). */
export function featureScopes(feature: Feature): string[] {
  const set = new Set<string>();
  for (const ep of features[feature].endpoints) for (const s of endpointScopes[ep]) set.add(s);
  return [...set].sort();
}

/** Splits Attio's space-separated `scope` string. */
export function parseScopes(scope: string | Iterable<string>): Set<string> {
  const items = typeof scope === 'string' ? scope.split(/\s+/) : scope;
  const out = new Set<string>();
  for (const s of items) if (s) out.add(s);
  return out;
}

/** True when `granted` satisfies `scope`; `x:read-write` satisfies `x:read`. */
export function hasScope(granted: ReadonlySet<string>, scope: string): boolean {
  if (granted.has(scope)) return true;
  if (scope.endsWith(':read')) return granted.has(`${scope.slice(0, -':read'.length)}:read-write`);
  return false;
}

/** `required − granted`, honouring `:read-write ⊇ :read`. */
export function missingScopes(required: readonly string[], granted: ReadonlySet<string>): string[] {
  return required.filter(s => !hasScope(granted, s));
}

export interface FeatureAssessment {
  feature: Feature;
  ok: boolean;
  missing: string[];
}

/** Per feature: does a token with these scopes (space-separated string or a set) have what the feature needs? */
export function assessScopes(scope: string | ReadonlySet<string>): FeatureAssessment[] {
  const granted = typeof scope === 'string' ? parseScopes(scope) : scope;
  return featureNames.map(feature => {
    const missing = missingScopes(featureScopes(feature), granted);
    return { feature, ok: missing.length === 0, missing };
  });
}
