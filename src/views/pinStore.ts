/**
 * Pinned records, per workspace (keptState.ts): `[{object, id}]` in pin order. No title: global state is a file in
 * the user-data folder, and a record's name is CRM data (SECURITY.md); the titles come from Attio when shown. Pins
 * that an older version kept with their titles lose them the first time this store is built.
 */
import type * as vscode from 'vscode';
import { GlobalStateKeys } from '../constants';
import { KeptState } from './keptState';

export interface Pin {
  object: string;
  id: string;
}

const isPin = (p: Partial<Pin> | null): p is Pin => !!p && typeof p.object === 'string' && typeof p.id === 'string';

/** Only the object and id of each pin (an older version kept the title too). */
const idsOnly = (pins: unknown): Pin[] => (Array.isArray(pins) ? pins.filter(isPin).map(p => ({ object: p.object, id: p.id })) : []);

export class PinStore extends KeptState<Pin[]> {
  constructor(memento: vscode.Memento, workspace: () => string | undefined) {
    super(memento, GlobalStateKeys.pins, workspace);
    const kept = memento.get<unknown>(GlobalStateKeys.pins);
    if (kept && typeof kept === 'object' && JSON.stringify(kept).includes('"title"')) {
      void memento.update(GlobalStateKeys.pins, Object.fromEntries(Object.entries(kept).map(([ws, pins]) => [ws, idsOnly(pins)])));
    }
  }

  /** The signed-in workspace's pins, oldest first (anything malformed is skipped). */
  list(): Pin[] {
    return idsOnly(this.read());
  }

  has(id: string): boolean {
    return this.list().some(p => p.id === id);
  }

  async pin(p: Pin): Promise<void> {
    if (!this.has(p.id)) await this.save([...this.list(), { object: p.object, id: p.id }]);
  }

  unpin(id: string): Promise<void> {
    return this.save(this.list().filter(p => p.id !== id));
  }

  private save(pins: Pin[]): Promise<void> {
    return this.write(pins, !pins.length);
  }
}
