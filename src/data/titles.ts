const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Titles of every record the data layer has seen, by object (slug or id) and record id. */
export class TitleIndex {
  private readonly titles = new Map<string, string>();
  /** Record id → an object it was seen under (a slug rather than an object id when both were seen). */
  private readonly objects = new Map<string, string>();

  get(object: string, id: string): string | undefined {
    return this.titles.get(`${object}\u0000${id}`);
  }

  has(object: string, id: string): boolean {
    return this.titles.has(`${object}\u0000${id}`);
  }

  set(object: string, id: string, title: string): void {
    this.titles.set(`${object}\u0000${id}`, title);
    const known = this.objects.get(id);
    if (!known || (UUID.test(known) && !UUID.test(object))) this.objects.set(id, object);
  }

  /** The object (slug when known) a record id was seen under. */
  objectOf(id: string): string | undefined {
    return this.objects.get(id);
  }

  clear(): void {
    this.titles.clear();
    this.objects.clear();
  }
}

/** `object → record ids` still to look up, built by {@link wantTitle}. */
export type WantedTitles = Map<string, Set<string>>;

export function wantTitle(wanted: WantedTitles, object: string, id: string): void {
  let set = wanted.get(object);
  if (!set) wanted.set(object, (set = new Set()));
  set.add(id);
}
