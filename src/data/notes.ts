/** Notes on records: one request per record; a loaded note can be found again by id (for its detail page). */
import type { AttioNote, CreateNoteInput } from '../attio';
import { itemsOf, type DataContext } from './context';
import { Keys } from './keys';

export class NotesData {
  constructor(private readonly ctx: DataContext) {}

  async list(object: string, id: string) {
    const client = this.ctx.client();
    return this.ctx.cache.get(Keys.notes(object, id), async signal => itemsOf(await client.listNotes({ parentObject: object, parentRecordId: id, limit: 50, offset: 0 }, signal)));
  }

  /** Adds a note to a record; it goes to the front of that record's cached notes (no reload). */
  async create(input: CreateNoteInput): Promise<AttioNote> {
    const note = await this.ctx.client().createNote(input);
    this.ctx.cache.update(Keys.notes(input.parentObject, input.parentRecordId), list => [note, ...list.filter(n => n.id.note_id !== note.id.note_id)]);
    return note;
  }

  /** A note from any loaded record's notes. */
  cached(id: string): { note: AttioNote; object: string } | undefined {
    for (const [key, notes] of this.ctx.cache.entriesOf<AttioNote[]>('notes')) {
      const note = notes.find(n => n.id.note_id === id);
      if (note) return { note, object: key.parts[0] };
    }
    return undefined;
  }
}
