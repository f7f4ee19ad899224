/**
 * The project key's implementation, loaded on first use (lazy part `project`, see esbuild.js): the check command, the
 * diagnostics and their quick fixes. The surface (./index.ts) loads it only in a trusted window.
 */
import * as vscode from 'vscode';
import type { CommandArguments, CommandTable } from '../common/commands';
import { ProjectCommands } from '../constants';
import { runProcess } from '../platform';
import { KeyDiagnostics } from './diagnostics';
import { GitIgnoreChecker } from './gitIgnore';
import { checkProjectKey, type KeyCheckDeps } from './keyCheck';
import { ignoreEnvFile, KeyQuickFixes, moveKeyToEnv } from './quickFixes';

export type { KeyCheckResult } from './keyCheck';

export interface ProjectKeyDeps extends KeyCheckDeps {
  /** A folder passed to the check (skipping the folder prompt) is honoured only in the integration tests. */
  args: Pick<CommandArguments, 'honour'>;
}

export interface ProjectKeyParts {
  diagnostics: KeyDiagnostics;
  quickFixes: KeyQuickFixes;
  commands: CommandTable;
}

export function projectKeyParts(d: ProjectKeyDeps, collection: vscode.DiagnosticCollection): ProjectKeyParts {
  const diagnostics = new KeyDiagnostics(collection, new GitIgnoreChecker(runProcess), d.log);
  const rescan = async (uri: vscode.Uri): Promise<void> => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) await diagnostics.rescanFolder(folder);
  };
  return {
    diagnostics,
    quickFixes: new KeyQuickFixes(),
    commands: {
      [ProjectCommands.checkKey]: (folder?: unknown) => checkProjectKey(d, d.args.honour(folder instanceof vscode.Uri ? folder : undefined)),
      [ProjectCommands.ignoreEnvFile]: async (uri: vscode.Uri) => {
        const done = await ignoreEnvFile(uri);
        await rescan(uri);
        return done;
      },
      [ProjectCommands.moveKeyToEnv]: async (uri: vscode.Uri, offset: number) => {
        const done = await moveKeyToEnv(uri, offset);
        await diagnostics.scanUri(uri);
        await rescan(uri);
        return done;
      },
    },
  };
}
