/**
 * From a record URL found in text to the record it names, through the data layer and within a request budget
 * (no vscode). A hover spends at most two requests on a record it has not seen and none on one it has:
 *
 * - the object: standard objects are known from the URL alone (`person` → `people`); any other object needs the
 *   objects list (cached for the session, so paid once);
 * - the record: one `GET`, cancelled with the caller's signal;
 * - what the card shows of it may need one more lookup (a person's company title, a deal owner's name), made only
 *   when the budget has room left.
 */
import { isAttioError, type AttioObject, type AttioRecord } from '../attio';
import type { WorkspaceData } from '../data';
import type { RecordUrl } from './recordUrls';

/** URL segments of the standard objects (singular nouns as in `web_url`, and their plural slugs). */
const STANDARD_SEGMENTS: Readonly<Record<string, string>> = {
  person: 'people',
  people: 'people',
  company: 'companies',
  companies: 'companies',
  deal: 'deals',
  deals: 'deals',
  user: 'users',
  users: 'users',
  workspace: 'workspaces',
  workspaces: 'workspaces',
};

/** How a noun appears in a URL path: lower case, anything else than letters and digits as one hyphen. */
export function urlNoun(noun: string): string {
  return noun
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The object a URL's object segment names: its id, slug, or singular or plural noun as a URL writes it. */
export function objectForSegment(objects: readonly AttioObject[], segment: string): AttioObject | undefined {
  const seg = segment.toLowerCase();
  return (
    objects.find(o => o.api_slug === segment || o.id.object_id === segment) ??
    objects.find(o => (o.singular_noun && urlNoun(o.singular_noun) === seg) || (o.plural_noun && urlNoun(o.plural_noun) === seg))
  );
}

export type LinkTarget =
  | { kind: 'signedOut' }
  | { kind: 'otherWorkspace'; activeName: string; activeSlug: string }
  | { kind: 'unknownObject'; workspaceName: string }
  | { kind: 'notFound'; workspaceName: string; objectSlug: string; object?: AttioObject }
  | { kind: 'record'; workspaceName: string; objectSlug: string; object?: AttioObject; record: AttioRecord; title: string };

/** A record not found is remembered this long, so hovering it again asks nothing. */
const MISSING_TTL_MS = 60_000;

export class RecordLinkResolver {
  private readonly missing = new Map<string, number>();
  private sessionKey = '';

  constructor(
    private readonly data: WorkspaceData,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the link names the signed-in workspace (slugs compare case-insensitively). */
  isActiveWorkspace(link: Pick<RecordUrl, 'workspaceSlug'>): boolean {
    return this.data.session?.workspaceSlug.toLowerCase() === link.workspaceSlug.toLowerCase();
  }

  /**
   * The object slug of a URL segment: from the cached objects list, else the standard objects' table, else (only
   * for other objects) the objects list loaded now, counted in `spent`.
   */
  async objectSlug(segment: string, spent?: { requests: number }): Promise<{ slug: string; object?: AttioObject } | undefined> {
    const standard = STANDARD_SEGMENTS[segment.toLowerCase()];
    let objects = this.data.records.cachedObjects();
    if (!objects) {
      if (standard) return { slug: standard };
      if (spent) spent.requests++;
      objects = (await this.data.records.objects()).value;
    }
    const o = objectForSegment(objects, segment) ?? (standard ? objects.find(x => x.api_slug === standard) : undefined);
    if (o) return { slug: o.api_slug ?? o.id.object_id, object: o };
    return standard ? { slug: standard } : undefined;
  }

  /**
   * What the link points at. `spent.requests` counts the requests made (an object list or a record). Cancellation
   * and failures other than "not found" are thrown.
   */
  async resolve(link: Pick<RecordUrl, 'workspaceSlug' | 'object' | 'recordId'>, signal: AbortSignal, spent: { requests: number } = { requests: 0 }): Promise<LinkTarget> {
    const session = this.data.signedIn ? this.data.session : undefined;
    if (!session) return { kind: 'signedOut' };
    this.forgetOnSessionChange(session.workspaceSlug);
    const workspaceName = session.workspaceName;
    if (!this.isActiveWorkspace(link)) return { kind: 'otherWorkspace', activeName: workspaceName, activeSlug: session.workspaceSlug };
    const obj = await this.objectSlug(link.object, spent);
    if (!obj) return { kind: 'unknownObject', workspaceName };
    const key = `${obj.slug}/${link.recordId}`;
    const missingAt = this.missing.get(key);
    if (missingAt !== undefined && this.now() - missingAt < MISSING_TTL_MS) return { kind: 'notFound', workspaceName, objectSlug: obj.slug, object: obj.object };
    const known = !!this.data.records.peek(link.recordId);
    try {
      const record = await this.data.records.get(obj.slug, link.recordId, signal);
      if (!known) spent.requests++;
      const object = obj.object ?? this.data.records.object(obj.slug);
      return { kind: 'record', workspaceName, objectSlug: obj.slug, object, record, title: this.data.records.title(record, obj.slug) };
    } catch (e) {
      if (!isAttioError(e, 'not-found')) throw e;
      spent.requests++;
      this.missing.set(key, this.now());
      return { kind: 'notFound', workspaceName, objectSlug: obj.slug, object: obj.object };
    }
  }

  private forgetOnSessionChange(slug: string): void {
    if (slug === this.sessionKey) return;
    this.sessionKey = slug;
    this.missing.clear();
  }
}
