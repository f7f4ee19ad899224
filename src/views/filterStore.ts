/**
 * The filters people keep on objects and lists, per workspace (keptState.ts): `"objects:<slug>" | "lists:<id>" →
 * filter`; a kept filter is checked when read back (parseRecordFilter, lazy part `sidebar`).
 */
import type * as vscode from 'vscode';
import { GlobalStateKeys } from '../constants';
import type { RecordFilter } from '../data';
import { KeptState } from './keptState';
import { recordFilters } from './nodes/filters';
import type { FilterTarget } from './nodes/treeNode';

export class FilterStore extends KeptState<Record<string, unknown>> {
  constructor(memento: vscode.Memento, workspace: () => string | undefined) {
    super(memento, GlobalStateKeys.filters, workspace);
  }

  private map(): Record<string, unknown> {
    const v = this.read();
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  }

  get(target: FilterTarget, id: string): RecordFilter | undefined {
    const raw = this.map()[`${target}:${id}`];
    const f = raw === undefined ? undefined : recordFilters().parseRecordFilter(raw);
    return f && (f.conditions.length || f.sort) ? f : undefined;
  }

  /** Keeps (or with nothing active, forgets) the filter of an object or list of the signed-in workspace. */
  set(target: FilterTarget, id: string, filter: RecordFilter | undefined): Promise<void> {
    const m = { ...this.map() };
    if (filter && (filter.conditions.length || filter.sort)) m[`${target}:${id}`] = filter;
    else delete m[`${target}:${id}`];
    return this.write(m, !Object.keys(m).length);
  }
}
