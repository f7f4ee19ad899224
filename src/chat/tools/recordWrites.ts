/**
 * The record write tools: update a record's values, create a record. The model gives each value as a person would
 * type it (an option's or status's title, a record id, a date, an email…); it is checked as Attio checks it
 * (data/valueInput.ts) before the person is asked. The confirmation lists each attribute with its old and new value
 * as plain data (one escaped line each). An update costs 1 write + 1 read per attribute. No `vscode`.
 */
import type { AttioAttribute } from '../../attio';
import { inputOf as fromStored, isEditable, mdEscape, parseTyped, type InputValue, type NewRecordValue } from '../../data';
import { asInput, isUuid, optString, q, reqString, ToolInputError, type Input } from './common';
import { recordUrl, resolveObject, resolveRecord, slugOf, workspaceLine, type ToolData } from './context';
import type { ToolWording } from './wording';
import type { Confirmation, WriteTool } from './writes';

type Data = Pick<ToolData, 'records' | 'schema' | 'session' | 'workspaceUrl' | 'recordWrites'>;
type RawValues = Record<string, string[]>;

function values(i: Input): RawValues {
  const v = i.values;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.keys(v).length) throw new ToolInputError('"values" must map attribute api slugs to values, e.g. {"job_title": "CTO"}.');
  const out: RawValues = {};
  for (const [slug, raw] of Object.entries(v as Record<string, unknown>)) {
    const list = Array.isArray(raw) ? raw : raw === null ? [] : [raw];
    if (!list.every(x => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) throw new ToolInputError(`"values.${slug}" must be a string or an array of strings.`);
    out[slug] = list.map(x => String(x).slice(0, 2000));
  }
  return out;
}

/** One value as the model gave it, read for the attribute's type. */
function inputFor(a: AttioAttribute, text: string, allowed: (id: string) => string): InputValue {
  switch (a.type) {
    case 'select':
    case 'status':
      return { kind: 'option', value: text };
    case 'checkbox':
      if (!/^(true|false)$/i.test(text)) throw new ToolInputError(`"${a.api_slug}" is a checkbox: pass true or false.`);
      return { kind: 'checkbox', value: /^true$/i.test(text) };
    case 'record-reference': {
      const [object, id] = text.includes('/') ? text.split('/', 2) : [allowed(a.api_slug), text];
      if (!isUuid(id) || !object) throw new ToolInputError(`"${a.api_slug}" references records: pass "<object>/<record id>" with an id from attio_search_records.`);
      return { kind: 'record', object, recordId: id };
    }
    case 'actor-reference':
      if (!isUuid(text)) throw new ToolInputError(`"${a.api_slug}" is a workspace member: pass the member's id.`);
      return { kind: 'member', memberId: text };
    case 'personal-name': {
      const [first, ...rest] = text.trim().split(/\s+/);
      return { kind: 'name', first: first ?? '', last: rest.join(' ') };
    }
    case 'location': {
      const [line_1, postcode, locality, region, cc] = text.split(',').map(s => s.trim() || null);
      return { kind: 'location', value: { line_1: line_1 ?? null, postcode: postcode ?? null, locality: locality ?? null, region: region ?? null, country_code: cc?.toUpperCase() ?? null } };
    }
    default: {
      const [t, extra] = a.type === 'phone-number' && /^[A-Za-z]{2}\s/.test(text) ? [text.slice(3), text.slice(0, 2).toUpperCase()] : [text, null];
      const r = parseTyped(a, t, extra);
      if (!r.ok) throw new ToolInputError(`"${a.api_slug}": ${q(text, 80)} is not a valid ${a.type} value (${r.problem}).`);
      return r.value;
    }
  }
}

interface Planned {
  attribute: AttioAttribute;
  values: InputValue[];
  texts: string[];
}

async function plan(data: Data, object: string, raw: RawValues): Promise<Planned[]> {
  const attrs = await data.schema.attributes('objects', object);
  const allowedOf = (slug: string): string => {
    const ids = ((attrs.find(a => a.api_slug === slug) as { config?: { record_reference?: { allowed_object_ids?: string[] } } })?.config?.record_reference?.allowed_object_ids) ?? [];
    return ids.length === 1 ? data.records.objectSlug(ids[0]) : '';
  };
  return Object.entries(raw).map(([slug, texts]) => {
    const a = attrs.find(x => x.api_slug === slug);
    if (!a) throw new ToolInputError(`${object} has no attribute "${slug}"; attio_describe_schema lists them.`);
    if (!isEditable(a)) throw new ToolInputError(`"${slug}" cannot be written: it is read-only or calculated by Attio.`);
    if (!a.is_multiselect && texts.length > 1) throw new ToolInputError(`"${slug}" holds one value.`);
    return { attribute: a, values: texts.map(t => inputFor(a, t, allowedOf)), texts };
  });
}

const line = (texts: readonly string[]): string => (texts.length ? texts.map(t => mdEscape(t)).join(', ') : '—');

// ---------------------------------------------------------------------------------------------------------------

export interface UpdateRecordInput {
  record: string;
  object?: string;
  values: RawValues;
}

export class UpdateRecordTool implements WriteTool<UpdateRecordInput> {
  readonly name = 'attio_update_record';
  readonly feature = 'Update records';
  constructor(private readonly data: Data) {}

