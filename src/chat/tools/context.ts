/**
 * What the tools get injected: the data layer's parts they read (narrow picks), the error explainer, and the shared
 * resolution of objects, lists and records from what a model passes (slug, name, id, URL). No `vscode`.
 */
import type { AttioList, AttioObject } from '../../attio';
import type { WorkspaceData } from '../../data';
import { parseRecordRef, ToolInputError } from './common';

/** The data layer as the tools see it. */
export type ToolData = Pick<WorkspaceData, 'records' | 'recordWrites' | 'entryWrites' | 'lists' | 'tasks' | 'notes' | 'search' | 'schema' | 'session' | 'sessionKey' | 'workspaceUrl'>;

/** Turns a failure of one part of an answer into a sentence (names a missing scope, the sign-in command…). */
export type Explain = (e: unknown, feature: string) => string;

/** What a tool's answer starts with: the workspace, so the model knows where the data comes from. */
export function workspaceLine(data: Pick<ToolData, 'session'>): string {
  const ws = data.session?.workspaceName;
  return ws ? `Attio workspace ${JSON.stringify(ws)}.` : 'Attio workspace.';
}

const kebab = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** The object with this slug, id, singular or plural noun (the objects list is cached: 1 request the first time). */
export async function resolveObject(data: Pick<ToolData, 'records'>, name: string): Promise<AttioObject> {
  const objects = (await data.records.objects()).value;
  const k = kebab(name);
  const found =
    objects.find(o => o.api_slug === name || o.id.object_id === name) ??
    objects.find(o => kebab(o.api_slug) === k || kebab(o.singular_noun) === k || kebab(o.plural_noun) === k);
  if (!found) throw new ToolInputError(`No object ${JSON.stringify(name)} in this workspace. Objects: ${objects.map(o => o.api_slug ?? o.id.object_id).join(', ')}.`);
  return found;
}

export const slugOf = (o: AttioObject): string => o.api_slug ?? o.id.object_id;

/** The list with this id, slug or name (the lists are cached: 1 request the first time). */
export async function resolveList(data: Pick<ToolData, 'lists'>, name: string): Promise<AttioList> {
  const lists = (await data.lists.lists()).value;
  const lower = name.toLowerCase();
  const partial = lists.filter(l => l.name.toLowerCase().includes(lower) || l.api_slug.toLowerCase().includes(lower));
  const found =
    lists.find(l => l.id.list_id === name || l.api_slug === name) ??
    lists.find(l => l.name.toLowerCase() === lower || l.api_slug.toLowerCase() === lower) ??
    (partial.length === 1 ? partial[0] : undefined);
  if (!found) throw new ToolInputError(`No list ${JSON.stringify(name)} in this workspace. Lists: ${lists.map(l => `${JSON.stringify(l.name)} (${l.api_slug})`).join(', ')}.`);
  return found;
}

/** A record's object slug and id from an id or URL, with the object given or already known to the data layer. */
export async function resolveRecord(data: Pick<ToolData, 'records'>, record: string, object: string | undefined): Promise<{ object: AttioObject; id: string }> {
  const ref = parseRecordRef(record);
  const name = object ?? ref.urlObject ?? data.records.objectOf(ref.id);
  if (!name) {
    throw new ToolInputError(`Which object is record ${ref.id} in? Pass "object" (e.g. "people", "companies") or the record's Attio URL; attio_search_records gives both.`);
  }
  return { object: await resolveObject(data, name), id: ref.id };
}

/** The record's web URL: its own when loaded, else the workspace URL with the object's noun. */
export function recordUrl(data: Pick<ToolData, 'records' | 'workspaceUrl'>, object: AttioObject, id: string): string {
  return data.records.url(id) ?? `${data.workspaceUrl()}/${kebab(object.singular_noun) || slugOf(object)}/${id}`;
}
