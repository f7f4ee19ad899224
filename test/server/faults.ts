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
  drift?: Drift;
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'rate-limit' }
  | { kind: 'server-error'; status: 500 | 502 | 503 }
  | { kind: 'malformed' };

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

  get drift(): Drift {
    return this.faults.drift ?? 'none';
  }

  /** Decides the fault for one request (consumes one unit of a 429 storm). */
  decide(): FaultDecision {
    const f = this.faults;
    if (f.storm429 !== undefined && f.storm429 > 0) {
      f.storm429--;
      return { kind: 'rate-limit' };
    }
    if (this.roll(f.resetRate)) return { kind: 'reset' };
    if (this.roll(f.status429Rate)) return { kind: 'rate-limit' };
    if (this.roll(f.status5xxRate)) return { kind: 'server-error', status: this.rng.pick([500, 502, 503] as const) };
    if (this.roll(f.malformedRate)) return { kind: 'malformed' };
    return { kind: 'none' };
  }

  private roll(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && (rate >= 1 || this.rng.next() < rate);
  }
}
