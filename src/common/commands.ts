import * as vscode from 'vscode';
import { errorMessage, isCancellation, type Redactor } from '../attio';
import { errorWording } from './errorText';
import type { Logger } from './log';

/** Command id → handler. Handlers throw; the one wrapper below logs and shows the error, once. */
export type CommandTable = Record<string, (...args: any[]) => unknown>;

/** Where a failed command goes: the log, and one message for the person. */
export interface CommandOutlet {
  log: Pick<Logger, 'debug' | 'error'>;
  redactor: Redactor;
  showError(message: string): void;
}

/**
 * A handler that never throws: a failure is logged (its English message) and shown once, as "Attio: <what failed>"
 * in the person's language (redacted, worded from the error's kind); cancellation
 * (a closed prompt, an aborted request, `vscode.CancellationError`) is logged at debug level and never shown.
 */
export function guardCommand(id: string, handler: (...args: any[]) => unknown, out: CommandOutlet): (...args: unknown[]) => Promise<unknown> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (isCancellation(e)) {
        out.log.debug(`${id} cancelled`);
        return undefined;
      }
      out.log.error(`${id} failed: ${out.redactor.redact(errorMessage(e))}`);
      out.showError(vscode.l10n.t('Attio: {0}', out.redactor.redact((await errorWording.load()).errorText(e))));
      return undefined;
    }
  };
}

/**
 * A command table whose handlers load on first use: `load()` builds the real table (from a lazy module), at once or,
 * where the module must be fetched first (the web), as a promise; a failed load is tried again on the next command.
 */
export function lazyCommandTable(ids: readonly string[], load: () => CommandTable | Promise<CommandTable>): CommandTable {
  let table: CommandTable | Promise<CommandTable> | undefined;
  const run = (id: string, args: unknown[]): unknown => {
    const t = (table ??= load());
    if (!(t instanceof Promise)) return t[id]?.(...args);
    t.catch(() => table === t && (table = undefined));
    return t.then(loaded => loaded[id]?.(...args));
  };
  return Object.fromEntries(ids.map(id => [id, (...args: unknown[]) => run(id, args)]));
}

/**
 * Whether commands honour arguments that skip a person's choices (a token to sign in with, the record and title of a
 * note, a task's fields, the session to sign out of): only while the integration tests run (`ExtensionMode.Test`, the
 * condition that also guards the test API). Any extension, keybinding or command link can run a command; without
 * this a command would be a way around every prompt (and `attio.signIn` with a token a login CSRF).
 */
export class CommandArguments {
  private outsiderCalls = 0;

  constructor(private readonly testMode: boolean) {}

  /** `arg` when such arguments are honoured, else undefined: the command asks, as when run from the palette. */
  honour<T>(arg: T): T | undefined {
    return this.testMode && this.outsiderCalls === 0 ? arg : undefined;
  }

  /** Tests only: runs `f` as a call from another extension runs outside the tests (its arguments not honoured). */
  async asOutsider<T>(f: () => Thenable<T>): Promise<T> {
    this.outsiderCalls++;
    try {
      return await f();
    } finally {
      this.outsiderCalls--;
    }
  }
}

/** Registers every command of the table through {@link guardCommand}. */
export function registerCommands(table: CommandTable, log: Logger, redactor: Redactor): vscode.Disposable {
  const out: CommandOutlet = { log, redactor, showError: m => void vscode.window.showErrorMessage(m) };
  return vscode.Disposable.from(...Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, guardCommand(id, handler, out))));
}
