/**
 * Text of the schema and webhook nodes (descriptions, tooltips, icons), loaded on first use as dist/schemaText.js
 * (see esbuild.js): the nodes render only after an expansion, so activation never parses this. Pure: `vscode` only
 * for `l10n.t`.
 */
import * as vscode from 'vscode';
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
  if (a.is_required) flags.push(vscode.l10n.t({ message: 'required', comment: 'attribute flag' }));
  if (a.is_unique) flags.push(vscode.l10n.t({ message: 'unique', comment: 'attribute flag' }));
  if (a.is_multiselect) flags.push(vscode.l10n.t({ message: 'multiselect', comment: 'attribute flag: takes several values' }));
  if (a.is_system_attribute) flags.push(vscode.l10n.t({ message: 'system', comment: 'attribute flag: defined by Attio' }));
  if (a.is_writable === false) flags.push(vscode.l10n.t({ message: 'read-only', comment: 'attribute flag' }));
  if (a.is_archived) flags.push(vscode.l10n.t({ message: 'archived', comment: 'attribute flag' }));
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
    `- ${vscode.l10n.t('API slug: {0}', code(a.api_slug))}`,
    `- ${vscode.l10n.t({ message: 'Type: {0}', args: [code(a.type)], comment: "{0}: an attribute's type as the API names it, e.g. text" })}`,
    flags.length ? `- ${flags.join(', ')}` : '',
    `- ${vscode.l10n.t('ID: {0}', code(a.id.attribute_id))}`,
    '',
    a.description ? mdEscape(a.description) : `*${vscode.l10n.t('No description.')}*`,
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
    `- ${vscode.l10n.t('ID: {0}', code(choiceId(c)))}`,
    c.is_archived ? `- ${vscode.l10n.t({ message: 'Archived', comment: 'an archived option or status' })}` : '',
    s.celebration_enabled ? `- ${vscode.l10n.t({ message: 'Celebrates when reached', comment: 'a status: Attio shows a celebration when a record reaches it' })}` : '',
    s.target_time_in_status ? `- ${vscode.l10n.t({ message: 'Target time in status: {0}', args: [code(s.target_time_in_status)], comment: '{0}: a duration as the API gives it, e.g. P7D' })}` : '',
  ];
}

/** `list_id equals 3f2…` joined by and / or; `all events` for a null filter. */
export function describeWebhookFilter(filter: unknown): string {
  if (filter == null) return vscode.l10n.t({ message: 'all events', comment: 'a webhook subscription without a filter' });
  const f = filter as Record<string, unknown>;
  for (const key of ['$and', '$or'] as const) {
    const parts = typeof f === 'object' ? f[key] : undefined;
    if (Array.isArray(parts)) {
      return parts
        .map(p => `${String(p?.field)} ${String(p?.operator).replace('_', ' ')} ${String(p?.value)}`)
        .reduce((a: string, b: string) =>
          key === '$and'
            ? vscode.l10n.t({ message: '{0} and {1}', args: [a, b], comment: 'joins two webhook filter conditions (field operator value, untranslated)' })
            : vscode.l10n.t({ message: '{0} or {1}', args: [a, b], comment: 'joins two webhook filter conditions (field operator value, untranslated)' }),
        );
    }
  }
  return JSON.stringify(filter);
}

export function webhookTooltip(w: AttioWebhook, created: string | undefined): string[] {
  const status = mdEscape(w.status);
  return [
    `**${mdEscape(w.target_url)}**`,
    '',
    `- ${
      w.status === 'degraded'
        ? vscode.l10n.t({ message: 'Status: {0} (deliveries failing; inactive after 7 days)', args: [status], comment: '{0}: a webhook status as the API names it' })
        : w.status === 'inactive'
          ? vscode.l10n.t({ message: 'Status: {0} (receives no events)', args: [status], comment: '{0}: a webhook status as the API names it' })
          : vscode.l10n.t({ message: 'Status: {0}', args: [status], comment: '{0}: a webhook status as the API names it' })
    }`,
    created ? `- ${vscode.l10n.t('Created {0}', created)}` : '',
    `- ${vscode.l10n.t('ID: {0}', code(w.id.webhook_id))}`,
    '',
    ...w.subscriptions.map(s => `- ${code(s.event_type)}: ${mdEscape(describeWebhookFilter(s.filter))}`),
  ];
}
