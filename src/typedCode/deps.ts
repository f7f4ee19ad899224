/** What the typed-code surface is given (shared by the part loaded at activation and its lazy implementation). */
import type * as vscode from 'vscode';
import type { CommandArguments } from '../common/commands';
import type { Logger } from '../common/log';
import type { WorkspaceData } from '../data';
import type { DescribeError } from '../session/errorReporter';

export interface TypedCodeDeps {
  data: WorkspaceData;
  describeError: DescribeError;
  log: Logger;
  /** Per-folder memory (workspace state): the file last generated. */
  state: vscode.Memento;
  /** Arguments that skip a prompt (a file to write) are honoured only in the tests. */
  args: CommandArguments;
}
