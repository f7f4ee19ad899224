/**
 * Client-side rate limiter shared by every AttioClient of a workspace/token.
 *
 * Sliding window: for each class (reads, writes) it remembers when the last N requests were let through and
 * lets a new one through only when fewer than N started within the last `windowMs` — so *any* 1 s interval
 * holds ≤ N starts, whatever the server's window alignment. Waiting callers are served strictly FIFO and may
 * leave the queue through their AbortSignal.
 *
 * Headroom: the server counts *arrivals*, which jitter a few ms after our *starts*; by default the limiter
 * lets through 2 % fewer than the documented limit (98 reads/s, 24 writes/s) so that jitter cannot tip an
 * aligned server window over. test/bench/run.ts measures the achieved rate.
 */

export type LimitClass = 'read' | 'write';

export interface RateLimiterOptions {
  readsPerSecond?: number;
  writesPerSecond?: number;
  /** Fraction of each limit kept in reserve (default 0.02). */
  headroom?: number;
  /** Window length (default 1000 ms). */
  windowMs?: number;
  /** Clock (tests). */
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

class Lane {
  /** Start times of the last `limit` grants, oldest first (ring buffer). */
  private readonly starts: number[];
  private head = 0;
  private count = 0;
  private readonly queue: Waiter[] = [];
  private qHead = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pausedUntil = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {
    this.starts = new Array<number>(limit).fill(0);
  }

  get queued(): number {
    return this.queue.length - this.qHead;
  }

  /** ms until a slot frees (0 = now). */
  private wait(t: number): number {
    let w = Math.max(0, this.pausedUntil - t);
    if (this.count >= this.limit) w = Math.max(w, this.starts[this.head] + this.windowMs - t);
    return w;
  }

  private take(t: number): void {
    if (this.count < this.limit) {
      this.starts[(this.head + this.count) % this.limit] = t;
      this.count++;
    } else {
      this.starts[this.head] = t;
      this.head = (this.head + 1) % this.limit;
    }
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const t = this.now();
    if (this.queued === 0 && this.wait(t) <= 0) {
      this.take(t);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
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

  /** Holds every grant of this lane until `until` (e.g. after a 429's Retry-After). */
  pauseUntil(until: number): void {
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
    if (this.queued > 0) {
      const delay = Math.max(1, this.wait(this.now()));
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, delay);
    }
  }

  private drain(): void {
    while (this.queued > 0) {
      const t = this.now();
      if (this.wait(t) > 0) break;
      const w = this.queue[this.qHead++];
      if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
      this.take(t);
      w.resolve();
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

  constructor({ readsPerSecond = 100, writesPerSecond = 25, headroom = 0.02, windowMs = 1000, now = () => Date.now() }: RateLimiterOptions = {}) {
    this.readsPerSecond = readsPerSecond;
    this.writesPerSecond = writesPerSecond;
    const eff = (n: number) => Math.max(1, Math.floor(n * (1 - headroom)));
    this.lanes = { read: new Lane(eff(readsPerSecond), windowMs, now), write: new Lane(eff(writesPerSecond), windowMs, now) };
  }

  /** Effective per-window limit of a class (after headroom). */
  limit(kind: LimitClass): number {
    return this.lanes[kind].limit;
  }

  /** Number of callers waiting in a class. */
  queued(kind: LimitClass): number {
    return this.lanes[kind].queued;
  }

  /** Resolves when a request of this class may start; rejects with the signal's reason if aborted while queued. */
  acquire(kind: LimitClass, signal?: AbortSignal): Promise<void> {
    return this.lanes[kind].acquire(signal);
  }

  /** Holds every request of this class until the given time (the client calls it on a 429). */
  pauseUntil(kind: LimitClass, until: Date | number): void {
    this.lanes[kind].pauseUntil(typeof until === 'number' ? until : until.getTime());
  }
}
