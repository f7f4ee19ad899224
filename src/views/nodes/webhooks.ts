/**
 * The workspace's webhooks (read-only, `webhook:read`): a section at the end of the Objects view, present only when
 * the token has the scope. Each webhook shows its target URL and status; its subscriptions, their event types and
 * filters. Target URLs are text, never links.
 */
import * as vscode from 'vscode';
import type { AttioWebhook } from '../../attio';
import { ItemTags } from '../../constants';
import { formatTimestamp, type ApiItem } from '../../data';
import { schemaText } from './attributes';
import { Collapsed, MessageNode, None, TreeNode, contextValue, ti, tooltips, type NodeContext } from './treeNode';

/** Status → codicon (built on render, not at activation). */
const statusIcon = (status: string): string => ({ active: 'pass', degraded: 'warning', inactive: 'circle-slash' })[status] ?? 'broadcast';

export class WebhooksNode extends TreeNode {
  constructor(ctx: NodeContext) {
    super(ctx, undefined, 'webhooks');
  }

  override treeItem(): vscode.TreeItem {
    return ti(vscode.l10n.t('Webhooks'), Collapsed, 'broadcast', contextValue('webhooks', ItemTags.json), vscode.l10n.t('read-only'));
  }

  override children(): Promise<TreeNode[]> {
    return this.load(vscode.l10n.t('Webhooks'), () => this.ctx.data.webhooks.list(), hooks =>
      hooks.length ? hooks.map(h => new WebhookNode(this.ctx, this, h)) : [new MessageNode(this.ctx, this, 'empty', vscode.l10n.t('No webhooks'))],
    );
  }

  override apiItem(): ApiItem {
    return { kind: 'webhooks' };
  }
}

export class WebhookNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly webhook: AttioWebhook) {
    super(ctx, parent, `hook:${webhook.id.webhook_id}`);
  }

  override treeItem(): vscode.TreeItem {
    const w = this.webhook;
    const n = w.subscriptions.length;
    return ti(w.target_url, Collapsed, statusIcon(w.status), contextValue('webhook', ItemTags.id, ItemTags.json), `${w.status} · ${n === 1 ? vscode.l10n.t('1 event') : vscode.l10n.t('{0} events', n)}`);
  }

  override children(): Promise<TreeNode[]> {
    const subs = this.webhook.subscriptions;
    if (!subs.length) return Promise.resolve([new MessageNode(this.ctx, this, 'empty', vscode.l10n.t('No subscriptions'))]);
    return Promise.resolve(subs.map((s, i) => new SubscriptionNode(this.ctx, this, i, s.event_type, s.filter)));
  }

  override tooltip(): vscode.MarkdownString {
    const w = this.webhook;
    return tooltips().md(schemaText().webhookTooltip(w, w.created_at ? formatTimestamp(w.created_at, this.ctx) : undefined));
  }

  override attioId(): string {
    return this.webhook.id.webhook_id;
  }

  override apiItem(): ApiItem {
    return { kind: 'webhook', id: this.webhook.id.webhook_id };
  }
}

export class SubscriptionNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, index: number, readonly eventType: string, readonly filter: unknown) {
    super(ctx, parent, `sub:${index}`);
  }

  override treeItem(): vscode.TreeItem {
    const filter = schemaText().describeWebhookFilter(this.filter);
    const item = ti(this.eventType, None, 'zap', 'subscription', filter);
    item.tooltip = `${this.eventType}: ${filter}`;
    return item;
  }
}
