/**
 * What a project's key needs for the code this extension helps write: generating the workspace's types, a typed
 * client that reads records and list entries, and its writes. Scopes come from the endpoint table of
 * src/attio/scopes.ts (checked against Attio's OpenAPI document), never from a hand-written list.
 */
import { endpointScopes, missingScopes, type EndpointKey } from '../attio/scopes';

export type ProjectUse = 'types' | 'reads' | 'writes';

/** The endpoints each use calls. */
export const PROJECT_USES: Readonly<Record<ProjectUse, readonly EndpointKey[]>> = {
  /** The type generator: objects, lists, attributes, their options and statuses. */
  types: [
    'GET /v2/objects',
    'GET /v2/lists',
    'GET /v2/{target}/{identifier}/attributes',
    'GET /v2/{target}/{identifier}/attributes/{attribute}/options',
    'GET /v2/{target}/{identifier}/attributes/{attribute}/statuses',
  ],
  /** A typed client querying records and list entries. */
  reads: ['POST /v2/objects/{object}/records/query', 'GET /v2/objects/{object}/records/{record_id}', 'POST /v2/lists/{list}/entries/query'],
  /** Creating and updating records and list entries. */
  writes: ['POST /v2/objects/{object}/records', 'PATCH /v2/objects/{object}/records/{record_id}', 'POST /v2/lists/{list}/entries', 'PATCH /v2/lists/{list}/entries/{entry_id}'],
};

/** The scopes a use needs (sorted, de-duplicated). */
export function useScopes(use: ProjectUse): string[] {
  return [...new Set(PROJECT_USES[use].flatMap(ep => endpointScopes[ep]))].sort();
}

/** Per use, the scopes `granted` lacks (empty: the key is enough). */
export function missingForUses(granted: ReadonlySet<string>): Record<ProjectUse, string[]> {
  return { types: missingScopes(useScopes('types'), granted), reads: missingScopes(useScopes('reads'), granted), writes: missingScopes(useScopes('writes'), granted) };
}
