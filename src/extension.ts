import * as vscode from 'vscode';
import { Commands, ContextKeys } from './constants';

/** Composition root: builds the extension's parts, hands each its dependencies, and gives every disposable an owner. */
export function activate(context: vscode.ExtensionContext): void {
  void vscode.commands.executeCommand('setContext', ContextKeys.signedIn, false);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.signIn, () => vscode.window.showInformationMessage('Attio: sign-in is not built yet.')),
  );
}

export function deactivate(): void {}
