/**
 * The words around values (kinds of actors and interactions, unknown members and records) in the person's language,
 * for the data layer's `ValueWords` (which common may not import; the composition checks the shape). Loaded when the
 * first value is rendered (lazy part `common`).
 */
import * as vscode from 'vscode';

export function valueWords() {
  return {
    actors: {
      'api-token': vscode.l10n.t('API token'),
      system: vscode.l10n.t({ message: 'System', comment: ['Who made a change: Attio itself.'] }),
      app: vscode.l10n.t({ message: 'App', comment: ['Who made a change: an app.'] }),
      'workspace-member': vscode.l10n.t('Workspace member'),
    },
    interactions: {
      'calendar-event': vscode.l10n.t('Calendar event'),
      call: vscode.l10n.t('Call'),
      'chat-thread': vscode.l10n.t({ message: 'Chat', comment: ['A kind of interaction: a chat thread.'] }),
      email: vscode.l10n.t('Email'),
      'in-person-meeting': vscode.l10n.t('In-person meeting'),
      meeting: vscode.l10n.t('Meeting'),
    },
    by: (name: string) => vscode.l10n.t({ message: 'by {0}', args: [name], comment: ['Who owned an interaction: "Call · 3 Mar 2025 · by Ada Lovelace".'] }),
    member: (id: string) => vscode.l10n.t({ message: 'Member {0}', args: [id], comment: ['A workspace member whose name is unknown; {0} is the start of their id.'] }),
    workspaceMember: vscode.l10n.t('Workspace member'),
    unknown: vscode.l10n.t({ message: 'Unknown', comment: ['Who made a change: not known.'] }),
    recordNotFound: vscode.l10n.t('Record not found'),
    yes: vscode.l10n.t({ message: 'Yes', comment: ['The value of a checked checkbox.'] }),
    no: vscode.l10n.t({ message: 'No', comment: ['The value of an unchecked checkbox.'] }),
  };
}
