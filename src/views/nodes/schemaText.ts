/**
 * Text of the schema and webhook nodes (descriptions, tooltips, icons), loaded on first use as dist/schemaText.js
 * (see esbuild.js): the nodes render only after an expansion, so activation never parses this. Pure, no `vscode`.
 */
import type { AttioAttribute, AttioSelectOption, AttioStatus, AttioWebhook } from '../../attio';
import { mdEscape } from '../../data';

const TYPE_ICONS: Record<string, string> = {
  text: 'symbol-text',
  number: 'symbol-number',
  checkbox: 'check',
  currency: 'credit-card',
  date: 'calendar',
  timestamp: 'clock',
  rating: 'star-empty',
  status: 'symbol-enum-member',
  select: 'symbol-enum',
  'record-reference': 'references',
  'actor-reference': 'person',
  location: 'location',
  domain: 'globe',
  'email-address': 'mail',
  'phone-number': 'device-mobile',
  interaction: 'pulse',
  'personal-name': 'person',
};

/** Codicon of an attribute type. */
export const typeIcon = (type: string): string => TYPE_ICONS[type] ?? 'symbol-field';

const code = (s: string): string => `\`${s.replace(/[`\r\n]/g, '')}\``;

/** Required, unique, multiselect, system, read-only, archived: the flags a developer writing to the API needs. */
export function attributeFlags(a: AttioAttribute): string[] {
  const flags: string[] = [];
  if (a.is_required) flags.push('required');
  if (a.is_unique) flags.push('unique');
  if (a.is_multiselect) flags.push('multiselect');
  if (a.is_system_attribute) flags.push('system');
  if (a.is_writable === false) flags.push('read-only');
  if (a.is_archived) flags.push('archived');
  return flags;
}

/** `api_slug · type · flags`. */
export function attributeDescription(a: AttioAttribute): string {
  const flags = attributeFlags(a);
  return [a.api_slug, a.type, ...(flags.length ? [flags.join(', ')] : [])].join(' · ');
}

export function attributeTooltip(a: AttioAttribute): string[] {
  const flags = attributeFlags(a);
  return [
    `**${mdEscape(a.title)}**`,
    '',
    `- API slug: ${code(a.api_slug)}`,
    `- Type: ${code(a.type)}`,
    flags.length ? `- ${flags.join(', ')}` : '',
    `- ID: ${code(a.id.attribute_id)}`,
    '',
    a.description ? mdEscape(a.description) : '*No description.*',
  ];
}

export function choiceId(c: AttioSelectOption | AttioStatus): string {
  return 'status_id' in c.id ? (c.id as { status_id: string }).status_id : (c.id as { option_id: string }).option_id;
}

export function choiceTooltip(c: AttioSelectOption | AttioStatus): string[] {
  const s = c as AttioStatus;
  return [
    `**${mdEscape(c.title)}**`,
    '',
    `- ID: ${code(choiceId(c))}`,
    c.is_archived ? '- Archived' : '',
    s.celebration_enabled ? '- Celebrates when reached' : '',
    s.target_time_in_status ? `- Target time in status: ${code(s.target_time_in_status)}` : '',
  ];
}

/** `list_id equals 3f2…` joined by and / or; `all events` for a null filter. */
export function describeFilter(filter: unknown): string {
  if (filter == null) return 'all events';
  const f = filter as Record<string, unknown>;
  for (const [key, joiner] of [['$and', ' and '], ['$or', ' or ']] as const) {
    const parts = typeof f === 'object' ? f[key] : undefined;
    if (Array.isArray(parts)) {
      return parts.map(p => `${String(p?.field)} ${String(p?.operator).replace('_', ' ')} ${String(p?.value)}`).join(joiner);
    }
  }
  return JSON.stringify(filter);
}

export function webhookTooltip(w: AttioWebhook, created: string | undefined): string[] {
  const note = w.status === 'degraded' ? ' (deliveries failing; inactive after 7 days)' : w.status === 'inactive' ? ' (receives no events)' : '';
  return [
    `**${mdEscape(w.target_url)}**`,
    '',
    `- Status: ${mdEscape(w.status)}${note}`,
    created ? `- Created ${created}` : '',
    `- ID: ${code(w.id.webhook_id)}`,
    '',
    ...w.subscriptions.map(s => `- ${code(s.event_type)}: ${mdEscape(describeFilter(s.filter))}`),
  ];
}
