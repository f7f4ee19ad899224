/**
 * Context keys that complete a step of the Getting Started walkthrough where VS Code has no event of its own
 * (package.json `completionEvents: ["onContext:…"]`). Setting one costs nothing until the first time it happens.
 */
import * as vscode from 'vscode';

/** A function that sets the context key `key` to true the first time it is called, and does nothing after. */
export function markOnce(key: string): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    void vscode.commands.executeCommand('setContext', key, true);
  };
}
