import * as vscode from 'vscode';
import { Schemes } from '../constants';
import { Disposable } from '../common/disposable';
import type { WorkspaceData } from '../data';
import type { ErrorView } from '../session/errorReporter';
import { renderModule } from './provider';
import { parseTranscriptPath } from './transcript';

/** Serves `attio-transcript:` documents (read-only Markdown of a call recording's transcript) and opens them. */
export class TranscriptDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  constructor(private readonly data: WorkspaceData, private readonly describeError: (e: unknown, feature: string) => ErrorView) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(Schemes.transcript, this));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const t = parseTranscriptPath(uri.path);
    if (!t) return `# ${vscode.l10n.t('Not found')}\n`;
    if (!this.data.signedIn) return `# ${vscode.l10n.t('Signed out')}\n\n${vscode.l10n.t('Sign in to Attio to see this transcript.')}\n`;
    try {
      return await (await renderModule.load()).renderTranscript(this.data, t, { locale: vscode.env.language });
    } catch (e) {
      const view = this.describeError(e, vscode.l10n.t('Transcript'));
      return `# ${vscode.l10n.t('Could not load this transcript')}\n\n${view.kind === 'cancelled' ? vscode.l10n.t('Cancelled.') : view.message}\n`;
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
