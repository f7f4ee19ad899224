/**
 * Schema drift: simulates an Attio API that has moved on from the published
 * document. Transformations build new objects and never mutate their input.
 */
import { attioTimestamp, findList, findObject, type AttributeDef, type AttributeType, type Workspace } from './model';

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

/** The attribute slug the huge-text fault adds (an attribute the workspace never defined: drift). */
export const HUGE_TEXT_SLUG = 'drift_long_text';

/**
 * Spreads about `bytes` of text over a page of records or entries: every item's value map gains a text value of
 * an unknown attribute. Bodies that are not such a page are returned unchanged. Builds new objects.
 */
export function applyHugeText(body: unknown, bytes: number): unknown {
  if (bytes <= 0 || body === null || typeof body !== 'object') return body;
  const data = (body as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length === 0) return body;
  const mapKey = (item: unknown): string | undefined =>
    item && typeof item === 'object' ? ['values', 'entry_values'].find((k) => typeof (item as Record<string, unknown>)[k] === 'object') : undefined;
  if (!data.every((item) => mapKey(item))) return body;
  const each = Math.ceil(bytes / data.length);
  // Words rather than one run of a letter, so nothing can compress or special-case it.
  const text = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(each / 27)).slice(0, each);
  return {
    ...(body as object),
    data: data.map((item: Record<string, unknown>) => {
      const key = mapKey(item)!;
      const value = {
        active_from: '2024-01-01T00:00:00.000000000Z',
        active_until: null,
        created_by_actor: { type: 'system', id: null },
        attribute_type: 'text',
        value: text,
      };
      return { ...item, [key]: { ...(item[key] as object), [HUGE_TEXT_SLUG]: [value] } };
    }),
  };
}

/**
 * Schema drift of the workspace itself (what a workspace admin does in Attio's settings): an attribute added, removed
 * (archived) or given another type; a select option or a status added or removed (archived). Generated types made
 * before the change are then stale. Mutates the workspace's definitions; `target` is an object or list slug.
 */
export type SchemaEdit =
  | { kind: 'addAttribute'; target: string; slug: string; type: AttributeType; multi?: boolean }
  | { kind: 'removeAttribute'; target: string; slug: string }
  | { kind: 'retypeAttribute'; target: string; slug: string; type: AttributeType }
  | { kind: 'addOption'; target: string; attribute: string; title: string }
  | { kind: 'removeOption'; target: string; attribute: string; title: string };

let editCount = 0;

export function changeSchema(ws: Workspace, edit: SchemaEdit): void {
  const owner = findObject(ws, edit.target) ?? findList(ws, edit.target);
  if (!owner) throw new Error(`no object or list ${edit.target}`);
  const live = owner.attributes.filter(a => !a.isArchived);
  const attribute = (slug: string): AttributeDef => {
    const a = live.find(x => x.slug === slug);
    if (!a) throw new Error(`no attribute ${edit.target}.${slug}`);
    return a;
  };
  const id = (): string => `00000000-0000-4000-8000-${(++editCount).toString(16).padStart(12, '0')}`;
  switch (edit.kind) {
    case 'addAttribute': {
      const title = edit.slug.replace(/_/g, ' ');
      owner.attributes.push({
        id: id(), parentId: owner.id, title, description: null, slug: edit.slug, type: edit.type, isSystem: false, isWritable: true, isRequired: false,
        isUnique: false, isMultiselect: edit.multi ?? false, isArchived: false, createdAt: attioTimestamp(Date.now()),
        ...(edit.type === 'select' ? { options: [] } : edit.type === 'status' ? { statuses: [] } : {}),
      });
      return;
    }
    case 'removeAttribute':
      attribute(edit.slug).isArchived = true;
      return;
    case 'retypeAttribute':
      attribute(edit.slug).type = edit.type;
      return;
    case 'addOption': {
      const a = attribute(edit.attribute);
      if (a.type === 'status') (a.statuses ??= []).push({ id: id(), title: edit.title, isArchived: false, celebrationEnabled: false, targetTimeInStatus: null });
      else (a.options ??= []).push({ id: id(), title: edit.title, isArchived: false });
      return;
    }
    case 'removeOption': {
      const a = attribute(edit.attribute);
      const choice = [...(a.options ?? []), ...(a.statuses ?? [])].find(c => c.title === edit.title && !c.isArchived);
      if (!choice) throw new Error(`no option ${edit.title} of ${edit.target}.${edit.attribute}`);
      choice.isArchived = true;
    }
  }
}
