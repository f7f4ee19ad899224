/**
 * A stand-in for the `vscode` module in plain-mocha unit tests, so modules that import `vscode` at the top can be
 * loaded to test their pure parts (the command wrapper, the settings reader). Real emitters and disposables;
 * anything else throws when used, so a unit test never passes by accident against a fake VS Code.
 */
import Module = require('module');
// vscode.EventEmitter has the data layer's Emitter's shape (event, fire, dispose): the real one serves
import { Emitter as EventEmitter } from '../../../src/data/emitter';

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

/** `vscode.l10n` as VS Code runs it with no translation bundle: the English message with its `{0}` / `{name}` filled in. */
const l10n = {
  bundle: undefined,
  t(first: string | { message: string; args?: unknown[] | Record<string, unknown> }, ...rest: unknown[]): string {
    const message = typeof first === 'string' ? first : first.message;
    const args = typeof first === 'string' ? (rest.length === 1 && rest[0] !== null && typeof rest[0] === 'object' ? rest[0] : rest) : (first.args ?? []);
    return message.replace(/{([^}]+)}/g, (whole, key: string) => {
      const v = (args as Record<string, unknown>)[key];
      return v === undefined ? whole : String(v);
    });
  },
};

const stub: Record<string, unknown> = { EventEmitter, Disposable, CancellationError, l10n };
const vscode = new Proxy(stub, { get: (t, p: string) => (p in t ? t[p] : unavailable(p)) });

const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
