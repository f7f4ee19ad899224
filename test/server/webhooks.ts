/**
 * Webhooks of the seeded workspace (read-only here: list and get), in Attio's wire shape: a target URL, a status
 * (active / degraded / inactive) and subscriptions with optional `$and` / `$or` filters. Seeded last, so no other
 * identifier of a seed moves.
 */
import { notFound } from './errors';
import { Workspace, attioTimestamp } from './model';
import { Prng } from './prng';

export interface WebhookRow {
  id: string;
  targetUrl: string;
  status: 'active' | 'degraded' | 'inactive';
  subscriptions: { event_type: string; filter: unknown }[];
  createdAt: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** Four believable webhooks: a CRM sync, a Slack relay, a task bot, and one that stopped answering. */
export function seedWebhooks(ws: Workspace, rng: Prng, now: number): WebhookRow[] {
  const object = (slug: string) => ws.objects.find((o) => o.slug === slug)?.id ?? slug;
  const pipeline = ws.lists[0];
  const rows: WebhookRow[] = [
    {
      id: rng.uuid(),
      targetUrl: 'https://sync.northwindlabs.com/attio/events',
      status: 'active',
      subscriptions: [
        { event_type: 'record.created', filter: { $or: [{ field: 'object_id', operator: 'equals', value: object('people') }, { field: 'object_id', operator: 'equals', value: object('companies') }] } },
        { event_type: 'record.updated', filter: null },
        { event_type: 'record.deleted', filter: null },
      ],
      createdAt: attioTimestamp(now - 200 * DAY),
    },
    {
      id: rng.uuid(),
      targetUrl: 'https://hooks.slack-relay.example/northwind/deals',
      status: 'active',
      subscriptions: pipeline
        ? [
            { event_type: 'list-entry.created', filter: { $and: [{ field: 'list_id', operator: 'equals', value: pipeline.id }] } },
            { event_type: 'list-entry.updated', filter: { $and: [{ field: 'list_id', operator: 'equals', value: pipeline.id }] } },
          ]
        : [],
      createdAt: attioTimestamp(now - 120 * DAY),
    },
    {
      id: rng.uuid(),
      targetUrl: 'https://tasks-bot.northwindlabs.com/webhook',
      status: 'degraded',
      subscriptions: [
        { event_type: 'task.created', filter: null },
        { event_type: 'task.updated', filter: null },
      ],
      createdAt: attioTimestamp(now - 45 * DAY),
    },
    {
      id: rng.uuid(),
      targetUrl: 'https://old-integration.example.com/attio',
      status: 'inactive',
      subscriptions: [{ event_type: 'note.created', filter: { $and: [{ field: 'parent_object_id', operator: 'not_equals', value: object('deals') }] } }],
      createdAt: attioTimestamp(now - 400 * DAY),
    },
  ];
  return rows;
}

export function webhookJson(ws: Workspace, w: WebhookRow) {
  return {
    target_url: w.targetUrl,
    subscriptions: w.subscriptions.map((s) => ({ event_type: s.event_type, filter: s.filter })),
    id: { workspace_id: ws.id, webhook_id: w.id },
    status: w.status,
    created_at: w.createdAt,
  };
}

export function webhookOr404(ws: Workspace, id: string): WebhookRow {
  const w = (ws.webhooks ?? []).find((x) => x.id === id);
  if (!w) throw notFound(`Webhook with ID "${id}" not found.`);
  return w;
}
