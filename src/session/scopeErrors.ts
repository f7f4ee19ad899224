export interface ScopeErrorEntry {
  /** The extension feature that needed the scope, e.g. "Tasks". */
  feature: string;
  /** Method and path template of the call, e.g. `GET /v2/tasks`. */
  endpoint: string;
  missing: string[];
  workspaceName: string;
  at: Date;
}

/** Every missing-scope error met in this window, for "Attio: Show Scope Errors". */
export class ScopeErrorLog {
  private readonly list: ScopeErrorEntry[] = [];

  get entries(): readonly ScopeErrorEntry[] {
    return this.list;
  }

  record(entry: ScopeErrorEntry): void {
    // the same feature/endpoint/missing set repeats on every refresh: keep one line with the latest time
    const same = this.list.findIndex(
      e => e.feature === entry.feature && e.endpoint === entry.endpoint && e.workspaceName === entry.workspaceName && e.missing.join() === entry.missing.join(),
    );
    if (same >= 0) this.list.splice(same, 1);
    this.list.unshift(entry);
  }
}
