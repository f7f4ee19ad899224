import * as vscode from 'vscode';
import { isCancellation } from '../attio';
import type { Redactor } from '../attio';
import type { Logger } from './log';

/** Command id → handler. Handlers throw; the one wrapper below logs and shows the error, once. */
export type CommandTable = Record<string, (...args: any[]) => unknown>;

/** Message shown for a failure; cancellation shows nothing. */
export function errorMessage(e: unknown, redactor: Redactor): string {
  return redactor.redact(e instanceof Error ? e.message : String(e));
}

/**
 * Registers every command of the table. A failing command is logged and shown once, as "Attio: <message>";
 * cancellation (user closed a prompt, aborted a request) is never shown.
 */
export function registerCommands(table: CommandTable, log: Logger, redactor: Redactor): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(table).map(([id, handler]) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (e) {
          if (isCancellation(e) || e instanceof vscode.CancellationError) {
            log.debug(`${id} cancelled`);
            return undefined;
          }
          const message = errorMessage(e, redactor);
          log.error(`${id} failed: ${message}`);
          void vscode.window.showErrorMessage(`Attio: ${message}`);
          return undefined;
        }
      }),
    ),
  );
}
