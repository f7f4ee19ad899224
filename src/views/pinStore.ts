/**
 * Pinned records, per workspace (keptState.ts): `[{object, id, title}]` in pin order. The title is the one seen
 * when pinned, shown only if the record is gone from Attio.
 */
import type * as vscode from 'vscode';
import { GlobalStateKeys } from '../constants';
import { KeptState } from './keptState';

export interface Pin {
  object: string;
  id: string;
  title: string;
}

const isPin = (p: Partial<Pin> | null): p is Pin => !!p && typeof p.object === 'string' && typeof p.id === 'string' && typeof p.title === 'string';

export class PinStore extends KeptState<Pin[]> {
  constructor(memento: vscode.Memento, workspace: () => string | undefined) {
    super(memento, GlobalStateKeys.pins, workspace);
  }

  /** The signed-in workspace's pins, oldest first (anything malformed is skipped). */
  list(): Pin[] {
    const v = this.read();
    return Array.isArray(v) ? v.filter(isPin) : [];
  }

  has(id: string): boolean {
    return this.list().some(p => p.id === id);
  }

  async pin(p: Pin): Promise<void> {
    if (!this.has(p.id)) await this.save([...this.list(), { object: p.object, id: p.id, title: p.title }]);
  }

  unpin(id: string): Promise<void> {
    return this.save(this.list().filter(p => p.id !== id));
  }

  private save(pins: Pin[]): Promise<void> {
    return this.write(pins, !pins.length);
  }
}
