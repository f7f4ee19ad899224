/**
 * Rate limiting per client IP on /authorize and /token: Workers' rate-limiting binding where wrangler.toml declares
 * one ([[ratelimits]] named RATE_LIMITER), else a small fixed-window counter in memory (per isolate on Workers, per
 * process on Node).
 */

/** Workers' rate-limiting binding (`env.RATE_LIMITER.limit({ key })`). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until a refused client may try again (sent as Retry-After). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  check(key: string): Promise<RateLimitDecision>;
}

/** The binding's period is 10 or 60 s and it tells no reset time: a refused client waits one period. */
export const BINDING_RETRY_AFTER_SECONDS = 60;

export function bindingLimiter(binding: RateLimitBinding): RateLimiter {
  return {
    async check(key) {
      const { success } = await binding.limit({ key });
      return { allowed: success, retryAfterSeconds: BINDING_RETRY_AFTER_SECONDS };
    },
  };
}

const WINDOW_MS = 60_000;
/** Past this many tracked keys the expired windows are dropped; if all are live, the oldest half goes. */
const MAX_KEYS = 10_000;

/** A fixed one-minute window per key, `perMinute` requests each. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async check(key: string): Promise<RateLimitDecision> {
    const now = this.clock();
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      this.makeRoom(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    return { allowed: window.count <= this.perMinute, retryAfterSeconds };
  }

  private makeRoom(now: number): void {
    if (this.windows.size < MAX_KEYS) return;
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
    if (this.windows.size < MAX_KEYS) return;
    let drop = Math.floor(this.windows.size / 2);
    for (const key of this.windows.keys()) {
      if (drop-- <= 0) break;
      this.windows.delete(key);
    }
  }
}
