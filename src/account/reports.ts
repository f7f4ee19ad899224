/** Markdown for "Attio: Verify Connection" and "Attio: Show Scope Errors" (pure: no VS Code API, unit-tested). */
import { assessScopes, features as featureInfo, type SelfInfo } from '../attio';
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

const FIX_API_KEY =
  'Ask a workspace admin to open **Workspace settings → Developers**, choose the integration that owns this token, ' +
  'tick the missing scopes under **Scopes**, save, then run **Attio: Verify Connection** again (the token keeps working; no new sign-in needed).';
const FIX_OAUTH =
  'Add the missing scopes to your app at **build.attio.com → your app → OAuth → Scopes**, then **sign in again** so the workspace re-consents; ' +
  'an existing OAuth token keeps the scopes it was granted.';

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
  lines.push('# Attio connection', '');
  if (!r.self.active) {
    lines.push(
      `**The token is not active.** Attio (${code(r.apiBaseUrl)}) answered \`/v2/self\` with \`active: false\`: it was revoked, expired or mistyped.`,
      '',
      lines.link('Sign in again', Commands.signIn),
    );
    return lines.done();
  }
  const s = r.self;
  const rows: [string, string][] = [
    ['Workspace', `${esc(s.workspaceName)} (${code(s.workspaceSlug)})`],
    ['Workspace ID', code(s.workspaceId)],
    ['API', code(r.apiBaseUrl)],
    ['Token type', `${esc(s.tokenType)} — ${r.method === 'oauth' ? 'OAuth access token' : 'access token (API key)'}`],
    ['Authorised by', r.authorizedBy ? esc(r.authorizedBy) : s.authorizedByMemberId ? code(s.authorizedByMemberId) : 'unknown'],
    ['Issued', s.issuedAt ? s.issuedAt.toISOString() : 'unknown'],
    ['Expires', s.expiresAt ? s.expiresAt.toISOString() : 'never (no expiry set)'],
    ['Client ID', s.clientId ? code(s.clientId) : '—'],
    ['Checked', r.checkedAt.toISOString()],
  ];
  lines.push('| Connection | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '');
  lines.push(`Reproduce this check outside VS Code: ${lines.link('Copy as cURL', DevCommands.copySelfAsCurl)} (the key as \`$ATTIO_API_KEY\`, never the token).`, '');
  const granted = [...s.scopes].sort();
  lines.push('## Granted scopes', '', granted.length ? granted.map(code).join(' ') : '_none_', '');
  const features = assessScopes(s.scopes);
  lines.push('## What works', '', '| Feature | Status |', '|---|---|');
  const optional = (f: (typeof features)[number]): boolean => !!featureInfo[f.feature].optional;
  for (const f of features) {
    const status = f.ok ? '✓ works' : optional(f) ? `○ optional: add ${f.missing.map(code).join(', ')} to use it` : `✗ needs ${f.missing.map(code).join(', ')}`;
    lines.push(`| ${f.label} | ${status} |`);
  }
  lines.push('');
  const missing = [...new Set(features.filter(f => !optional(f)).flatMap(f => f.missing))].sort();
  if (missing.length) {
    lines.push('## How to fix', '', `Missing scopes: ${missing.map(code).join(' ')}`, '', r.method === 'oauth' ? FIX_OAUTH : FIX_API_KEY, '');
  } else lines.push('Every feature of Attio Explorer works with this token.', '');
  lines.push(lines.link('Show scope errors met in this window', Commands.showScopeErrors));
  return lines.done();
}

export function scopeErrorsReport(entries: readonly ScopeErrorEntry[], method: SignInMethod | undefined): Report {
  const lines = new ReportBuilder();
  lines.push('# Attio scope errors', '');
  if (!entries.length) {
    lines.push('No scope errors in this window so far.', '', lines.link('Verify the connection', Commands.verifyConnection));
    return lines.done();
  }
  lines.push('Features that failed because the token lacks a scope (newest first):', '');
  lines.push('| When | Workspace | Feature | Endpoint | Missing scope |', '|---|---|---|---|---|');
  for (const e of entries) {
    lines.push(`| ${e.at.toLocaleTimeString()} | ${esc(e.workspaceName)} | ${esc(e.feature)} | ${code(e.endpoint)} | ${e.missing.map(code).join(', ') || 'unknown'} |`);
  }
  lines.push('', '## How to fix', '', method === 'oauth' ? FIX_OAUTH : FIX_API_KEY, '', lines.link('Verify the connection', Commands.verifyConnection));
  return lines.done();
}
