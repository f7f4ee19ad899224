/**
 * Writes to lists: add a record to a list, move an entry to another stage, edit an entry's value, remove an entry. What is shown changes at
 * once (the cached entry's stage, the entry left out of its list), goes back when Attio refuses (the error is rethrown
 * for the surface to word), and after a stage move the entry is read again to show what Attio stored.
 *
 * Requests: add 1 write (+ the list's attributes once, cached); move 1 write + 1 read; an edit of a value 1 write + 1
 * read; remove 1 write.
 */
import type { AttioAttribute, AttioEntry, AttioList, AttioStatus, EntryWriteValues } from '../attio';
import type { DataContext } from './context';
import { Keys } from './keys';
import type { ListsData } from './lists';
import type { SchemaData } from './schema';
import { writeEdit, type ValueEdit } from './valueEdit';
import { valuesBody } from './valueInput';

export interface EntryParent {
  object: string;
  recordId: string;
}

export class EntryWrites {
  constructor(private readonly ctx: DataContext, private readonly lists: ListsData, private readonly schema: SchemaData) {}

  /** The list's stage: its first status attribute that can be written, if it has one (the attributes are cached). */
  async stageAttribute(listId: string): Promise<AttioAttribute | undefined> {
    const attrs = await this.schema.attributes('lists', listId);
    return attrs.find(isStage);
  }

  /** {@link stageAttribute} from what is cached (no request; undefined until the list's attributes are loaded). */
  cachedStageAttribute(listId: string): AttioAttribute | undefined {
    return this.ctx.cache.peek(Keys.attributes('lists', listId))?.find(isStage);
  }

  /** Whether the list has stages, from what is cached: its attributes, or entries seen holding a status (no request). */
  hasStages(listId: string): boolean {
    return !!this.cachedStageAttribute(listId) || !!this.ctx.cache.peek(Keys.listStaged(listId));
  }

  /** Notes entries just loaded: any holding a status value tells that the list has stages. */
  noteEntries(listId: string, entries: readonly AttioEntry[]): void {
    if (entries.some(holdsStatus)) this.ctx.cache.set(Keys.listStaged(listId), true);
  }

  /** The stages an entry can be moved to (not archived), in Attio's order. */
  async stages(listId: string, attribute: AttioAttribute): Promise<AttioStatus[]> {
    return (await this.schema.statuses('lists', listId, attribute.api_slug)).filter(s => !s.is_archived);
  }

  /** Lists a record of `object` can be added to (their parent object is the record's). */
  async listsFor(object: string): Promise<AttioList[]> {
    const all = (await this.lists.lists()).value;
    const objectId = this.ctx.cache.peek(Keys.objects())?.find(o => o.api_slug === object)?.id.object_id;
    return all.filter(l => l.parent_object.some(p => p === object || p === objectId));
  }

  /** Adds a record to a list with its first values (a stage, when the list asks for one): 1 write. */
  async add(listId: string, parent: EntryParent, values: EntryWriteValues = {}): Promise<AttioEntry> {
    const entry = await this.ctx.client().createEntry(listId, parent, values);
    this.ctx.cache.expire('lists');
    this.ctx.cache.expire(Keys.recordEntries(parent.object, parent.recordId));
    this.ctx.changes.fire({ kind: 'entries', list: listId });
    return entry;
  }

  /**
   * Moves an entry to a stage: shown at once, 1 write, then 1 read of what Attio stored. On a refusal the old stage is
   * back and the error is rethrown. Resolves to the entry as Attio has it.
   */
  async setStage(listId: string, entry: AttioEntry, attribute: AttioAttribute, status: AttioStatus): Promise<AttioEntry> {
    const slug = attribute.api_slug;
    const before = entry.entry_values[slug];
    entry.entry_values[slug] = [shownStatus(status, this.ctx.now())];
    this.ctx.changes.fire({ kind: 'entries', list: listId });
    const client = this.ctx.client();
    try {
      await client.updateEntry(listId, entry.id.entry_id, valuesBody([{ attribute, values: [{ kind: 'option', value: status.id.status_id }] }]), 'overwrite');
    } catch (e) {
      if (before) entry.entry_values[slug] = before;
      else delete entry.entry_values[slug];
      this.ctx.changes.fire({ kind: 'entries', list: listId });
      throw e;
    }
    return this.reread(listId, entry);
  }

  /**
   * Writes one attribute of an entry (data/valueEdit.ts: PATCH, or PUT when multiselect values were removed), shown at
   * once and put back on a refusal, then reads the entry again: 1 write + 1 read. Resolves to the entry as Attio has it.
   */
  async edit(listId: string, entry: AttioEntry, edit: ValueEdit): Promise<AttioEntry> {
    const client = this.ctx.client();
    await writeEdit(edit, {
      values: entry.entry_values,
      changed: () => this.ctx.changes.fire({ kind: 'entries', list: listId }),
      write: (values, mode) => client.updateEntry(listId, entry.id.entry_id, values, mode),
    });
    return this.reread(listId, entry);
  }

  /** After a write: someone else may have written too, so the entry shows what Attio stored (a failed read keeps the write's value). */
  private async reread(listId: string, entry: AttioEntry): Promise<AttioEntry> {
    const stored = await this.ctx.client().getEntry(listId, entry.id.entry_id).catch(e => this.ctx.softFail<AttioEntry | undefined>(e, undefined));
    if (stored) entry.entry_values = stored.entry_values;
    this.ctx.cache.expire(Keys.entry(listId, entry.id.entry_id));
    this.ctx.changes.fire({ kind: 'entries', list: listId });
    return entry;
  }

  /** Removes an entry from its list (the record stays): gone from the list at once, back on a refusal. 1 write. */
  async remove(listId: string, entry: AttioEntry): Promise<void> {
    const id = entry.id.entry_id;
    this.lists.hide(id);
    this.ctx.changes.fire({ kind: 'entries', list: listId });
    try {
      await this.ctx.client().deleteEntry(listId, id);
    } catch (e) {
      this.lists.hide(id, false);
      this.ctx.changes.fire({ kind: 'entries', list: listId });
      throw e;
    }
    this.ctx.cache.expire('lists');
    this.ctx.cache.expire(Keys.recordEntries(entry.parent_object, entry.parent_record_id));
    this.ctx.changes.fire({ kind: 'entries', list: listId });
  }
}

function isStage(a: AttioAttribute): boolean {
  return a.type === 'status' && !a.is_archived && a.is_writable !== false;
}

/** The stage as shown until Attio answers (the shape of a status value as read). */
function shownStatus(status: AttioStatus, now: number): AttioEntry['entry_values'][string][number] {
  return {
    active_from: new Date(now).toISOString(),
    active_until: null,
    created_by_actor: { type: 'api-token', id: null },
    status: { id: status.id, title: status.title, is_archived: false, celebration_enabled: status.celebration_enabled ?? false, target_time_in_status: status.target_time_in_status ?? null },
    attribute_type: 'status',
  } as AttioEntry['entry_values'][string][number];
}

/** Whether an entry holds a status value (its list has stages). */
export function holdsStatus(entry: AttioEntry): boolean {
  return Object.values(entry.entry_values).some(vs => vs?.some(v => (v as { attribute_type?: string }).attribute_type === 'status'));
}
