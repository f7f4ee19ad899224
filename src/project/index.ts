/**
 * The project's own API key (issue 23): "Attio: Check This Project's Key", and diagnostics for a `.env` git does not
 * ignore and a key written into source code, with their quick fixes. At activation this registers the command ids, a
 * code action provider and a few listeners; the implementation (./impl, lazy part `project`) loads only in a trusted
 * window, on the first command or scan. In Restricted Mode nothing of the folder is read: the check says why, and
 * the scans start when the folder is trusted.
 */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import { ProjectCommands, ProjectDiagnostics } from '../constants';
import { lazy } from '../platform';
import type * as Impl from './impl';
import type { ProjectKeyDeps, ProjectKeyParts } from './impl';

const projectModule = lazy<typeof Impl>(() => require('./impl'));

export type { ProjectKeyDeps, KeyCheckResult } from './impl';

/** Files whose change may change a verdict: `.gitignore` and `.env*` (anywhere) rescan their folder. */
const IGNORE_OR_ENV = /(^|\/)(\.gitignore|\.env[^/]*)$/;

export class ProjectKeySurface implements vscode.Disposable {
  private loaded: ProjectKeyParts | undefined;
  private readonly collection = vscode.languages.createDiagnosticCollection(ProjectDiagnostics.collection);
  private readonly registrations: vscode.Disposable;
  private readonly firstScan: ReturnType<typeof setTimeout>;

  constructor(private readonly d: ProjectKeyDeps) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.gitignore,.env*}');
    const changed = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) void this.whenTrusted(p => p.diagnostics.rescanFolder(folder));
    };
    this.registrations = vscode.Disposable.from(
      this.collection,
      watcher,
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(uri => {
        this.collection.delete(uri);
        changed(uri);
      }),
      vscode.languages.registerCodeActionsProvider(
        { scheme: 'file' },
        {
          provideCodeActions: (doc, range, context) =>
            context.diagnostics.some(x => x.source === ProjectDiagnostics.source) ? this.whenTrusted(p => p.quickFixes.provideCodeActions(doc, range, context)) : undefined,
        },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
      vscode.workspace.onDidOpenTextDocument(doc => this.scanDocument(doc)),
      vscode.workspace.onDidSaveTextDocument(doc => !IGNORE_OR_ENV.test(doc.uri.path) && this.scanDocument(doc)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scanAll()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scanAll()),
    );
    // the folder scan starts once activation has returned (it never delays it)
    this.firstScan = setTimeout(() => this.scanAll(), 0);
  }

  /** Scans the folders once (after activation; again when trust is granted or folders change). */
  scanAll(): void {
    void this.whenTrusted(p => p.diagnostics.scanFolders());
  }

  private scanDocument(doc: vscode.TextDocument): void {
    if (doc.uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(doc.uri)) void this.whenTrusted(p => p.diagnostics.scanUri(doc.uri));
  }

  /** Whether the implementation has been loaded (never, in Restricted Mode: the integration test reads it). */
  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** `f` of the implementation, only in a trusted window (else nothing runs and nothing is read). */
  private whenTrusted<R>(f: (parts: ProjectKeyParts) => R | Thenable<R>): Promise<R | undefined> | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    const run = async (): Promise<R | undefined> => f((this.loaded ??= (await projectModule.load()).projectKeyParts(this.d, this.collection)));
    const p = run();
    p.catch(e => this.d.log.warn(`project key: ${e instanceof Error ? e.message : String(e)}`));
    return p;
  }

  /** The commands, for the composition root to register. The check says why it reads nothing in Restricted Mode. */
  commands(): CommandTable {
    return Object.fromEntries(
      Object.values(ProjectCommands).map(id => [
        id,
        (...args: unknown[]) => {
          const ran = this.whenTrusted(p => p.commands[id](...args));
          if (ran || id !== ProjectCommands.checkKey) return ran;
          void vscode.window.showInformationMessage(vscode.l10n.t("Attio reads a project's ATTIO_API_KEY only in a trusted folder: trust this folder to check its key."));
          return { status: 'untrusted' };
        },
      ]),
    );
  }

  dispose(): void {
    clearTimeout(this.firstScan);
    this.registrations.dispose();
  }
}
