/** A record's or entry's attribute values as rows: type-aware text, references with titles, actors with names. */
import type { AttioAttribute, AttioValues } from '../attio';
import type { DataContext } from './context';
import { currentValues, humanize, renderValue, type AnyValue, type ValueWords } from './format';
import type { MembersData } from './members';
import { wantTitle, type WantedTitles } from './titles';
import { isEditable } from './valueInput';

export interface RecordRef {
  object: string;
  id: string;
  title: string;
}

/** One attribute of a record or entry with its current values rendered. */
export interface ValueRow {
  slug: string;
  title: string;
  type: string;
  values: AnyValue[];
  texts: string[];
  /** A person may write this attribute (writable, not archived, a type that can be written). */
  editable: boolean;
  /** Record references among the values, with their titles. */
  refs: RecordRef[];
}

export class ValueRows {
  constructor(
    private readonly ctx: DataContext,
    private readonly members: MembersData,
    private readonly fetchTitles: (wanted: WantedTitles) => Promise<void>,
  ) {}

  /** Rows for `values`; resolves titles of references in `batch` (the page) at once. `words`: see {@link DataContext.renderContext}. */
  async build(values: AttioValues, attrs: AttioAttribute[], batch: AttioValues[], words?: ValueWords): Promise<ValueRow[]> {
    await Promise.all([
      this.resolveRefs(batch.length ? batch : [values]),
      needsMembers(values) ? this.members.byId().catch(e => this.ctx.softFail(e, undefined)) : undefined,
    ]);
    const rc = this.ctx.renderContext(words);
    const order = new Map(attrs.map((a, i) => [a.api_slug, i]));
    const titleOf = new Map(attrs.map(a => [a.api_slug, a.title]));
    const editable = new Set(attrs.filter(isEditable).map(a => a.api_slug));
    const rows: ValueRow[] = [];
    for (const [slug, arr] of Object.entries(values)) {
      const current = currentValues(arr);
      if (!current.length) continue;
      const texts = current.map(v => renderValue(v, rc)).filter(t => t !== '');
      if (!texts.length) continue;
      const refs: RecordRef[] = [];
      for (const v of current) {
        const ref = refOf(v);
        if (ref) refs.push({ ...ref, title: rc.recordTitle(ref.object, ref.id) ?? ref.id });
      }
      rows.push({ slug, title: titleOf.get(slug) ?? humanize(slug), type: current[0].attribute_type, editable: editable.has(slug), values: current, texts, refs });
    }
    rows.sort((a, b) => (order.get(a.slug) ?? 1e9) - (order.get(b.slug) ?? 1e9) || a.title.localeCompare(b.title));
    return rows;
  }

  /** Fetches titles of every record referenced from `batch` that is not known yet: one query per object. */
  private async resolveRefs(batch: AttioValues[]): Promise<void> {
    const wanted: WantedTitles = new Map();
    for (const values of batch) for (const arr of Object.values(values)) for (const v of currentValues(arr)) {
      const ref = refOf(v);
      if (ref && !this.ctx.titles.has(ref.object, ref.id)) wantTitle(wanted, ref.object, ref.id);
    }
    await this.fetchTitles(wanted);
  }
}

function refOf(v: AnyValue): { object: string; id: string } | undefined {
  if (v.attribute_type !== 'record-reference') return undefined;
  const r = v as { target_object?: string; target_record_id?: string };
  return r.target_object && r.target_record_id ? { object: r.target_object, id: r.target_record_id } : undefined;
}

function needsMembers(values: AttioValues): boolean {
  for (const arr of Object.values(values)) for (const v of arr) {
    if (v.attribute_type === 'actor-reference' || v.attribute_type === 'interaction') return true;
  }
  return false;
}