  parse(raw: unknown): UpdateRecordInput {
    const i = asInput(raw);
    return { record: reqString(i, 'record', 500), object: optString(i, 'object', 100), values: values(i) };
  }

  progress(_i: UpdateRecordInput, w: ToolWording): string {
    return w.updatingRecord();
  }

  private async target(i: UpdateRecordInput) {
    const r = await resolveRecord(this.data, i.record, i.object);
    const object = slugOf(r.object);
    const record = await this.data.records.get(object, r.id);
    return { object, id: r.id, title: this.data.records.title(record, object), url: recordUrl(this.data, r.object, r.id), planned: await plan(this.data, object, i.values) };
  }

  async confirm(i: UpdateRecordInput, w: ToolWording): Promise<Confirmation> {
    const t = await this.target(i);
    const rows = await this.data.records.valueRows(t.object, t.id, undefined);
    const say = w.updateRecord;
    const lines = [say.intro({ title: mdEscape(t.title), object: t.object, id: t.id }, mdEscape(this.data.session?.workspaceName ?? 'Attio')), ''];
    for (const p of t.planned) lines.push(`- ${say.change(mdEscape(p.attribute.title), p.attribute.api_slug, line(rows.find(r => r.slug === p.attribute.api_slug)?.texts ?? []), line(p.texts))}`);
    return { title: say.title(), message: lines.join('\n') };
  }

  async run(i: UpdateRecordInput, _signal: AbortSignal, beforeWrite: () => void): Promise<string> {
    const t = await this.target(i);
    const record = await this.data.records.get(t.object, t.id);
    const done: string[] = [];
    for (const p of t.planned) {
      const before = (record.values[p.attribute.api_slug] ?? []).filter(v => !(v as { active_until?: unknown }).active_until).map(v => fromStored(v)).filter((v): v is InputValue => !!v);
      beforeWrite();
      await this.data.recordWrites.edit(t.object, t.id, { attribute: p.attribute, before, after: p.values });
      done.push(p.attribute.api_slug);
    }
    const rows = await this.data.records.valueRows(t.object, t.id, undefined);
    const stored = done.map(slug => `${slug}: ${(rows.find(r => r.slug === slug)?.texts ?? []).map(x => q(x)).join(', ') || 'empty'}`);
    return `${workspaceLine(this.data)} Updated ${q(t.title)} (${t.url}). Attio now stores ${stored.join('; ')}.`;
  }
}

// ---------------------------------------------------------------------------------------------------------------

export interface CreateRecordInput {
  object: string;
  values: RawValues;
}

export class CreateRecordTool implements WriteTool<CreateRecordInput> {
  readonly name = 'attio_create_record';
  readonly feature = 'Create records';
  constructor(private readonly data: Data) {}

  parse(raw: unknown): CreateRecordInput {
    const i = asInput(raw);
    return { object: reqString(i, 'object', 100), values: values(i) };
  }

  progress(_i: CreateRecordInput, w: ToolWording): string {
    return w.creatingRecord();
  }

  private async target(i: CreateRecordInput) {
    const o = await resolveObject(this.data, i.object);
    const object = slugOf(o);
    const planned = await plan(this.data, object, i.values);
    const missing = (await this.data.schema.attributes('objects', object)).filter(a => a.is_required && isEditable(a) && !planned.some(p => p.attribute.api_slug === a.api_slug));
    if (missing.length) throw new ToolInputError(`A new ${object} record needs ${missing.map(a => `"${a.api_slug}"`).join(', ')}.`);
    return { object, noun: o.singular_noun ?? object, planned };
  }

  async confirm(i: CreateRecordInput, w: ToolWording): Promise<Confirmation> {
    const t = await this.target(i);
    const say = w.createRecord;
    const lines = [say.intro(mdEscape(t.noun), mdEscape(this.data.session?.workspaceName ?? 'Attio')), ''];
    for (const p of t.planned) lines.push(`- ${w.updateRecord.change(mdEscape(p.attribute.title), p.attribute.api_slug, '—', line(p.texts))}`);
    return { title: say.title(), message: lines.join('\n') };
  }

  async run(i: CreateRecordInput, _signal: AbortSignal, beforeWrite: () => void): Promise<string> {
    const t = await this.target(i);
    const values: NewRecordValue[] = t.planned.map(p => ({ attribute: p.attribute, values: p.values }));
    beforeWrite();
    try {
      const created = await this.data.recordWrites.create(t.object, values);
      const objects = await this.data.records.objects();
      const obj = objects.value.find(o => slugOf(o) === t.object)!;
      return `${workspaceLine(this.data)} Created ${q(this.data.records.title(created, t.object))} · record_id ${created.id.record_id} (${recordUrl(this.data, obj, created.id.record_id)}).`;
    } catch (e) {
      const conflict = await this.data.recordWrites.uniqueConflict(t.object, e, values);
      if (!conflict) throw e;
      return `${workspaceLine(this.data)} Not created: another ${t.object} record already has this "${conflict.attribute}"${conflict.existing ? ` (record_id ${conflict.existing}); update that one with attio_update_record instead` : ''}.`;
    }
  }
}
