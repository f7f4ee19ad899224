/**
 * Turns an error into what a person should see (a tree error node, a message), and acts on the two that need more
 * than words: a missing scope is recorded for "Show Scope Errors"; a revoked token prompts to sign in again, once
 * per cool-down and session.
 */
import * as vscode from 'vscode';
import { errorMessage, isAttioError, isCancellation, type Redactor } from '../attio';
import type { Logger } from '../common/log';
import { Commands } from '../constants';
import type { Connection } from './connection';
import type { ScopeErrorLog } from './scopeErrors';

/** What a caller should show for an error. */
export type ErrorView =
  | { kind: 'cancelled' }
  | { kind: 'scope'; message: string; missing: string[] }
  | { kind: 'signedOut'; message: string }
  | { kind: 'other'; message: string };

/** The function surfaces get injected to describe errors. */
export type DescribeError = (e: unknown, feature: string) => ErrorView;

const RESIGNIN_COOLDOWN_MS = 5 * 60_000;

/** What a person reads for an error (no side effects): the scope it lacks, signed out, or the redacted message. */
export function errorView(e: unknown, feature: string, workspaceName: string, redact: (text: string) => string): ErrorView {
  if (isCancellation(e)) return { kind: 'cancelled' };
  if (isAttioError(e, 'missing-scope')) {
    const missing = [...e.missingScopes];
    const what = missing.length ? missing.join(', ') : 'a scope';
    return { kind: 'scope', missing, message: `${feature} needs the ${what} scope${missing.length > 1 ? 's' : ''}, which this token lacks.` };
  }
  if (isAttioError(e, 'auth')) return { kind: 'signedOut', message: `The token for ${workspaceName} is no longer active. Sign in again.` };
  return { kind: 'other', message: redact(errorMessage(e)) };
}

export class ErrorReporter {
  private lastPrompt = 0;
  private promptKey = '';

  constructor(
    private readonly connection: Pick<Connection, 'current'>,
    private readonly scopeErrors: ScopeErrorLog,
    private readonly redactor: Redactor,
    private readonly log: Logger,
  ) {}

  /** Classifies an error for display; `feature` names what failed. Records scope errors, prompts on a revoked token. */
  describe: DescribeError = (e, feature) => {
    const conn = this.connection.current;
    const ws = conn?.session.workspaceName ?? 'Attio';
    const view = errorView(e, feature, ws, text => this.redactor.redact(text));
    if (view.kind === 'scope' && isAttioError(e, 'missing-scope')) {
      this.scopeErrors.record({ feature, endpoint: e.endpoint, missing: view.missing, workspaceName: ws, at: new Date() });
    }
    if (isAttioError(e, 'auth') && (e.reason === 'inactive' || e.reason === 'rejected')) this.promptReSignIn(ws, conn?.key ?? '');
    return view;
  };

  private promptReSignIn(workspaceName: string, key: string): void {
    const now = Date.now();
    // another session (or server): its first refusal may prompt again
    if (key === this.promptKey && now - this.lastPrompt < RESIGNIN_COOLDOWN_MS) return;
    this.promptKey = key;
    this.lastPrompt = now;
    this.log.warn(`the token for "${workspaceName}" is inactive; asking to sign in again`);
    void vscode.window
      .showWarningMessage(`Attio: the access token for ${workspaceName} is no longer active (revoked or expired).`, 'Sign In Again')
      .then(pick => pick && vscode.commands.executeCommand(Commands.signIn));
  }
}
