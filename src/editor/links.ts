/**
 * Attio record URLs in any text document become links (Ctrl/Cmd-click opens the record's detail page) and show a
 * hover card. Finding links is a scan of the text, never a request; a hover spends at most
 * {@link HOVER_REQUEST_BUDGET} requests on a record it has not seen, none on one it has, and cancels them when the
 * mouse moves away. The card's builder is loaded on the first hover, not at activation.
 */
import * as vscode from 'vscode';
import { EditorCommands } from '../constants';
import type { WorkspaceData } from '../data';
import type { CardContext, CardState, LinkArgs } from './card';
import { findRecordUrls, type RecordUrlMatch } from './recordUrls';
import type { RecordLinkResolver } from './resolve';
import type { ErrorView } from '../session/errorReporter';
import type { Logger } from '../common/log';

/** Requests a hover may make for a record it has not seen (the record, then names its card shows). */
export const HOVER_REQUEST_BUDGET = 2;

/** Documents longer than this (characters) get no links: a scan of 10,000 lines takes about a millisecond, 50 MB would not. */
const MAX_LINK_SCAN = 5_000_000;

export interface SignedInWorkspace {
  id: string;
  workspaceSlug: string;
  workspaceName: string;
}

export interface RecordLinkDeps {
  data: WorkspaceData;
  resolver: RecordLinkResolver;
  /** `attio.editor.recordLinks`. */
  enabled: () => boolean;
  /** Every signed-in workspace (for "switch to the link's workspace"). */
  sessions: () => Promise<SignedInWorkspace[]>;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
}

export function linkArgs(m: Pick<RecordUrlMatch, 'workspaceSlug' | 'object' | 'recordId'>): LinkArgs {
  return { workspaceSlug: m.workspaceSlug, object: m.object, recordId: m.recordId };
}

/** `command:attio.openRecordLink?…`: what a Ctrl/Cmd-click on a record link runs. */
function openTarget(m: RecordUrlMatch): vscode.Uri {
  return vscode.Uri.parse(`command:${EditorCommands.openRecordLink}?${encodeURIComponent(JSON.stringify([linkArgs(m)]))}`);
}

export class RecordLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly enabled: () => boolean) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    if (!this.enabled()) return [];
    const text = document.getText();
    if (text.length > MAX_LINK_SCAN) return [];
    return findRecordUrls(text).map(m => {
      const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)), openTarget(m));
      link.tooltip = vscode.l10n.t('Open the Attio record');
      return link;
    });
  }
}

export class RecordHoverProvider implements vscode.HoverProvider {
  /** Records whose card has had its chance to look names up: a second hover never asks again. */
  private readonly looked = new Set<string>();

  constructor(private readonly d: RecordLinkDeps) {}

  /** Everything cached was dropped (workspace switch, page size): cards may look names up again. */
  forget(): void {
    this.looked.clear();
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.d.enabled()) return undefined;
    const line = document.lineAt(position.line).text;
    const at = position.character;
    const match = findRecordUrls(line, { range: { start: at, end: at + 1 } }).find(m => m.start <= at && at < m.end);
    if (!match) return undefined;
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try {
      const markdown = await this.card(match, controller.signal);
      if (token.isCancellationRequested || markdown === undefined) return undefined;
      const md = new vscode.MarkdownString(markdown.text, true);
      md.isTrusted = { enabledCommands: [...markdown.commands] };
      md.supportHtml = false;
      return new vscode.Hover(md, new vscode.Range(position.line, match.start, position.line, match.end));
    } finally {
      sub.dispose();
    }
  }

  /** The card's Markdown, or undefined when the hover was cancelled. */
  async card(match: RecordUrlMatch, signal: AbortSignal): Promise<{ text: string; commands: readonly string[] } | undefined> {
    const { hoverCard, unresolvedNames, CARD_COMMANDS } = await import('./card');
    const link = linkArgs(match);
    const spent = { requests: 0 };
    let state: CardState;
    let ctx: CardContext | undefined;
    try {
      const target = await this.d.resolver.resolve(match, signal, spent);
      switch (target.kind) {
        case 'otherWorkspace': {
          const other = (await this.d.sessions()).find(s => s.workspaceSlug.toLowerCase() === match.workspaceSlug.toLowerCase());
          state = { kind: 'otherWorkspace', activeName: target.activeName, ...(other ? { switchTo: { sessionId: other.id, name: other.workspaceName } } : {}) };
          break;
        }
        case 'record': {
          ctx = this.context(target.objectSlug);
          // Names the card would show but nobody has loaded yet: one request each while the budget lasts, on the
          // first hover of the record only (a later one shows what that one found, for no request).
          const key = `${target.workspaceName}\u0000${match.recordId}`;
          const first = !this.looked.has(key);
          if (this.looked.size > 10_000) this.looked.clear();
          this.looked.add(key);
          const missing = first ? unresolvedNames(target.record, target.objectSlug, ctx) : { titles: new Map<string, Set<string>>(), members: false };
          for (const [object, ids] of missing.titles) {
            if (spent.requests >= HOVER_REQUEST_BUDGET) break;
            spent.requests++;
            await this.d.data.records.fetchTitles(new Map([[object, ids]]), signal);
          }
          if (missing.members && spent.requests < HOVER_REQUEST_BUDGET) {
            spent.requests++;
            await this.d.data.members.byId().catch(e => this.d.log.debug(`hover: members unavailable (${e instanceof Error ? e.message : String(e)})`));
          }
          if (signal.aborted) return undefined;
          ctx = this.context(target.objectSlug);
          state = target;
          break;
        }
        default:
          state = target;
      }
    } catch (e) {
      const view = this.d.describeError(e, vscode.l10n.t({ message: 'Record link', comment: 'the feature named in an error message, such as "Record link needs the record_permission:read scope"' }));
      if (view.kind === 'cancelled' || signal.aborted) return undefined;
      this.d.log.debug(`hover of a record link failed: ${view.message}`);
      state = { kind: 'error', message: view.message };
    }
    this.d.log.trace(`hover card (${state.kind}) after ${spent.requests} request(s)`);
    return { text: hoverCard(link, state, ctx), commands: CARD_COMMANDS };
  }

  /** Lookups from the cache for the card builder. */
  private context(objectSlug: string): CardContext {
    const { data } = this.d;
    const rc = data.renderContext();
    return { ...rc, attributes: data.records.cachedAttributes(objectSlug), objectNoun: o => data.records.object(o)?.singular_noun ?? undefined };
  }
}
