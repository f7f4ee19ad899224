/**
 * Per-token rate limits in fixed one-second windows aligned to wall-clock
 * seconds (API-FACTS §4.2): reads and writes are counted separately.
 */
export interface RateLimitConfig {
  readsPerSecond: number;
  writesPerSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { readsPerSecond: 100, writesPerSecond: 25 };

interface Window {
  second: number;
  reads: number;
  writes: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly config: RateLimitConfig | false) {}

  /** Counts the request; returns false if it exceeds the limit of the current window. */
  allow(tokenName: string, kind: 'read' | 'write', now = Date.now()): boolean {
    if (this.config === false) return true;
    const second = Math.floor(now / 1000);
    let window = this.windows.get(tokenName);
    if (!window || window.second !== second) {
      window = { second, reads: 0, writes: 0 };
      this.windows.set(tokenName, window);
    }
    if (kind === 'read') {
      window.reads++;
      return window.reads <= this.config.readsPerSecond;
    }
    window.writes++;
    return window.writes <= this.config.writesPerSecond;
  }
}
