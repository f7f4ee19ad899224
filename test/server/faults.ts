/**
 * Fault injection: each incoming /v2 request is assigned at most one fault
 * (checked in a fixed order), drawn from a PRNG so runs are reproducible.
 */
import { Drift } from './drift';
import { Prng } from './prng';

export interface Faults {
  latencyMs?: number;
  status429Rate?: number;
  storm429?: number;
  status5xxRate?: number;
  resetRate?: number;
  malformedRate?: number;
  /** The next N /v2 responses send their headers and half their body, then the socket is destroyed. */
  midBodyResets?: number;
  /** Fraction of /v2 responses cut off mid-body like `midBodyResets`. */
  midBodyResetRate?: number;
  drift?: Drift;
  /**
   * Record and entry pages (bodies whose `data` items carry `values`/`entry_values`) gain a text attribute of
   * an unknown slug, about this many bytes over the page (a 20 MB response). Other bodies are unchanged.
   */
  hugeTextBytes?: number;
  /**
   * Only requests to /v2 paths starting with this get faults (a test aims at one expansion; others pass).
   * Exactly '/oauth/token' aims resets, 429s and 5xx at the OAuth token endpoint instead (Attio down for a broker).
   */
  pathPrefix?: string;
}

export const OAUTH_TOKEN_PATH = '/oauth/token';

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'rate-limit' }
  | { kind: 'server-error'; status: 500 | 502 | 503 }
  | { kind: 'malformed' }
  | { kind: 'cut' };

export class FaultInjector {
  private faults: Faults = {};

  constructor(private readonly rng: Prng, initial: Faults = {}) {
    this.set(initial);
  }

  set(faults: Faults): void {
    this.faults = { ...faults };
  }

  get latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  /** True when a request to `path` is subject to the faults. */
  applies(path: string): boolean {
    if (this.faults.pathPrefix === OAUTH_TOKEN_PATH) return path === OAUTH_TOKEN_PATH;
    return path.startsWith('/v2/') && (!this.faults.pathPrefix || path.startsWith(this.faults.pathPrefix));
  }

  get drift(): Drift {
    return this.faults.drift ?? 'none';
  }

  get hugeTextBytes(): number {
    return Math.max(0, this.faults.hugeTextBytes ?? 0);
  }

  /** Decides the fault for one request (consumes one unit of a 429 storm or of the mid-body resets). */
  decide(): FaultDecision {
    const f = this.faults;
    if (f.storm429 !== undefined && f.storm429 > 0) {
      f.storm429--;
      return { kind: 'rate-limit' };
    }
    if (f.midBodyResets !== undefined && f.midBodyResets > 0) {
      f.midBodyResets--;
      return { kind: 'cut' };
    }
    if (this.roll(f.resetRate)) return { kind: 'reset' };
    if (this.roll(f.status429Rate)) return { kind: 'rate-limit' };
    if (this.roll(f.status5xxRate)) return { kind: 'server-error', status: this.rng.pick([500, 502, 503] as const) };
    if (this.roll(f.malformedRate)) return { kind: 'malformed' };
    if (this.roll(f.midBodyResetRate)) return { kind: 'cut' };
    return { kind: 'none' };
  }

  private roll(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && (rate >= 1 || this.rng.next() < rate);
  }
}
