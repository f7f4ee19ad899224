/**
 * The API behind each item the extension shows: which request fetches it (for "Copy as cURL" / "Copy as fetch")
 * and its JSON answer as received (for "Open as JSON"). No `vscode` import.
 *
 * Raw answers are fetched, not taken from the cache: the cache holds parsed, normalised values (a missing `values`
 * becomes `{}`, pages are cut to the page size, envelopes are dropped), while a developer wants byte-for-byte what
 * the request they copy would print: the `{"data": …}` envelope, unknown fields, nulls and key order. One request per
 * open or refresh, through the same client (token origin, limits, retries, typed errors); never cached.
 */
import type { CallParams, EndpointName } from '../attio';
import { anySignal, type DataContext } from './context';
import type { SchemaTarget } from './schema';

/** An item whose API answer can be shown or whose request can be copied. */
export type ApiItem =
  | { kind: 'self' }
  | { kind: 'object'; object: string }
  | { kind: 'list'; list: string }
  | { kind: 'attributes'; target: SchemaTarget; parent: string; archived?: boolean }
  | { kind: 'attribute'; target: SchemaTarget; parent: string; attribute: string }
  | { kind: 'options'; target: SchemaTarget; parent: string; attribute: string }
  | { kind: 'statuses'; target: SchemaTarget; parent: string; attribute: string }
  | { kind: 'records'; object: string; limit: number; offset: number }
  | { kind: 'record'; object: string; id: string }
  | { kind: 'entries'; list: string; limit: number; offset: number }
  | { kind: 'entry'; list: string; id: string }
  | { kind: 'task'; id: string }
  | { kind: 'note'; id: string }
  | { kind: 'webhooks' }
  | { kind: 'webhook'; id: string };

/** One request: an endpoint of the client's table and its parameters. */
export interface ApiCall {
  endpoint: EndpointName;
  params: CallParams;
}

/** Which request fetches `item` (pure). */
export function apiCall(item: ApiItem): ApiCall {
  switch (item.kind) {
    case 'self':
      return { endpoint: 'self', params: {} };
    case 'object':
      return { endpoint: 'getObject', params: { path: { object: item.object } } };
    case 'list':
      return { endpoint: 'getList', params: { path: { list: item.list } } };
    case 'attributes':
      return { endpoint: 'listAttributes', params: { path: { target: item.target, identifier: item.parent }, query: item.archived ? { show_archived: true } : {} } };
    case 'attribute':
      return { endpoint: 'getAttribute', params: { path: { target: item.target, identifier: item.parent, attribute: item.attribute } } };
    case 'options':
      return { endpoint: 'listSelectOptions', params: { path: { target: item.target, identifier: item.parent, attribute: item.attribute }, query: { show_archived: true } } };
    case 'statuses':
      return { endpoint: 'listStatuses', params: { path: { target: item.target, identifier: item.parent, attribute: item.attribute }, query: { show_archived: true } } };
    case 'records':
      return { endpoint: 'queryRecords', params: { path: { object: item.object }, body: { limit: item.limit, offset: item.offset } } };
    case 'record':
      return { endpoint: 'getRecord', params: { path: { object: item.object, record_id: item.id } } };
    case 'entries':
      return { endpoint: 'queryEntries', params: { path: { list: item.list }, body: { limit: item.limit, offset: item.offset } } };
    case 'entry':
      return { endpoint: 'getEntry', params: { path: { list: item.list, entry_id: item.id } } };
    case 'task':
      return { endpoint: 'getTask', params: { path: { task_id: item.id } } };
    case 'note':
      return { endpoint: 'getNote', params: { path: { note_id: item.id } } };
    case 'webhooks':
      return { endpoint: 'listWebhooks', params: { query: { limit: 100, offset: 0 } } };
    case 'webhook':
      return { endpoint: 'getWebhook', params: { path: { webhook_id: item.id } } };
  }
}

/** A short name for the item's document (`people-<id>.json`); ids and slugs only, never CRM text. */
export function apiItemName(item: ApiItem): string {
  switch (item.kind) {
    case 'self':
      return 'self';
    case 'object':
      return `object-${item.object}`;
    case 'list':
      return `list-${item.list}`;
    case 'attributes':
      return `${item.parent}-attributes`;
    case 'attribute':
      return `${item.parent}-${item.attribute}`;
    case 'options':
      return `${item.parent}-${item.attribute}-options`;
    case 'statuses':
      return `${item.parent}-${item.attribute}-statuses`;
    case 'records':
      return `${item.object}-records-${item.offset}-${item.offset + item.limit}`;
    case 'record':
      return `${item.object}-${item.id}`;
    case 'entries':
      return `${item.list}-entries-${item.offset}-${item.offset + item.limit}`;
    case 'entry':
      return `entry-${item.id}`;
    case 'task':
      return `task-${item.id}`;
    case 'note':
      return `note-${item.id}`;
    case 'webhooks':
      return 'webhooks';
    case 'webhook':
      return `webhook-${item.id}`;
  }
}

export class ApiData {
  constructor(private readonly ctx: DataContext) {}

  /** The JSON answer to `call` (see {@link apiCall}) as received: one request, not cached. */
  raw({ endpoint, params }: ApiCall, signal?: AbortSignal): Promise<unknown> {
    const client = this.ctx.client();
    const s = signal ? anySignal(signal, this.ctx.cache.signal) : this.ctx.cache.signal;
    return client.raw(endpoint, params, s);
  }
}
