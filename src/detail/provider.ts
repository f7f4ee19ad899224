import * as vscode from 'vscode';
import { errorMessage } from '../attio';
import { Schemes } from '../constants';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/log';
import type { WorkspaceData } from '../data';
import type { ErrorView } from '../session/errorReporter';
import { renderModule } from './lazyRender';
import { parseDetailUri } from './uris';

/**
 * Serves the read-only `attio:` Markdown documents (records, entries, tasks, notes) and opens them in the
 * Markdown preview (falling back to a read-only Markdown editor).
 */
export class DetailDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly data: WorkspaceData,
    private readonly describeError: (e: unknown, feature: string) => ErrorView,
    private readonly log: Logger,
  ) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(Schemes.detail, this));
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const target = parseDetailUri(uri);
    if (!target) return `# Not found\n\nNo Attio item at \`${uri.path}\`.\n`;
    if (!this.data.signedIn) return '# Signed out\n\nSign in to Attio to see this item.\n';
    try {
      return await renderModule().renderDetail(this.data, target, { now: Date.now(), locale: vscode.env.language, workspaceUrl: this.data.workspaceUrl() });
    } catch (e) {
      if (token.isCancellationRequested) return '';
      const view = this.describeError(e, 'Details');
      this.log.warn(`detail ${uri.path} failed: ${view.kind === 'cancelled' ? 'cancelled' : view.message}`);
      return `# Could not load this item\n\n${view.kind === 'cancelled' ? 'Cancelled.' : view.message}\n`;
    }
  }

  /** Re-renders open documents (after a task changed, a refresh, or a workspace switch). */
  refreshOpen(filter: (uri: vscode.Uri) => boolean = () => true): void {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === Schemes.detail && filter(doc.uri)) this.changed.fire(doc.uri);
  }

  async open(uri: vscode.Uri): Promise<void> {
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return;
    } catch (e) {
      this.log.debug(`markdown preview unavailable (${errorMessage(e)}); opening as text`);
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
