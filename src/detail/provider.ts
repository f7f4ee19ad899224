import * as vscode from 'vscode';
import { errorMessage } from '../attio';
import { ContextKeys, Schemes } from '../constants';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/log';
import type { WorkspaceData } from '../data';
import type { ErrorView } from '../session/errorReporter';
import { lazy } from '../platform';
import type * as Render from './render';
import { detailPath, type DetailTarget, type ValueEditRequest } from './paths';
import { parseDetailUri } from './uris';

/**
 * The renderer (render.ts and what only it uses: comment threads, meetings, transcripts), lazy part `detail`: loaded
 * when the first document opens, holding no state of its own (it reads the data layer passed in). Tree tooltips call
 * it directly once the sidebar has loaded it (views/provider.ts).
 */
export const renderModule = lazy<typeof Render>(() => require('./render'));

/**
 * Serves the read-only `attio:` Markdown documents (records, entries, tasks, notes) and opens them in the
 * Markdown preview (falling back to a read-only Markdown editor).
 */
export class DetailDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private readonly editRequested = this._register(new vscode.EventEmitter<ValueEditRequest>());
  /** An Edit link on a record or entry page was clicked: the Edit… input of that attribute is wanted. */
  readonly onDidRequestEdit = this.editRequested.event;
  /** Documents loaded but not on screen when their data changed (`uri.toString()`). */
  private readonly stale = new Set<string>();
  /** Edit links already answered (`uri.toString()`): a re-render of the same document asks for nothing again. */
  private readonly editsAnswered = new Set<string>();
  /** Numbers the Edit links of each render, so every render links to documents not loaded yet. */
  private editSerial = 0;

  constructor(
    private readonly data: WorkspaceData,
    private readonly describeError: (e: unknown, feature: string) => ErrorView,
    private readonly log: Logger,
    /** The person's token may write records (the `recordWrites` scope): record pages carry Edit links. */
    private readonly canWriteRecords: () => boolean = () => false,
    /** The person's token may write list entries (the `entryWrites` scope): entry pages carry Edit links. */
    private readonly canWriteEntries: () => boolean = () => false,
  ) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(Schemes.detail, this));
    this._register(vscode.window.tabGroups.onDidChangeTabs(() => this.renderStaleShown()));
    this._register(vscode.workspace.onDidCloseTextDocument(doc => (this.stale.delete(doc.uri.toString()), this.editsAnswered.delete(doc.uri.toString()))));
    this._register(vscode.window.tabGroups.onDidChangeTabs(() => void vscode.commands.executeCommand('setContext', ContextKeys.detailPage, this.activeTarget()?.kind ?? '')));
  }

  /** The detail page in front (a text tab or its Markdown preview), if any. */
  activeTarget(): DetailTarget | undefined {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    if (tab?.input instanceof vscode.TabInputText) return tab.input.uri.scheme === Schemes.detail ? parseDetailUri(tab.input.uri) : undefined;
    if (!(tab?.input instanceof vscode.TabInputWebview) || !/markdown\.preview/.test(tab.input.viewType)) return undefined;
    const label = tab.label;
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== Schemes.detail) continue;
      const name = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1);
      if (label.endsWith(` ${name}`) || label.startsWith(`${name} `)) return parseDetailUri(doc.uri);
    }
    return undefined;
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const target = parseDetailUri(uri);
    if (!target) return `# ${vscode.l10n.t('Not found')}\n\n${vscode.l10n.t('No Attio item at {0}.', `\`${uri.path}\``)}\n`;
    if (!this.data.signedIn) return `# ${vscode.l10n.t('Signed out')}\n\n${vscode.l10n.t('Sign in to Attio to see this item.')}\n`;
    const canWrite = target.kind === 'record' ? this.canWriteRecords() : target.kind === 'entry' ? this.canWriteEntries() : false;
    if (target.kind === 'record' && target.edit && canWrite) this.answerEditLink(uri, { object: target.object, id: target.id, attribute: target.edit.attribute });
    if (target.kind === 'entry' && target.edit && canWrite) this.answerEditLink(uri, { list: target.list, id: target.id, attribute: target.edit.attribute });
    try {
      const editLinks = canWrite ? { serial: ++this.editSerial } : undefined;
      return await (await renderModule.load()).renderDetail(this.data, target, { now: Date.now(), locale: vscode.env.language, workspaceUrl: this.data.workspaceUrl(), editLinks });
    } catch (e) {
      if (token.isCancellationRequested) return '';
      const view = this.describeError(e, vscode.l10n.t('Details'));
      // the path without its file name: that is the item's title (CRM data, never logged)
      this.log.warn(`detail ${detailPath({ ...target, name: undefined })} failed: ${view.kind === 'cancelled' ? 'cancelled' : view.message}`);
      return `# ${vscode.l10n.t('Could not load this item')}\n\n${view.kind === 'cancelled' ? vscode.l10n.t('Cancelled.') : view.message}\n`;
    }
  }

  /**
   * An Edit link's document (the record's or entry's page at a path naming the attribute) is being loaded: the link was clicked.
   * Asked once per document; when the input is done, the page is rendered again, with links to documents not loaded
   * yet, so the same Edit clicked again is a new request.
   */
  private answerEditLink(uri: vscode.Uri, request: ValueEditRequest): void {
    const key = uri.toString();
    if (this.editsAnswered.has(key)) return;
    this.editsAnswered.add(key);
    const done = (): void => this.changed.fire(uri);
    this.editRequested.fire({ ...request, done });
  }

  /**
   * Re-renders documents (after a task changed, a refresh, or a workspace switch): the ones on screen now; documents
   * still loaded but not shown (VS Code keeps a closed preview's document for minutes) are re-rendered when they are
   * shown again, so hidden pages cost no requests.
   */
  refreshOpen(filter: (uri: vscode.Uri) => boolean = () => true): void {
    const shown = shownDocuments();
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== Schemes.detail || !filter(doc.uri)) continue;
      if (shown(doc.uri)) this.changed.fire(doc.uri);
      else this.stale.add(doc.uri.toString());
    }
  }

  /** A stale document that comes on screen again is re-rendered then. */
  private renderStaleShown(): void {
    if (!this.stale.size) return;
    const shown = shownDocuments();
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      if (this.stale.has(key) && shown(doc.uri)) {
        this.stale.delete(key);
        this.changed.fire(doc.uri);
      }
    }
  }

  async open(uri: vscode.Uri): Promise<void> {
    if (this.stale.delete(uri.toString())) this.changed.fire(uri);
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

/**
 * Which documents are on screen: in a text editor tab, or in a Markdown preview tab ("Preview <file name>", in the
 * display language: "Vorschau <file name>" in German, so the file name is matched as the label's first or last word).
 */
function shownDocuments(): (uri: vscode.Uri) => boolean {
  const tabs = vscode.window.tabGroups.all.flatMap(g => g.tabs);
  const text = new Set<string>();
  const previews = new Set<string>();
  for (const t of tabs) {
    if (t.input instanceof vscode.TabInputText) text.add(t.input.uri.toString());
    else if (t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)) previews.add(t.label);
  }
  const preview = (name: string): boolean => [...previews].some(l => l.endsWith(` ${name}`) || l.startsWith(`${name} `));
  return uri => text.has(uri.toString()) || preview(uri.path.slice(uri.path.lastIndexOf('/') + 1));
}
