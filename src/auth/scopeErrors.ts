import * as vscode from 'vscode';
import { Disposable } from '../disposable';

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
export class ScopeErrorLog extends Disposable {
  private readonly list: ScopeErrorEntry[] = [];
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

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
    this.changed.fire();
  }

  clear(): void {
    this.list.length = 0;
    this.changed.fire();
  }
}
