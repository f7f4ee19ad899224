/**
 * The editor surface: record links and hover cards in every text document, the TODO quick fix, and the commands
 * that take the editor's selection to Attio. At activation this registers thin providers and command ids only; the
 * implementation (parts.ts, lazy part `editor`) loads on first use. Reads the data layer (and pickers from src/ui); extension.ts
 * composes it and registers its commands.
 */
import * as vscode from 'vscode';
import { lazyCommandTable, type CommandTable } from '../common/commands';
import { EditorCommands } from '../constants';
import { lazy } from '../platform';
import type * as Impl from './parts';
import type { EditorDeps, EditorParts } from './parts';

const editorModule = lazy<typeof Impl>(() => require('./parts'));

export type { EditorDeps } from './parts';
export type { SignedInWorkspace } from './links';

/** Every document of every language, with files and untitled ones first so that our link wins over the plain URL link. */
const ALL_DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-notebook-cell' }, { scheme: '*' }];

export class EditorSurface implements vscode.Disposable {
  private loaded: EditorParts | undefined;
  private readonly registrations: vscode.Disposable;

  constructor(private readonly d: EditorDeps) {
    this.registrations = vscode.Disposable.from(
      vscode.languages.registerDocumentLinkProvider(ALL_DOCUMENTS, { provideDocumentLinks: doc => this.use(p => p.links.provideDocumentLinks(doc)) }),
      vscode.languages.registerHoverProvider(ALL_DOCUMENTS, { provideHover: (doc, pos, token) => this.use(p => p.hovers.provideHover(doc, pos, token)) }),
      vscode.languages.registerCodeActionsProvider(
        ALL_DOCUMENTS,
        { provideCodeActions: (doc, range) => this.use(p => p.todos.provideCodeActions(doc, range)) },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
      d.data.onDidChange(c => (c.kind === 'all' || c.kind === 'record') && this.loaded?.hovers.forget()),
    );
  }

  /** The implementation, loaded (and built) on first use; where it must be read first (the web), once it is. */
  private get parts(): EditorParts {
    return (this.loaded ??= editorModule().editorParts(this.d));
  }

  /** `f` of the implementation: at once when it can be loaded at once (Node), else once its bundle is read (web). */
  private use<R>(f: (parts: EditorParts) => R): R | Promise<Awaited<R>> {
    return editorModule.ready ? f(this.parts) : (editorModule.load().then(() => f(this.parts)) as Promise<Awaited<R>>);
  }

  /** The hover provider (integration tests call it directly to cancel a hover). */
  get hovers(): EditorParts['hovers'] {
    return this.parts.hovers;
  }

  /** The surface's commands, for the composition root to register (the implementation loads on the first call). */
  commands(): CommandTable {
    return lazyCommandTable(Object.values(EditorCommands), () => this.use(p => p.commands));
  }

  dispose(): void {
    this.registrations.dispose();
  }
}
