/** Markdown for "Attio: Verify Connection" and "Attio: Show Scope Errors" (no VS Code API but `l10n`; unit-tested). */
import * as vscode from 'vscode';
import { assessScopes, features as featureInfo, type Feature, type SelfInfo } from '../attio';
import { Commands, DevCommands } from '../constants';
import type { ScopeErrorEntry } from '../session/scopeErrors';
import type { SignInMethod } from '../session/tokenStore';

/** Names from the workspace (workspace, members) are CRM data: shown as text, on one line, never as Markdown. */
const esc = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
/** An id or slug as code; a table cell cannot be split by it. */
const code = (s: string): string => '`' + s.replace(/[`\r\n]/g, '').replace(/\|/g, '\\|') + '`';

/** A report: its Markdown and the commands its links run (the report view allows exactly these, nothing else). */
export interface Report {
  readonly markdown: string;
  readonly commands: readonly string[];
}

/** Builds a report's Markdown; every command link goes through `link`, which records the command. */
class ReportBuilder {
  readonly lines: string[] = [];
  private readonly commands = new Set<string>();

  link(label: string, command: string): string {
    this.commands.add(command);
    return `[${label}](command:${command})`;
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  done(): Report {
    return { markdown: this.lines.join('\n') + '\n', commands: [...this.commands] };
  }
}

/** What a person calls each feature of the extension (the scope model names them by id). */
export function featureLabel(feature: Feature): string {
  switch (feature) {
    case 'objects':
      return vscode.l10n.t('Objects and attributes');
    case 'records':
      return vscode.l10n.t('Records');
    case 'recordWrites':
      return vscode.l10n.t('Edit and create records');
    case 'lists':
      return vscode.l10n.t('Lists');
    case 'entries':
      return vscode.l10n.t('List entries');
    case 'entryWrites':
      return vscode.l10n.t('Add, move and remove list entries');
    case 'tasks':
      return vscode.l10n.t('Tasks');
    case 'taskWrites':
      return vscode.l10n.t('Create and complete tasks');
    case 'members':
      return vscode.l10n.t('Workspace members');
    case 'notes':
      return vscode.l10n.t('Notes');
    case 'noteWrites':
      return vscode.l10n.t('Add notes');
    case 'search':
      return vscode.l10n.t('Search');
    case 'webhooks':
      return vscode.l10n.t('Webhooks (read-only)');
    case 'comments':
      return vscode.l10n.t('Comments');
    case 'commentWrites':
      return vscode.l10n.t('Add comments');
    case 'meetings':
      return vscode.l10n.t('Meetings');
    case 'callRecordings':
      return vscode.l10n.t('Call recordings and transcripts');
  }
}

const fixApiKey = (): string =>
  vscode.l10n.t({
    message:
      'Ask a workspace admin to open **Workspace settings → Developers**, choose the integration that owns this token, tick the missing scopes under **Scopes**, save, then run **Attio: Verify Connection** again (the token keeps working; no new sign-in needed).',
    comment: ['Markdown. "Workspace settings → Developers" and "Scopes" name places in Attio\'s web app; "Attio: Verify Connection" is the command\'s title.'],
  });
const fixOAuth = (): string =>
  vscode.l10n.t({
    message:
      'Add the missing scopes to your app at **build.attio.com → your app → OAuth → Scopes**, then **sign in again** so the workspace re-consents; an existing OAuth token keeps the scopes it was granted.',
    comment: ['Markdown. "build.attio.com → your app → OAuth → Scopes" names places in Attio\'s developer site.'],
  });

export interface ConnectionReportInput {
  self: SelfInfo;
  method: SignInMethod;
  apiBaseUrl: string;
  /** Name of the member who authorised the token, when the members endpoint could resolve it. */
  authorizedBy?: string;
  checkedAt: Date;
}

export function connectionReport(r: ConnectionReportInput): Report {
  const lines = new ReportBuilder();
  lines.push(`# ${vscode.l10n.t('Attio connection')}`, '');
  if (!r.self.active) {
    lines.push(
      vscode.l10n.t({
        message: '**The token is not active.** Attio ({0}) answered `/v2/self` with `active: false`: it was revoked, expired or mistyped.',
        args: [code(r.apiBaseUrl)],
        comment: ['Markdown. {0} is the API address as code. Keep `/v2/self` and `active: false` as they are.'],
      }),
      '',
      lines.link(vscode.l10n.t('Sign in again'), Commands.signIn),
    );
    return lines.done();
  }
  const s = r.self;
  const unknown = vscode.l10n.t({ message: 'unknown', comment: ['A table cell: the value is not known.'] });
  const rows: [string, string][] = [
    [vscode.l10n.t('Workspace'), `${esc(s.workspaceName)} (${code(s.workspaceSlug)})`],
    [vscode.l10n.t('Workspace ID'), code(s.workspaceId)],
    [vscode.l10n.t('API'), code(r.apiBaseUrl)],
    [vscode.l10n.t('Token type'), `${esc(s.tokenType)} — ${r.method === 'oauth' ? vscode.l10n.t('OAuth access token') : vscode.l10n.t('access token (API key)')}`],
    [vscode.l10n.t('Authorised by'), r.authorizedBy ? esc(r.authorizedBy) : s.authorizedByMemberId ? code(s.authorizedByMemberId) : unknown],
    [vscode.l10n.t('Issued'), s.issuedAt ? s.issuedAt.toISOString() : unknown],
    [vscode.l10n.t('Expires'), s.expiresAt ? s.expiresAt.toISOString() : vscode.l10n.t('never (no expiry set)')],
    [vscode.l10n.t('Client ID'), s.clientId ? code(s.clientId) : '—'],
    [vscode.l10n.t('Checked'), r.checkedAt.toISOString()],
  ];
  lines.push(`| ${vscode.l10n.t('Connection')} | |`, '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '');
  lines.push(
    vscode.l10n.t({
      message: 'Reproduce this check outside VS Code: {0} (the key as `$ATTIO_API_KEY`, never the token).',
      args: [lines.link(vscode.l10n.t('Copy as cURL'), DevCommands.copySelfAsCurl)],
      comment: ['Markdown. {0} is a link titled "Copy as cURL". Keep `$ATTIO_API_KEY` as it is.'],
    }),
    '',
  );
  const granted = [...s.scopes].sort();
  lines.push(`## ${vscode.l10n.t('Granted scopes')}`, '', granted.length ? granted.map(code).join(' ') : `_${vscode.l10n.t({ message: 'none', comment: ['No scopes are granted.'] })}_`, '');
  const features = assessScopes(s.scopes);
  lines.push(`## ${vscode.l10n.t('What works')}`, '', `| ${vscode.l10n.t('Feature')} | ${vscode.l10n.t('Status')} |`, '|---|---|');
  const optional = (f: (typeof features)[number]): boolean => !!featureInfo[f.feature].optional;
  for (const f of features) {
    const scopes = f.missing.map(code).join(', ');
    const status = f.ok
      ? vscode.l10n.t('✓ works')
      : optional(f)
        ? vscode.l10n.t({ message: '○ optional: add {0} to use it', args: [scopes], comment: ['{0} is the list of scopes to add.'] })
        : vscode.l10n.t({ message: '✗ needs {0}', args: [scopes], comment: ['{0} is the list of missing scopes.'] });
    lines.push(`| ${featureLabel(f.feature)} | ${status} |`);
  }
  lines.push('');
  const missing = [...new Set(features.filter(f => !optional(f)).flatMap(f => f.missing))].sort();
  if (missing.length) {
    lines.push(`## ${vscode.l10n.t('How to fix')}`, '', vscode.l10n.t('Missing scopes: {0}', missing.map(code).join(' ')), '', r.method === 'oauth' ? fixOAuth() : fixApiKey(), '');
  } else lines.push(vscode.l10n.t('Every feature of Attio Explorer works with this token.'), '');
  lines.push(lines.link(vscode.l10n.t('Show scope errors met in this window'), Commands.showScopeErrors));
  return lines.done();
}

export function scopeErrorsReport(entries: readonly ScopeErrorEntry[], method: SignInMethod | undefined): Report {
  const lines = new ReportBuilder();
  lines.push(`# ${vscode.l10n.t('Attio scope errors')}`, '');
  const verify = (): string => lines.link(vscode.l10n.t('Verify the connection'), Commands.verifyConnection);
  if (!entries.length) {
    lines.push(vscode.l10n.t('No scope errors in this window so far.'), '', verify());
    return lines.done();
  }
  lines.push(vscode.l10n.t('Features that failed because the token lacks a scope (newest first):'), '');
  const heads = [vscode.l10n.t('When'), vscode.l10n.t('Workspace'), vscode.l10n.t('Feature'), vscode.l10n.t('Endpoint'), vscode.l10n.t('Missing scope')];
  lines.push(`| ${heads.join(' | ')} |`, '|---|---|---|---|---|');
  for (const e of entries) {
    const missing = e.missing.map(code).join(', ') || vscode.l10n.t({ message: 'unknown', comment: ['A table cell: the value is not known.'] });
    lines.push(`| ${e.at.toLocaleTimeString()} | ${esc(e.workspaceName)} | ${esc(e.feature)} | ${code(e.endpoint)} | ${missing} |`);
  }
  lines.push('', `## ${vscode.l10n.t('How to fix')}`, '', method === 'oauth' ? fixOAuth() : fixApiKey(), '', verify());
  return lines.done();
}
