/**
 * What a record link does: Ctrl/Cmd-click and the hover card's actions (Open Details, Open in Attio, Reveal in
 * Sidebar, Copy ID). Each command takes the link's parts, `{workspaceSlug, object, recordId}`, and checks them again:
 * command URIs can be written by anyone who can write a document.
 */
import * as vscode from 'vscode';
import { Commands, Defaults, EditorCommands } from '../constants';
import type { WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import { detailUri } from '../detail/uris';
import type { LinkArgs } from './card';
import type { SignedInWorkspace } from './links';
import type { LinkTarget, RecordLinkResolver } from './resolve';
import type { CommandTable } from '../common/commands';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The link's parts from a command argument, or undefined when they are not what the recogniser produces. */
export function parseLinkArgs(arg: unknown): LinkArgs | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const { workspaceSlug, object, recordId } = arg as Record<string, unknown>;
  if (typeof workspaceSlug !== 'string' || typeof object !== 'string' || typeof recordId !== 'string') return undefined;
  if (!SEGMENT.test(workspaceSlug) || !SEGMENT.test(object) || !UUID.test(recordId)) return undefined;
  return { workspaceSlug, object, recordId: recordId.toLowerCase() };
}

/** The link as Attio writes it. */
export function recordWebUrl(link: LinkArgs): string {
  return `${Defaults.appUrl}/${link.workspaceSlug}/${link.object}/${link.recordId}`;
}

/** Shows a message with actions and runs the one picked, without waiting for the pick. */
export function offer(show: (message: string, ...items: string[]) => Thenable<string | undefined>, message: string, actions: Record<string, () => unknown>): void {
  void show(message, ...Object.keys(actions)).then(pick => (pick ? actions[pick]?.() : undefined));
}

export interface LinkCommandDeps {
  data: WorkspaceData;
  resolver: RecordLinkResolver;
  details: DetailDocuments;
  sessions: () => Promise<SignedInWorkspace[]>;
  /** Shows a record in the Objects view; false when only its object could be shown. */
  reveal: (object: string, id: string) => Promise<boolean>;
}

export function linkCommands(d: LinkCommandDeps): CommandTable {
  const openInAttio = async (link: LinkArgs): Promise<void> => {
    const known = d.resolver.isActiveWorkspace(link) ? d.data.records.url(link.recordId) : undefined;
    await vscode.env.openExternal(vscode.Uri.parse(known ?? recordWebUrl(link)));
  };

  /**
   * Says why a link cannot be opened here, with the way out (sign in, switch workspace, open in Attio). The message
   * is not awaited: the command is done when it is shown.
   */
  const explain = async (link: LinkArgs, target: Exclude<LinkTarget, { kind: 'record' }>): Promise<void> => {
    const inAttio = { [vscode.l10n.t('Open in Attio')]: () => openInAttio(link) };
    const signIn = { [vscode.l10n.t('Sign In')]: () => vscode.commands.executeCommand(Commands.signIn) };
    switch (target.kind) {
      case 'signedOut':
        return offer(vscode.window.showInformationMessage, vscode.l10n.t('Attio: sign in to open this record.'), signIn);
      case 'otherWorkspace': {
        const other = (await d.sessions()).find(s => s.workspaceSlug.toLowerCase() === link.workspaceSlug.toLowerCase());
        const switchTo = other ? { [vscode.l10n.t('Switch Workspace')]: () => vscode.commands.executeCommand(Commands.switchWorkspace, { sessionId: other.id }) } : signIn;
        const message = vscode.l10n.t({
          message: 'Attio: this record is in the workspace "{0}"; the Attio views show "{1}".',
          args: [link.workspaceSlug, target.activeName],
          comment: '{0} is the workspace slug in the link, {1} the name of the workspace the views show',
        });
        return offer(vscode.window.showInformationMessage, message, { ...switchTo, ...inAttio });
      }
      case 'unknownObject':
        return offer(
          vscode.window.showWarningMessage,
          vscode.l10n.t({ message: 'Attio: {0} has no object "{1}".', args: [target.workspaceName, link.object], comment: '{0} is a workspace name, {1} the object part of the link (such as "person")' }),
          inAttio,
        );
      case 'notFound':
        return offer(
          vscode.window.showWarningMessage,
          vscode.l10n.t({ message: 'Attio: no record with the ID {0} exists in {1}.', args: [link.recordId, target.workspaceName], comment: '{0} is a record ID, {1} a workspace name' }),
          inAttio,
        );
    }
  };

  /** Ctrl/Cmd-click and "Open Details": the record's read-only detail page. Resolves to what the link pointed at. */
  const open = async (arg: unknown): Promise<LinkTarget['kind'] | undefined> => {
    const link = parseLinkArgs(arg);
    if (!link) return undefined;
    const target = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Attio: opening record') }, () =>
      d.resolver.resolve(link, new AbortController().signal),
    );
    if (target.kind === 'record') await d.details.open(detailUri({ kind: 'record', object: target.objectSlug, id: link.recordId, name: target.title }));
    else await explain(link, target);
    return target.kind;
  };

  const reveal = async (arg: unknown): Promise<boolean> => {
    const link = parseLinkArgs(arg);
    if (!link) return false;
    const target = await d.resolver.resolve(link, new AbortController().signal);
    if (target.kind !== 'record') {
      await explain(link, target);
      return false;
    }
    const shown = await d.reveal(target.objectSlug, link.recordId);
    if (!shown) {
      offer(
        vscode.window.showInformationMessage,
        vscode.l10n.t({
          message: 'Attio: "{0}" is not among the records loaded in the Objects view; its object is shown. Load more records there, or open the record\'s details.',
          args: [target.title],
          comment: '{0} is a record\'s name',
        }),
        { [vscode.l10n.t('Open Details')]: () => open(link) },
      );
    }
    return shown;
  };

  return {
    [EditorCommands.openRecordLink]: open,
    [EditorCommands.openRecordLinkInAttio]: async (arg: unknown) => {
      const link = parseLinkArgs(arg);
      if (link) await openInAttio(link);
    },
    [EditorCommands.revealRecordLink]: reveal,
    [EditorCommands.copyRecordLinkId]: async (arg: unknown) => {
      const link = parseLinkArgs(arg);
      if (!link) return;
      await vscode.env.clipboard.writeText(link.recordId);
      void vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Copied the Attio record ID')}`, 3000);
    },
  };
}
