import * as vscode from 'vscode';
import { Schemes } from '../constants';
import { Disposable } from '../common/disposable';
import type { WorkspaceData } from '../data';
import type { ErrorView } from '../session/errorReporter';
import { renderModule } from './lazyRender';
import { parseTranscriptPath } from './transcript';

/** Serves `attio-transcript:` documents (read-only Markdown of a call recording's transcript) and opens them. */
export class TranscriptDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  constructor(private readonly data: WorkspaceData, private readonly describeError: (e: unknown, feature: string) => ErrorView) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(Schemes.transcript, this));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const t = parseTranscriptPath(uri.path);
    if (!t) return '# Not found\n';
    if (!this.data.signedIn) return '# Signed out\n\nSign in to Attio to see this transcript.\n';
    try {
      return await (await renderModule.load()).renderTranscript(this.data, t, { locale: vscode.env.language });
    } catch (e) {
      const view = this.describeError(e, 'Transcript');
      return `# Could not load this transcript\n\n${view.kind === 'cancelled' ? 'Cancelled.' : view.message}\n`;
    }
  }

  async open(uri: vscode.Uri): Promise<void> {
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    }
  }
}
