/**
 * One attribute's edit, for a record and a list entry alike: the values a person gave are shown at once in the cached
 * item (the tree, detail page and hover card read that same object), written with the method Attio documents, and the
 * old values come back when Attio refuses (the error is rethrown for the surface to word). Re-reading what Attio
 * stored is the caller's (a record and an entry are read from different endpoints).
 */
import type { AttioAttribute, AttioValue, AttioValues } from '../attio';
import { defaultCurrency, editMethod, inputKey, valuesBody, writeValue, type InputValue } from './valueInput';

/** A change of one attribute's values: what it held (as inputs) and what it should hold. */
export interface ValueEdit {
  attribute: AttioAttribute;
  before: readonly InputValue[];
  after: readonly InputValue[];
  /** Titles of options, statuses or records among `after` by {@link inputKey}, so the value reads right before Attio answers. */
  labels?: ReadonlyMap<string, string>;
}

/** Where an edit goes: the cached item's values (changed in place), how to tell they changed, and the write itself. */
export interface EditedItem {
  /** The cached record's `values` or entry's `entry_values`; undefined when the item is not loaded (nothing to show). */
  values: AttioValues | undefined;
  /** The values shown changed (the new ones, or the old ones back). */
  changed(): void;
  /** One write: `append` is Attio's PATCH, `overwrite` its PUT. */
  write(values: ReturnType<typeof valuesBody>, mode: 'append' | 'overwrite'): Promise<unknown>;
}

/**
 * Writes one attribute's new values: PATCH with only the added ones when a multiselect lost none, else PUT (a single
 * value: PATCH). The item shows the new values meanwhile and gets the old ones back on a refusal.
 */
export async function writeEdit(edit: ValueEdit, item: EditedItem): Promise<void> {
  const a = edit.attribute;
  const slug = a.api_slug;
  const { method, keep } = editMethod(a, edit.before.map(inputKey), edit.after.map(inputKey));
  const body = valuesBody([{ attribute: a, values: edit.after.filter(v => keep(inputKey(v))) }]);
  const values = item.values;
  const previous = values?.[slug];
  const show = (shown: AttioValue[] | undefined): void => {
    if (!values) return;
    if (shown && shown.length) values[slug] = shown;
    else delete values[slug];
    item.changed();
  };
  show(edit.after.map(v => provisional(a, v, edit.labels)));
  try {
    await item.write(body, method === 'PATCH' ? 'append' : 'overwrite');
  } catch (e) {
    show(previous);
    throw e;
  }
}

/** The value as it reads until Attio answers (an option's title from `labels`, a currency in its default code). */
function provisional(a: AttioAttribute, v: InputValue, labels?: ReadonlyMap<string, string>): AttioValue {
  const base = { active_from: new Date().toISOString(), active_until: null, created_by_actor: { type: 'api-token', id: null }, attribute_type: a.type };
  const label = labels?.get(inputKey(v));
  if (v.kind === 'option') {
    const field = a.type === 'status' ? 'status' : 'option';
    const idField = a.type === 'status' ? 'status_id' : 'option_id';
    return { ...base, [field]: { id: { [idField]: v.value }, title: label ?? v.value, is_archived: false } } as unknown as AttioValue;
  }
  const w = writeValue(a.type, v);
  if (v.kind === 'currency') return { ...base, ...w, currency_code: defaultCurrency(a) } as unknown as AttioValue;
  if (v.kind === 'phone') return { ...base, ...w, phone_number: v.value } as unknown as AttioValue;
  return { ...base, ...w } as unknown as AttioValue;
}
