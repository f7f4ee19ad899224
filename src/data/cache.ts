/**
 * Time-to-live cache for everything loaded from Attio, with stale-while-error and one in-flight load per key.
 * Keys are typed ({@link CacheKey}, built only in keys.ts), so a key fixes the type of its value.
 *
 * - A value younger than the TTL is returned without a request.
 * - Concurrent `get`s of one key share one load.
 * - When a reload fails and an older value exists, the older value is returned marked `stale` (with the error),
 *   so the tree keeps showing data instead of an error.
 * - `expire()` (Refresh) makes every entry reload on next use but keeps values for stale-while-error;
 *   `clear()` (workspace switch) drops everything and aborts loads in flight, whose late results are discarded.
 *
 * No `vscode` import: the unit tests run it in plain mocha.
 */
import type { CacheKey, Family, Scope } from './keys';

export interface Loaded<T> {
  value: T;
  /** Set when the value is an older one because the latest reload failed. */
  stale?: { error: unknown };
}

interface Entry<T> {
  key: CacheKey<T>;
  value?: T;
  has: boolean;
  loadedAt: number;
  pending?: Promise<Loaded<T>>;
}

export interface CacheOptions {
  ttlMs: () => number;
  now?: () => number;
}

export class LoadCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private controller = new AbortController();
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly opts: CacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The signal every load of the current generation receives; aborted by {@link clear}. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** A value already loaded and still within the TTL, without loading. */
  peek<T>(key: CacheKey<T>): T | undefined {
    const e = this.entries.get(key.id) as Entry<T> | undefined;
    return e?.has ? e.value : undefined;
  }

  /** True when `key` holds a value within the TTL. */
  isFresh(key: CacheKey<unknown>): boolean {
    const e = this.entries.get(key.id);
    return !!e?.has && this.now() - e.loadedAt < this.opts.ttlMs();
  }

  /** Puts a value (e.g. after a local update); it counts as freshly loaded. */
  set<T>(key: CacheKey<T>, value: T): void {
    this.entries.set(key.id, { key, value, has: true, loadedAt: this.now() } as Entry<unknown>);
  }

  /** Replaces a value in place without touching its age (an optimistic edit of cached data). */
  update<T>(key: CacheKey<T>, fn: (v: T) => T): boolean {
    const e = this.entries.get(key.id) as Entry<T> | undefined;
    if (!e?.has) return false;
    e.value = fn(e.value as T);
    return true;
  }

  /** Loaded entries of one family, with their keys (e.g. every cached "Notes" expansion). */
  *entriesOf<T>(family: Family): Iterable<[CacheKey<T>, T]> {
    for (const e of this.entries.values()) if (e.has && e.key.family === family) yield [e.key as CacheKey<T>, e.value as T];
  }

  async get<T>(key: CacheKey<T>, load: (signal: AbortSignal) => Promise<T>): Promise<Loaded<T>> {
    const existing = this.entries.get(key.id) as Entry<T> | undefined;
    if (existing?.has && this.now() - existing.loadedAt < this.opts.ttlMs()) return { value: existing.value as T };
    if (existing?.pending) return existing.pending;
    const entry: Entry<T> = existing ?? { key, has: false, loadedAt: 0 };
    this.entries.set(key.id, entry as Entry<unknown>);
    const generation = this.generation;
    const signal = this.controller.signal;
    const pending = (async (): Promise<Loaded<T>> => {
      try {
        const value = await load(signal);
        if (generation !== this.generation) throw abortError();
        entry.value = value;
        entry.has = true;
        entry.loadedAt = this.now();
        return { value };
      } catch (error) {
        if (generation !== this.generation || signal.aborted) throw error;
        if (entry.has) return { value: entry.value as T, stale: { error } };
        throw error;
      } finally {
        entry.pending = undefined;
        if (!entry.has && this.entries.get(key.id) === entry) this.entries.delete(key.id);
      }
    })();
    entry.pending = pending;
    return pending;
  }

  /** Marks entries (all, one view's, or one key) as expired; values stay for stale-while-error. */
  expire(which?: Scope | CacheKey<unknown>): void {
    for (const e of this.entries.values()) {
      if (which === undefined || (typeof which === 'string' ? e.key.scope === which : e.key.id === which.id)) e.loadedAt = Number.NEGATIVE_INFINITY;
    }
  }

  /** Marks the entries whose key passes `which` as expired (a record created: its object's pages). */
  expireWhere(which: (key: CacheKey<unknown>) => boolean): void {
    for (const e of this.entries.values()) if (which(e.key)) e.loadedAt = Number.NEGATIVE_INFINITY;
  }

  /** Drops everything and aborts loads in flight (their results are discarded). */
  clear(): void {
    this.generation++;
    this.controller.abort();
    this.controller = new AbortController();
    this.entries.clear();
  }
}

function abortError(): Error {
  const e = new Error('load superseded');
  e.name = 'AbortError';
  return e;
}
