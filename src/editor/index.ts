/**
 * The editor surface: record links and hover cards in every text document, the TODO quick fix, and the commands
 * that take the editor's selection to Attio. Reads the data layer (and pickers from src/ui); extension.ts composes
 * it and registers its commands.
 */
import * as vscode from 'vscode';
import { assessScopes } from '../attio';
import { EditorSettings, Settings } from '../constants';
import type { WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import { linkCommands } from './linkCommands';
import { ALL_DOCUMENTS, RecordHoverProvider, RecordLinkProvider, type SignedInWorkspace } from './links';
import { RecordLinkResolver } from './resolve';
import type { LinkFormat } from './format';
import { selectionCommands } from './selectionCommands';
import { TodoTaskActions } from './todoActions';
import type { CommandTable } from '../common/commands';
import type { ErrorView } from '../session/errorReporter';
import type { Logger } from '../common/log';

export type { SignedInWorkspace } from './links';

export interface EditorDeps {
  data: WorkspaceData;
  details: DetailDocuments;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
  /** Scopes of the active session; undefined when signed out. */
  scopes: () => readonly string[] | undefined;
  /** Every signed-in workspace. */
  sessions: () => Promise<SignedInWorkspace[]>;
  /** Shows a record in the Objects view; false when only its object could be shown. */
  reveal: (object: string, id: string) => Promise<boolean>;
}

interface EditorConfig {
  recordLinks: boolean;
  linkFormat: LinkFormat;
  todoTriggers: string[];
}

function readEditorConfig(): EditorConfig {
  const c = vscode.workspace.getConfiguration(Settings.section);
  const format = c.get<string>(EditorSettings.linkFormat);
  const triggers = c.get<unknown>(EditorSettings.todoTriggers);
  return {
    recordLinks: c.get<boolean>(EditorSettings.recordLinks) !== false,
    linkFormat: format === 'markdown' || format === 'url' ? format : 'auto',
    todoTriggers: Array.isArray(triggers) ? triggers.filter((t): t is string => typeof t === 'string') : ['TODO', 'FIXME'],
  };
}

export class EditorSurface implements vscode.Disposable {
  readonly resolver: RecordLinkResolver;
  readonly hovers: RecordHoverProvider;
  private config = readEditorConfig();
  private readonly registrations: vscode.Disposable;
  private scopeMemo?: { scopes: readonly string[]; taskWrites: boolean };

  constructor(private readonly d: EditorDeps) {
    this.resolver = new RecordLinkResolver(d.data);
    const enabled = (): boolean => this.config.recordLinks;
    this.hovers = new RecordHoverProvider({ data: d.data, resolver: this.resolver, enabled, sessions: d.sessions, describeError: d.describeError, log: d.log });
    this.registrations = vscode.Disposable.from(
      vscode.languages.registerDocumentLinkProvider(ALL_DOCUMENTS, new RecordLinkProvider(enabled)),
      vscode.languages.registerHoverProvider(ALL_DOCUMENTS, this.hovers),
      vscode.languages.registerCodeActionsProvider(
        ALL_DOCUMENTS,
        new TodoTaskActions(() => this.canWriteTasks(), () => this.config.todoTriggers),
        TodoTaskActions.metadata(),
      ),
      d.data.onDidChange(c => c.kind === 'all' && this.hovers.forget()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration(Settings.section)) this.config = readEditorConfig();
      }),
    );
  }

  /** The surface's commands, for the composition root to register. */
  commands(): CommandTable {
    const { d } = this;
    return {
      ...linkCommands({ data: d.data, resolver: this.resolver, details: d.details, sessions: d.sessions, reveal: d.reveal }),
      ...selectionCommands({ data: d.data, details: d.details, describeError: d.describeError, log: d.log, scopes: d.scopes, linkFormat: () => this.config.linkFormat }),
    };
  }

  private canWriteTasks(): boolean {
    const scopes = this.d.scopes();
    if (!scopes) return false;
    if (this.scopeMemo?.scopes !== scopes) {
      this.scopeMemo = { scopes, taskWrites: assessScopes(scopes.join(' ')).some(f => f.feature === 'taskWrites' && f.ok) };
    }
    return this.scopeMemo.taskWrites;
  }

  dispose(): void {
    this.registrations.dispose();
  }
}
