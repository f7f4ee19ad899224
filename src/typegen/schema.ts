/**
 * The part of a workspace's schema the generated types describe: objects and lists, their attributes (slug, type,
 * flags) and the options of select and status attributes. Read through the data layer (cached: regenerating within
 * the cache TTL costs no request), summarised compactly for the generated file's header, fingerprinted, and compared
 * with an older summary ("what changed"). Pure: no `vscode`, no Node.
 *
 * Requests: 1 for the objects, 1 for the lists, 1 per object and list for its attributes, 1 per select or status
 * attribute for its options: within the budget of 1 + 2 × (objects + lists) + (select/status attributes).
 */
import type { AttioAttribute, AttioList, AttioObject, AttioSelectOption, AttioStatus } from '../attio';
import type { SchemaTarget } from '../data';

/** Where the schema is read from: the data layer (`WorkspaceData`'s parts) in the extension and the CLI. */
export interface SchemaReader {
  objects(): Promise<AttioObject[]>;
  lists(): Promise<AttioList[]>;
  attributes(target: SchemaTarget, id: string): Promise<AttioAttribute[]>;
  selectOptions(target: SchemaTarget, id: string, attribute: string): Promise<AttioSelectOption[]>;
  statuses(target: SchemaTarget, id: string, attribute: string): Promise<AttioStatus[]>;
}

/** The parts of `WorkspaceData` a reader needs (structural, so this folder needs no class of the data layer). */
export interface SchemaDataParts {
  records: { objects(): Promise<{ value: AttioObject[] }> };
  lists: { lists(): Promise<{ value: AttioList[] }> };
  schema: Omit<SchemaReader, 'objects' | 'lists'>;
}

export function schemaReaderOf(data: SchemaDataParts): SchemaReader {
  return {
    objects: async () => (await data.records.objects()).value,
    lists: async () => (await data.lists.lists()).value,
    attributes: (t, id) => data.schema.attributes(t, id),
    selectOptions: (t, id, a) => data.schema.selectOptions(t, id, a),
    statuses: (t, id, a) => data.schema.statuses(t, id, a),
  };
}

/** An option or status: its id and title; `archived` ones appear in values Attio returns but are not written. */
export interface ChoiceSummary {
  id: string;
  title: string;
  archived?: true;
}

export interface AttributeSummary {
  slug: string;
  type: string;
  multi?: true;
  /** Writable through the API (system attributes such as `created_at` are not). */
  readOnly?: true;
  required?: true;
  /** For select and status attributes. */
  choices?: ChoiceSummary[];
  /** For record references: the object slugs or ids it may point to, when Attio says. */
  targets?: string[];
}

export interface TargetSummary {
  slug: string;
  /** A list's parent object slugs. */
  parents?: string[];
  attributes: AttributeSummary[];
}

/** Everything the generated file depends on, in a stable order (Attio's UI order for attributes). */
export interface SchemaSummary {
  objects: TargetSummary[];
  lists: TargetSummary[];
}

export interface WorkspaceIdentity {
  name: string;
  slug: string;
}

const CHOICE_TYPES = new Set(['select', 'status']);

function recordReferenceTargets(a: AttioAttribute): string[] | undefined {
  const ids = (a as { config?: { record_reference?: { allowed_object_ids?: unknown } } }).config?.record_reference?.allowed_object_ids;
  return Array.isArray(ids) && ids.every(x => typeof x === 'string') && ids.length ? (ids as string[]) : undefined;
}

function summariseAttribute(a: AttioAttribute, choices: (AttioSelectOption | AttioStatus)[] | undefined, objectSlug: (id: string) => string): AttributeSummary {
  const out: AttributeSummary = { slug: a.api_slug, type: a.type };
  if (a.is_multiselect) out.multi = true;
  if (a.is_writable === false) out.readOnly = true;
  if (a.is_required) out.required = true;
  if (choices) {
    out.choices = choices.map(c => {
      const id = 'status_id' in c.id ? (c.id as { status_id: string }).status_id : (c.id as { option_id: string }).option_id;
      return { id, title: c.title, ...(c.is_archived ? { archived: true as const } : {}) };
    });
  }
  const targets = a.type === 'record-reference' ? recordReferenceTargets(a) : undefined;
  if (targets) out.targets = targets.map(objectSlug);
  return out;
}

/** Reads the schema: objects and lists at once, then every attribute list, then every select/status attribute's options. */
export async function readSchema(reader: SchemaReader): Promise<SchemaSummary> {
  const [objects, lists] = await Promise.all([reader.objects(), reader.lists()]);
  const slugOf = new Map(objects.map(o => [o.id.object_id, o.api_slug ?? o.id.object_id]));
  const objectSlug = (id: string): string => slugOf.get(id) ?? id;
  const summarise = async (target: SchemaTarget, id: string, slug: string, parents?: string[]): Promise<TargetSummary> => {
    const attrs = (await reader.attributes(target, id)).filter(a => !a.is_archived);
    const summaries = await Promise.all(
      attrs.map(async a => {
        if (!CHOICE_TYPES.has(a.type)) return summariseAttribute(a, undefined, objectSlug);
        const choices = a.type === 'status' ? await reader.statuses(target, id, a.api_slug) : await reader.selectOptions(target, id, a.api_slug);
        return summariseAttribute(a, choices, objectSlug);
      }),
    );
    return { slug, ...(parents ? { parents } : {}), attributes: summaries };
  };
  const [objectSummaries, listSummaries] = await Promise.all([
    Promise.all(objects.map(o => summarise('objects', o.api_slug ?? o.id.object_id, o.api_slug ?? o.id.object_id))),
    Promise.all(lists.map(l => summarise('lists', l.id.list_id, l.api_slug, l.parent_object.map(objectSlug)))),
  ]);
  return { objects: objectSummaries, lists: listSummaries };
}

