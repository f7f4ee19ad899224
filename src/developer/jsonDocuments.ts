/**
 * Read-only `attio-json:` documents: the API's answer for an item, pretty-printed, in the `json` language.
 * The URI names the item (`attio-json:/people-<id>.json?<item>`), so Refresh re-asks Attio and a reopened editor
 * knows what to load. Nothing is fetched at activation; one request per open or refresh.
 */
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/log';
import { Schemes } from '../constants';
import { apiCall, apiItemName, type ApiItem, type WorkspaceData } from '../data';
import type { ErrorView } from '../session/errorReporter';
import { jsonText } from './snippets';

export function jsonUri(item: ApiItem): vscode.Uri {
  const name = apiItemName(item).replace(/[^\w.-]+/g, '_');
  return vscode.Uri.from({ scheme: Schemes.json, path: `/${name}.json`, query: JSON.stringify(item) });
}

export function parseJsonUri(uri: vscode.Uri): ApiItem | undefined {
  if (uri.scheme !== Schemes.json) return undefined;
  try {
    const item = JSON.parse(uri.query) as unknown;
    return item && typeof item === 'object' && typeof (item as { kind?: unknown }).kind === 'string' ? (item as ApiItem) : undefined;
  } catch {
    return undefined;
  }
}

/** Serves the documents; registered (cheaply, at activation) by ./index.ts, which owns `changed`. */
export class JsonDocuments extends Disposable {
  /** Answers fetched by {@link open} / {@link refresh}, served on the next provide. */
  private readonly ready = new Map<string, string>();
  /** What each open document shows, kept when a refresh fails. */
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly data: WorkspaceData,
    private readonly describeError: (e: unknown, feature: string) => ErrorView,
    private readonly log: Logger,
    private readonly changed: vscode.EventEmitter<vscode.Uri>,
    /** Documents cleared after a workspace change (./index.ts serves them a note); open or refresh asks again. */
    private readonly invalidated: Set<string>,
  ) {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument(d => this.shown.delete(d.uri.toString())));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    let text = this.ready.get(key);
    this.ready.delete(key);
    if (text === undefined) {
      const item = parseJsonUri(uri);
      if (!item) return `// ${vscode.l10n.t('Not an Attio item.')}\n`;
      try {
        text = await this.fetch(item);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const old = this.shown.get(key);
        if (old !== undefined) {
          const warning = vscode.l10n.t({
            message: "Attio: couldn't refresh {0} (showing the earlier answer): {1}",
            args: [uri.path.slice(1), message],
            comment: '{0} is a JSON document\'s file name, {1} the reason',
          });
          void vscode.window.showWarningMessage(warning);
          return old;
        }
        return `// ${vscode.l10n.t({ message: "Attio: couldn't load this answer: {0}", args: [message.replace(/[\r\n]+/g, ' ')], comment: 'a comment line in a JSON document; {0} is the reason' })}\n`;
      }
    }
    this.shown.set(key, text);
    return text;
  }

  /** Fetches `item`'s answer (errors throw, described), then opens or updates its document. */
  async open(item: ApiItem): Promise<vscode.TextEditor> {
    const uri = jsonUri(item);
    const text = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Attio: fetching JSON') }, () => this.fetch(item));
    this.ready.set(uri.toString(), text);
    this.invalidated.delete(uri.toString());
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (open) this.changed.fire(uri);
    const doc = open ?? (await vscode.workspace.openTextDocument(uri));
    if (doc.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(doc, 'json');
    return vscode.window.showTextDocument(doc, { preview: true });
  }

  /** Asks Attio again for an open document's answer. */
  refresh(uri: vscode.Uri): void {
    if (uri.scheme !== Schemes.json) return;
    this.invalidated.delete(uri.toString());
    this.changed.fire(uri);
  }

  private async fetch(item: ApiItem): Promise<string> {
    try {
      return jsonText(await this.data.api.raw(apiCall(item)));
    } catch (e) {
      const view = this.describeError(e, vscode.l10n.t({ message: 'Open as JSON', comment: 'the command named in an error message, such as "Open as JSON needs the object_configuration:read scope"' }));
      if (view.kind === 'cancelled') throw e;
      this.log.debug(`JSON of ${item.kind} failed: ${view.message}`);
      throw new Error(view.message);
    }
  }
}
