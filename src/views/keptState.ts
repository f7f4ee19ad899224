/**
 * What the sidebar keeps per workspace in a Memento (global state: not secret, kept across reloads): filters on
 * objects and lists, pinned records. One key per kind, holding `workspace slug → value`; values are read back
 * through a check (another version may have written them).
 */
import type * as vscode from 'vscode';
import { Emitter } from '../data';

export class KeptState<T> {
  private readonly changes = new Emitter<void>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly memento: vscode.Memento, private readonly key: string, private readonly workspace: () => string | undefined) {}

  private all(): Record<string, unknown> {
    const v = this.memento.get<unknown>(this.key);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  }

  /** The signed-in workspace's value (unchecked: callers check it). */
  read(): unknown {
    const ws = this.workspace();
    return ws ? this.all()[ws] : undefined;
  }

  /** Replaces the signed-in workspace's value (`isEmpty` forgets it). */
  async write(value: T | undefined, isEmpty: boolean): Promise<void> {
    const ws = this.workspace();
    if (!ws) return;
    const next = { ...this.all() };
    if (isEmpty || value === undefined) delete next[ws];
    else next[ws] = value;
    await this.memento.update(this.key, next);
    this.changes.fire();
  }

  dispose(): void {
    this.changes.dispose();
  }
}
