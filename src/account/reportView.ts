import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { Report } from './reports';

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 24px 24px; line-height: 1.5; max-width: 980px; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--vscode-editorWidget-border, #8884); padding: 4px 10px; text-align: left; vertical-align: top; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 1px 4px; border-radius: 3px; }
a { color: var(--vscode-textLink-foreground); }
h1 { font-size: 1.6em; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); padding-bottom: 6px; }
`;

/** No scripts, images, fonts, frames, forms or base URL; only our inline stylesheet. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * Shows a Markdown report (connection check, scope errors) rendered by VS Code's own Markdown engine in a webview.
 * Only the commands the report links to run from it (`enableCommandUris` is the report's own list); scripts are
 * off. One panel per report kind, reused. Falls back to a Markdown document.
 */
export class ReportView extends Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  async show(kind: string, title: string, report: Report): Promise<void> {
    const { markdown } = report;
    let html: string | undefined;
    try {
      html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    } catch {
      html = undefined;
    }
    if (typeof html !== 'string') {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.window.showTextDocument(doc, { preview: true });
      return;
    }
    let panel = this.panels.get(kind);
    if (!panel) {
      panel = vscode.window.createWebviewPanel(`attio.report.${kind}`, title, vscode.ViewColumn.Active, { ...webviewOptions(report), enableFindWidget: true });
      this.panels.set(kind, panel);
      const p = panel;
      p.onDidDispose(() => this.panels.delete(kind));
      this._register(p);
    }
    panel.title = title;
    panel.webview.options = webviewOptions(report);
    panel.webview.html = `<!DOCTYPE html><html lang="${vscode.env.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<style>${STYLE}</style></head><body>${html}</body></html>`;
    panel.reveal(undefined, false);
  }

  /** The open panel of a report kind (integration tests read its options and HTML). */
  panel(kind: string): vscode.WebviewPanel | undefined {
    return this.panels.get(kind);
  }
}

function webviewOptions(report: Report): vscode.WebviewOptions {
  return { enableCommandUris: [...report.commands], enableScripts: false, enableForms: false, localResourceRoots: [] };
}
