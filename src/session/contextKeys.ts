/** The `attio:*` context keys that `when` clauses read, kept true to the connection in this one place. */
import * as vscode from 'vscode';
import { assessScopes } from '../attio';
import { ContextKeys } from '../constants';
import type { Connection } from './connection';

export function syncContextKeys(connection: Connection): vscode.Disposable {
  const set = (): void => {
    const conn = connection.current;
    // signed out (as at activation, before the stored session is read) no feature is allowed: nothing to assess
    const features = conn ? assessScopes(conn.session.scopes.join(' ')) : [];
    const can = (feature: string): boolean => !!conn && features.some(f => f.feature === feature && f.ok);
    void vscode.commands.executeCommand('setContext', ContextKeys.signedIn, !!conn);
    void vscode.commands.executeCommand('setContext', ContextKeys.originMismatch, !!connection.mismatch);
    void vscode.commands.executeCommand('setContext', ContextKeys.canWriteTasks, can('taskWrites'));
    void vscode.commands.executeCommand('setContext', ContextKeys.canWriteNotes, can('noteWrites'));
    void vscode.commands.executeCommand('setContext', ContextKeys.canWriteComments, can('commentWrites'));
    void vscode.commands.executeCommand('setContext', ContextKeys.canWriteEntries, can('entryWrites'));
    void vscode.commands.executeCommand('setContext', ContextKeys.canWriteRecords, can('recordWrites'));
  };
  set();
  return connection.onDidChange(set);
}
