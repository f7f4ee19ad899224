/**
 * Hears when the network comes back: `fetch` wrapped for every Attio client of the window. A request that fails
 * below HTTP (no answer at all, not an abort) marks the network down; the next request that gets any answer marks it
 * up and fires `onDidRecover` once. In a browser's web worker the `online` event fires it too.
 */
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';

interface OnlineEvents {
  addEventListener?(type: 'online', listener: () => void): void;
  removeEventListener?(type: 'online', listener: () => void): void;
}

export class NetworkWatch extends Disposable {
  private down = false;
  private readonly recovered = this._register(new vscode.EventEmitter<void>());
  readonly onDidRecover = this.recovered.event;

  constructor(private readonly inner: typeof fetch, events: OnlineEvents = globalThis as OnlineEvents) {
    super();
    if (typeof events.addEventListener === 'function') {
      const online = (): void => this.up();
      events.addEventListener('online', online);
      this._register({ dispose: () => events.removeEventListener?.('online', online) });
    }
  }

  readonly fetch: typeof fetch = async (input, init) => {
    let res: Response;
    try {
      res = await this.inner(input, init);
    } catch (e) {
      if (!init?.signal?.aborted) this.down = true;
      throw e;
    }
    if (this.down) this.up();
    return res;
  };

  private up(): void {
    this.down = false;
    this.recovered.fire();
  }
}
