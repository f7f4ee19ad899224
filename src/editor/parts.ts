/**
 * The editor surface's implementation, loaded on first use (a link scan, a hover, a quick fix or a command), not at
 * activation (lazy part `editor`, see esbuild.js). It shares no state with the main bundle: everything it uses
 * of the rest of the extension comes in through {@link EditorDeps}.
 */
import { assessScopes } from '../attio';
import type { CommandArguments, CommandTable } from '../common/commands';
import type { Configuration } from '../common/config';
import type { Logger } from '../common/log';
import type { WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import type { ErrorView } from '../session/errorReporter';
import { linkCommands } from './linkCommands';
import { RecordHoverProvider, RecordLinkProvider, type SignedInWorkspace } from './links';
import { RecordLinkResolver } from './resolve';
import { selectionCommands } from './selectionCommands';
import { TodoTaskActions } from './todoActions';

export interface EditorDeps {
  data: WorkspaceData;
  details: DetailDocuments;
  config: Configuration;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
  /** Scopes of the active session; undefined when signed out. */
  scopes: () => readonly string[] | undefined;
  /** Every signed-in workspace. */
  sessions: () => Promise<SignedInWorkspace[]>;
  /** Shows a record in the Objects view; false when only its object could be shown. */
  reveal: (object: string, id: string) => Promise<boolean>;
  /** Arguments that skip the pickers and forms are honoured only in the integration tests. */
  args: Pick<CommandArguments, 'honour'>;
}

export interface EditorParts {
  links: RecordLinkProvider;
  hovers: RecordHoverProvider;
  todos: TodoTaskActions;
  commands: CommandTable;
}

export function editorParts(d: EditorDeps): EditorParts {
  const resolver = new RecordLinkResolver(d.data);
  const enabled = (): boolean => d.config.current.editor.recordLinks;
  let memo: { scopes: readonly string[]; taskWrites: boolean } | undefined;
  const canWriteTasks = (): boolean => {
    const scopes = d.scopes();
    if (!scopes) return false;
    if (memo?.scopes !== scopes) memo = { scopes, taskWrites: assessScopes(scopes.join(' ')).some(f => f.feature === 'taskWrites' && f.ok) };
    return memo.taskWrites;
  };
  return {
    links: new RecordLinkProvider(enabled),
    hovers: new RecordHoverProvider({ data: d.data, resolver, enabled, sessions: d.sessions, describeError: d.describeError, log: d.log }),
    todos: new TodoTaskActions(canWriteTasks, () => d.config.current.editor.todoTriggers),
    commands: {
      ...linkCommands({ data: d.data, resolver, details: d.details, sessions: d.sessions, reveal: d.reveal }),
      ...selectionCommands({ data: d.data, details: d.details, describeError: d.describeError, log: d.log, scopes: d.scopes, linkFormat: () => d.config.current.editor.linkFormat, args: d.args }),
    },
  };
}
