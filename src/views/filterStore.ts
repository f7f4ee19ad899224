/**
 * The filters people keep on objects and lists, per workspace, in a Memento (global state: not secret, and it
 * survives a reload). Stored as `workspace slug → "objects|lists" → id → filter`; what is read back is checked
 * (another version may have written it).
 */
import type * as vscode from 'vscode';
import { GlobalStateKeys } from '../constants';
import { Emitter, type RecordFilter } from '../data';
import { filterModule } from './lazyFilters';
import type { FilterTarget } from './nodes/filters';

type Stored = Record<string, Record<string, unknown>>;

export class FilterStore {
  private readonly changes = new Emitter<{ target: FilterTarget; id: string }>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly memento: vscode.Memento, private readonly workspace: () => string | undefined) {}

  private all(): Stored {
    const v = this.memento.get<unknown>(GlobalStateKeys.filters);
    return v && typeof v === 'object' ? (v as Stored) : {};
  }

  private slot(target: FilterTarget, id: string): [string, string] | undefined {
    const ws = this.workspace();
    return ws ? [ws, `${target}:${id}`] : undefined;
  }

  get(target: FilterTarget, id: string): RecordFilter | undefined {
    const s = this.slot(target, id);
    if (!s) return undefined;
    const raw = this.all()[s[0]]?.[s[1]];
    if (raw === undefined) return undefined;
    const f = filterModule().parseRecordFilter(raw);
    return f && (f.conditions.length || f.sort) ? f : undefined;
  }

  /** Keeps (or with nothing active, forgets) the filter of an object or list of the signed-in workspace. */
  async set(target: FilterTarget, id: string, filter: RecordFilter | undefined): Promise<void> {
    const s = this.slot(target, id);
    if (!s) return;
    const all = this.all();
    const ws = { ...(all[s[0]] ?? {}) };
    if (filter && (filter.conditions.length || filter.sort)) ws[s[1]] = filter;
    else delete ws[s[1]];
    const next = { ...all, [s[0]]: ws };
    if (!Object.keys(ws).length) delete next[s[0]];
    await this.memento.update(GlobalStateKeys.filters, next);
    this.changes.fire({ target, id });
  }

  dispose(): void {
    this.changes.dispose();
  }
}
