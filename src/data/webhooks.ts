/**
 * The workspace's webhooks (read-only): 1 request (pages of 100), cached. Offered only when the session's token
 * has `webhook:read`; without it the section is absent rather than an error. No `vscode` import.
 */
import { hasScope, type AttioWebhook } from '../attio';
import type { DataContext } from './context';
import { Keys } from './keys';

export const WEBHOOK_SCOPE = 'webhook:read';

export class WebhooksData {
  constructor(private readonly ctx: DataContext) {}

  /** True when the signed-in token may read webhooks. */
  get available(): boolean {
    const scopes = this.ctx.session?.scopes;
    return !!scopes && hasScope(new Set(scopes), WEBHOOK_SCOPE);
  }

  async list() {
    const client = this.ctx.client();
    return this.ctx.cache.get(Keys.webhooks(), signal => client.listWebhooks(signal));
  }

  /** A webhook already loaded, by id. */
  cached(id: string): AttioWebhook | undefined {
    return this.ctx.cache.peek(Keys.webhooks())?.find(w => w.id.webhook_id === id);
  }
}
