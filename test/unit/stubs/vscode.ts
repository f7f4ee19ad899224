/**
 * A stand-in for the `vscode` module in plain-mocha unit tests, so modules that import `vscode` at the top can be
 * loaded to test their pure parts (the command wrapper, the settings reader). Real emitters and disposables;
 * anything else throws when used, so a unit test never passes by accident against a fake VS Code.
 */
import Module = require('module');

class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => void>();
  readonly event = (l: (e: T) => void) => {
    this.listeners.add(l);
    return { dispose: () => this.listeners.delete(l) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...ds: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => ds.forEach(d => d.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

const unavailable = (path: string): unknown =>
  new Proxy(() => undefined, {
    get: (_t, p) => (p === 'then' ? undefined : unavailable(`${path}.${String(p)}`)),
    apply: () => {
      throw new Error(`vscode.${path} is not available in unit tests`);
    },
  });

const stub: Record<string, unknown> = { EventEmitter, Disposable, CancellationError };
const vscode = new Proxy(stub, { get: (t, p: string) => (p in t ? t[p] : unavailable(p)) });

const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
