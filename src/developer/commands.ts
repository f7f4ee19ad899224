/**
 * The developer's commands: Open as JSON, Copy as cURL, Copy as fetch (for sidebar items and open JSON documents),
 * Copy API Slug, Refresh JSON, and "Copy as cURL" of the `/v2/self` check (from Verify Connection).
 * Which item a command is about comes from an injected resolver, so this folder never imports the sidebar.
 */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import type { Logger } from '../common/log';
import type { ErrorView } from '../session/errorReporter';
import { DevCommands } from '../constants';
import { apiCall, type ApiItem, type WorkspaceData } from '../data';
import type { JsonDocuments } from './jsonDocuments';
import { parseJsonUri } from './jsonDocuments';
import { snippetRequest, toCurl, toFetch } from './snippets';

/** What a command argument (a tree node) can tell about itself. */
export interface DevTarget {
  apiItem?(): ApiItem | undefined;
  apiSlug?(): string | undefined;
}

export interface DeveloperDeps {
  data: WorkspaceData;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
  /** `attio.apiBaseUrl` (the snippets' URLs). */
  baseUrl: () => string;
  /** The tree node a command was run on (its argument, else the focused view's selection). */
  resolve: (arg: unknown) => DevTarget | undefined;
}

export function developerCommands({ json, baseUrl, resolve }: Pick<DeveloperDeps, 'baseUrl' | 'resolve'> & { json: JsonDocuments }): CommandTable {
  const itemOf = (arg: unknown): ApiItem | undefined => {
    if (arg instanceof vscode.Uri) return parseJsonUri(arg);
    const fromNode = resolve(arg)?.apiItem?.();
    if (fromNode) return fromNode;
    const active = vscode.window.activeTextEditor?.document.uri;
    return active ? parseJsonUri(active) : undefined;
  };
  /** Copies `text` and says so (`copied`: the status bar message, translated). */
  const copy = async (text: string | undefined, copied: () => string): Promise<string | undefined> => {
    if (!text) return undefined;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(`$(copy) ${copied()}`, 3000);
    return text;
  };
  const snippet = (item: ApiItem | undefined, render: typeof toCurl): string | undefined => (item ? render(snippetRequest(apiCall(item), baseUrl())) : undefined);

  return {
    [DevCommands.openAsJson]: async (arg: unknown) => {
      const item = itemOf(arg);
      if (item) await json.open(item);
    },
    [DevCommands.copyAsCurl]: (arg: unknown) => copy(snippet(itemOf(arg), toCurl), () => vscode.l10n.t('Copied the cURL command')),
    [DevCommands.copyAsFetch]: (arg: unknown) => copy(snippet(itemOf(arg), toFetch), () => vscode.l10n.t('Copied the fetch snippet')),
    [DevCommands.copySelfAsCurl]: () => copy(snippet({ kind: 'self' }, toCurl), () => vscode.l10n.t('Copied the cURL command for /v2/self')),
    [DevCommands.copyApiSlug]: (arg: unknown) => copy(resolve(arg)?.apiSlug?.(), () => vscode.l10n.t('Copied the API slug')),
    [DevCommands.refreshJson]: (arg: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (uri) json.refresh(uri);
    },
  };
}
