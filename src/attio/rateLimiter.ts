/**
 * Client-side rate limiter shared by every AttioClient of a workspace/token.
 *
 * Sliding window with N slots per class (reads, writes). A slot is taken when a request is let through and
 * is given back `windowMs` after the request *settled* (its response headers arrived, or it failed) — not
 * `windowMs` after it started. Why: the server counts requests when they *arrive*, which can be hundreds of
 * ms after we let them go (cold connections, a busy event loop). Because a request arrives before its
 * response headers do, the (N+1)-th request that reuses a slot arrives more than `windowMs` after the request
 * that held it, so no interval of `windowMs` — in particular no wall-clock-aligned second — ever sees more
 * than N arrivals, whatever the latency. The cost is one round trip per slot per window (≈1 % on loopback,
 * more on slow links); test/bench/run.ts measures the achieved rate.
 *
 * Waiting callers are served strictly FIFO and may leave the queue through their AbortSignal.
 */
import { RETRY_AFTER_CAP_MS } from './errors';

export type LimitClass = 'read' | 'write';

export interface RateLimiterOptions {
  readsPerSecond?: number;
  writesPerSecond?: number;
  /** Fraction of each limit kept in reserve (default 0: the settle-based window is already strict). */
  headroom?: number;
  /** Window length (default 1000 ms). */
  windowMs?: number;
  /**
   * Requests that may start back to back before pacing sets in (default 20); after that requests are spaced
   * `windowMs / limit` apart (10 ms for 100/s). Pacing keeps bursts from queueing up at the server, which
   * keeps round trips — and so the cost of settle-based slots — small.
   */
  burst?: number;
  /** Clock (tests). */
  now?: () => number;
}

/** Call once the request has settled (response headers received, or failed). Idempotent. */
export type ReleaseSlot = () => void;

interface Waiter {
  resolve: (release: ReleaseSlot) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

class Lane {
  private inFlight = 0;
  /** Settle times of finished requests still inside the window, oldest first (settles are monotonic). */
  private readonly settled: number[] = [];
  private sHead = 0;
  private readonly queue: Waiter[] = [];
  private qHead = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pausedUntil = 0;
  /** Token bucket for pacing: `tokens` (≤ burst), refilled at limit/windowMs per ms. */
  private tokens: number;
  private refilledAt: number;
  private readonly perMs: number;

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
    this.refilledAt = now();
    this.perMs = limit / windowMs;
  }

  private refill(t: number): void {
    if (t > this.refilledAt) {
      this.tokens = Math.min(this.burst, this.tokens + (t - this.refilledAt) * this.perMs);
      this.refilledAt = t;
    }
  }

  get queued(): number {
    return this.queue.length - this.qHead;
  }

  private prune(t: number): void {
    while (this.sHead < this.settled.length && this.settled[this.sHead] + this.windowMs <= t) this.sHead++;
    if (this.sHead > 1024 && this.sHead * 2 > this.settled.length) {
      this.settled.splice(0, this.sHead);
      this.sHead = 0;
    }
  }

  /** ms until a slot may be granted: 0 = now, Infinity = when an in-flight request settles. */
  private wait(t: number): number {
    this.prune(t);
    this.refill(t);
    let w = Math.max(0, this.pausedUntil - t);
    if (this.tokens < 1) w = Math.max(w, (1 - this.tokens) / this.perMs);
    if (this.inFlight + (this.settled.length - this.sHead) >= this.limit) {
      w = Math.max(w, this.sHead < this.settled.length ? this.settled[this.sHead] + this.windowMs - t : Infinity);
    }
    return w;
  }

  private take(): ReleaseSlot {
    this.inFlight++;
    this.tokens -= 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight--;
      this.settled.push(this.now());
      this.schedule();
    };
  }

  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.queued === 0 && this.wait(this.now()) <= 0) return Promise.resolve(this.take());
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const w: Waiter = { resolve, reject, signal };
      if (signal) {
        w.onAbort = () => {
          const i = this.queue.indexOf(w, this.qHead);
          if (i >= 0) this.queue.splice(i, 1);
          reject(abortReason(signal));
          this.schedule();
        };
        signal.addEventListener('abort', w.onAbort, { once: true });
      }
      this.queue.push(w);
      this.schedule();
    });
  }

  pauseUntil(until: number): void {
    // never longer than the cap: a far date (or an overflowing timer) must not stall or spin the lane
    until = Math.min(until, this.now() + RETRY_AFTER_CAP_MS);
    if (until > this.pausedUntil) {
      this.pausedUntil = until;
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.drain();
    if (this.queued === 0) return;
    const w = this.wait(this.now());
    // Infinity: every slot is in flight; the next release() reschedules.
    if (w !== Infinity) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, Math.max(1, Math.ceil(w)));
    }
  }

  private drain(): void {
    while (this.queued > 0 && this.wait(this.now()) <= 0) {
      const w = this.queue[this.qHead++];
      if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
      w.resolve(this.take());
    }
    if (this.qHead > 1024 && this.qHead * 2 > this.queue.length) {
      this.queue.splice(0, this.qHead);
      this.qHead = 0;
    }
  }
}

function abortReason(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
}

export class RateLimiter {
  private readonly lanes: Record<LimitClass, Lane>;
  readonly readsPerSecond: number;
  readonly writesPerSecond: number;

  constructor({ readsPerSecond = 100, writesPerSecond = 25, headroom = 0, windowMs = 1000, burst = 20, now = () => Date.now() }: RateLimiterOptions = {}) {
    this.readsPerSecond = readsPerSecond;
    this.writesPerSecond = writesPerSecond;
    const eff = (n: number) => Math.max(1, Math.floor(n * (1 - headroom)));
    const r = eff(readsPerSecond);
    const w = eff(writesPerSecond);
    this.lanes = { read: new Lane(r, windowMs, now, Math.max(1, Math.min(burst, r))), write: new Lane(w, windowMs, now, Math.max(1, Math.min(burst, w))) };
  }

  /** Effective per-window limit of a class (after headroom). */
  limit(kind: LimitClass): number {
    return this.lanes[kind].limit;
  }

  /** Number of callers waiting in a class. */
  queued(kind: LimitClass): number {
    return this.lanes[kind].queued;
  }

  /**
   * Resolves with a release function when a request of this class may start; call it once the request has
   * settled. Rejects with the signal's reason if aborted while queued (no slot is consumed).
   */
  acquire(kind: LimitClass, signal?: AbortSignal): Promise<ReleaseSlot> {
    return this.lanes[kind].acquire(signal);
  }

  /** Runs `fn` in a slot, releasing it when `fn` settles. */
  async run<T>(kind: LimitClass, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(kind, signal);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Holds every request of this class until the given time, at most RETRY_AFTER_CAP_MS from now (the client calls it on a 429). */
  pauseUntil(kind: LimitClass, until: Date | number): void {
    this.lanes[kind].pauseUntil(typeof until === 'number' ? until : until.getTime());
  }
}
