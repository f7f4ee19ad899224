/**
 * Writing records: an edit of one attribute costs 1 write and 1 read (the record re-read, so what is shown is what
 * Attio stored, whoever else wrote meanwhile); a create costs 1 write. The cached record changes at once (the tree,
 * detail page and hover card read the same object) and goes back to what it was when Attio refuses.
 */
import { isAttioError, type AttioAttribute, type AttioRecord } from '../attio';
import type { DataContext } from './context';
import { Keys } from './keys';
import type { RecordsData } from './records';
import { writeEdit, type ValueEdit } from './valueEdit';
import { valuesBody, type InputValue } from './valueInput';

export interface NewRecordValue {
  attribute: AttioAttribute;
  values: readonly InputValue[];
}

/** Attio refused a create because another record holds a unique value; `existing`: that record's id when found. */
export interface UniqueConflict {
  attribute: string;
  existing?: string;
}

export class RecordWrites {
  constructor(private readonly ctx: DataContext, private readonly records: RecordsData) {}

  /**
   * Writes one attribute's new values: PATCH with only the added ones when a multiselect lost none, else PUT (a
   * single value: PATCH). Then re-reads the record. The cached record shows the new values meanwhile and gets them
   * back on a refusal (the error is rethrown for the surface to word).
   */
  async edit(object: string, id: string, edit: ValueEdit): Promise<AttioRecord> {
    const client = this.ctx.client();
    const cached = this.records.peek(id);
    await writeEdit(edit, {
      values: cached?.values,
      changed: () => {
        if (cached) this.ctx.cache.set(Keys.record(object, id), cached);
        this.ctx.changes.fire({ kind: 'record', object, id });
      },
      write: (values, mode) => client.updateRecord(object, id, values, mode),
    });
    const stored = await client.getRecord(object, id, this.ctx.cache.signal);
    this.records.stored(object, stored);
    this.ctx.changes.fire({ kind: 'record', object, id });
    return stored;
  }

  /** Creates a record (1 write); the object's pages reload on next use. */
  async create(object: string, values: readonly NewRecordValue[]): Promise<AttioRecord> {
    const client = this.ctx.client();
    const record = await client.createRecord(object, valuesBody(values.map(v => ({ attribute: v.attribute, values: v.values }))));
    this.added(object, record);
    return record;
  }

  /** Updates the record holding `matching`'s value, or creates one (Attio's assert; 1 write). */
  async assert(object: string, matching: string, values: readonly NewRecordValue[]): Promise<AttioRecord> {
    const client = this.ctx.client();
    const record = await client.assertRecord(object, matching, valuesBody(values.map(v => ({ attribute: v.attribute, values: v.values }))));
    this.added(object, record);
    return record;
  }

  /**
   * When `e` is Attio refusing a unique value, which attribute, and the record holding the value (1 query, only then).
   * Attio names the attribute by slug or id; `values` are what was sent.
   */
  async uniqueConflict(object: string, e: unknown, values: readonly NewRecordValue[]): Promise<UniqueConflict | undefined> {
    if (!isAttioError(e, 'invalid-request') || e.code !== 'uniqueness_conflict' || !e.attribute) return undefined;
    const named = values.find(v => v.attribute.api_slug === e.attribute || v.attribute.id.attribute_id === e.attribute);
    const slug = named?.attribute.api_slug ?? e.attribute;
    const first = named?.values[0];
    const plain = first ? filterValue(first) : undefined;
    if (plain === undefined) return { attribute: slug };
    const page = await this.ctx.client().queryRecords(object, { filter: { [slug]: plain }, limit: 1, offset: 0 }, this.ctx.cache.signal).catch(() => undefined);
    const existing = page?.items[0]?.id.record_id;
    return existing ? { attribute: slug, existing } : { attribute: slug };
  }

  private added(object: string, record: AttioRecord): void {
    this.records.stored(object, record);
    this.ctx.cache.expireWhere(k => (k.family === 'recordsPage' || k.family === 'filteredRecordsPage') && k.parts[0] === object);
    this.ctx.changes.fire({ kind: 'record', object, id: record.id.record_id });
  }
}

/** The plain value a shorthand filter compares a unique attribute with (`{ domains: "acme.com" }`). */
function filterValue(v: InputValue): string | number | undefined {
  switch (v.kind) {
    case 'email':
    case 'domain':
    case 'text':
    case 'phone':
      return v.value;
    case 'number':
      return v.value;
    default:
      return undefined;
  }
}