/**
 * A stable hash of the summary (two FNV-1a 32-bit hashes of its JSON, 16 hex digits): the same schema gives the
 * same fingerprint whenever it is generated; the time is not part of it.
 */
export function fingerprint(summary: SchemaSummary): string {
  const text = JSON.stringify(summary);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** One difference between two summaries, for the stale-types diagnostic and `--check`. */
export type SchemaChange =
  | { kind: 'targetAdded' | 'targetRemoved'; target: 'object' | 'list'; slug: string }
  | { kind: 'attributeAdded' | 'attributeRemoved'; target: 'object' | 'list'; slug: string; attribute: string }
  | { kind: 'attributeRetyped'; target: 'object' | 'list'; slug: string; attribute: string; from: string; to: string }
  | { kind: 'attributeChanged'; target: 'object' | 'list'; slug: string; attribute: string }
  | { kind: 'optionAdded' | 'optionRemoved'; target: 'object' | 'list'; slug: string; attribute: string; option: string };

function diffTargets(kind: 'object' | 'list', before: TargetSummary[], after: TargetSummary[], out: SchemaChange[]): void {
  const old = new Map(before.map(t => [t.slug, t]));
  const now = new Map(after.map(t => [t.slug, t]));
  for (const slug of old.keys()) if (!now.has(slug)) out.push({ kind: 'targetRemoved', target: kind, slug });
  for (const [slug, t] of now) {
    const was = old.get(slug);
    if (!was) {
      out.push({ kind: 'targetAdded', target: kind, slug });
      continue;
    }
    const oldAttrs = new Map(was.attributes.map(a => [a.slug, a]));
    const newAttrs = new Map(t.attributes.map(a => [a.slug, a]));
    for (const a of oldAttrs.keys()) if (!newAttrs.has(a)) out.push({ kind: 'attributeRemoved', target: kind, slug, attribute: a });
    for (const [a, attr] of newAttrs) {
      const prev = oldAttrs.get(a);
      if (!prev) out.push({ kind: 'attributeAdded', target: kind, slug, attribute: a });
      else if (prev.type !== attr.type) out.push({ kind: 'attributeRetyped', target: kind, slug, attribute: a, from: prev.type, to: attr.type });
      else {
        const titles = (s: AttributeSummary): Set<string> => new Set((s.choices ?? []).filter(c => !c.archived).map(c => c.title));
        const [p, n] = [titles(prev), titles(attr)];
        for (const o of n) if (!p.has(o)) out.push({ kind: 'optionAdded', target: kind, slug, attribute: a, option: o });
        for (const o of p) if (!n.has(o)) out.push({ kind: 'optionRemoved', target: kind, slug, attribute: a, option: o });
        const rest = (s: AttributeSummary): string => JSON.stringify({ ...s, choices: (s.choices ?? []).map(c => [c.id, c.title, !!c.archived]).sort() });
        if (p.size === n.size && [...n].every(o => p.has(o)) && rest(prev) !== rest(attr)) out.push({ kind: 'attributeChanged', target: kind, slug, attribute: a });
      }
    }
  }
}

/** What changed from `before` to `after`, objects first, then lists; [] when nothing the types depend on changed. */
export function diffSchemas(before: SchemaSummary, after: SchemaSummary): SchemaChange[] {
  const out: SchemaChange[] = [];
  diffTargets('object', before.objects, after.objects, out);
  diffTargets('list', before.lists, after.lists, out);
  return out;
}

/** One English line per change (the CLI's summary; the editor words them in the person's language). */
export function describeChange(c: SchemaChange): string {
  const where = `${c.target} ${c.slug}`;
  switch (c.kind) {
    case 'targetAdded':
      return `${where}: added`;
    case 'targetRemoved':
      return `${where}: removed`;
    case 'attributeAdded':
      return `${where}: attribute ${c.attribute} added`;
    case 'attributeRemoved':
      return `${where}: attribute ${c.attribute} removed`;
    case 'attributeRetyped':
      return `${where}: attribute ${c.attribute} retyped from ${c.from} to ${c.to}`;
    case 'attributeChanged':
      return `${where}: attribute ${c.attribute} changed (flags or option ids)`;
    case 'optionAdded':
      return `${where}: attribute ${c.attribute} option ${JSON.stringify(c.option)} added`;
    case 'optionRemoved':
      return `${where}: attribute ${c.attribute} option ${JSON.stringify(c.option)} removed`;
  }
}
