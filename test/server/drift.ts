/**
 * Schema drift: simulates an Attio API that has moved on from the published
 * document. Transformations build new objects and never mutate their input.
 */
export type Drift = 'none' | 'unknown-fields' | 'missing-optional';

const VALUE_MAP_KEYS = new Set(['values', 'entry_values']);

export function applyDrift(body: unknown, drift: Drift | undefined): unknown {
  switch (drift) {
    case 'unknown-fields':
      return addUnknown(body, false);
    case 'missing-optional':
      return dropNulls(body, false);
    default:
      return body;
  }
}

/** Adds an unknown key to every object; value maps get an attribute of an unknown type. */
function addUnknown(node: unknown, isValueMap: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => addUnknown(item, false));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = addUnknown(value, VALUE_MAP_KEYS.has(key));
  if (isValueMap) {
    out.drift_unknown_attribute = [
      {
        active_from: '2024-01-01T00:00:00.000000000Z',
        active_until: null,
        created_by_actor: { type: 'system', id: null },
        attribute_type: 'drift-unknown-type',
        drift_payload: { nested: true },
      },
    ];
  } else {
    out.drift_unknown_field = 'added by schema drift';
  }
  return out;
}

/** Drops every null-valued key (optional + nullable fields) and empty attribute value arrays. */
function dropNulls(node: unknown, isValueMap: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => dropNulls(item, false));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === null) continue;
    if (isValueMap && Array.isArray(value) && value.length === 0) continue;
    out[key] = dropNulls(value, VALUE_MAP_KEYS.has(key));
  }
  return out;
}
