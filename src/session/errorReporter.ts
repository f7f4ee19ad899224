/**
 * Turns an error into what a person should see (a tree error node, a message), and acts on the two that need more
 * than words: a missing scope is recorded for "Show Scope Errors"; a revoked token prompts to sign in again, once
 * per cool-down and session.
 */
import * as vscode from 'vscode';
import { isAttioError, isCancellation, type Redactor } from '../attio';
import { errorTextModule, type ErrorView } from '../common/errorText';
import type { Logger } from '../common/log';
import { Commands } from '../constants';
import type { Connection } from './connection';
import type { ScopeErrorLog } from './scopeErrors';

export type { ErrorView } from '../common/errorText';

/** The function surfaces get injected to describe errors. */
export type DescribeError = (e: unknown, feature: string) => ErrorView;

const RESIGNIN_COOLDOWN_MS = 5 * 60_000;

/**
 * An error in English for a language model (chat tools' results stay English): the scope it lacks, signed out, or
 * the redacted log message. No side effects. People read {@link ErrorReporter.describe}, in their language.
 */
export const errorView: Wording = (...a) => errorTextModule().modelErrorView(...a);

type Wording = (e: unknown, feature: string, workspaceName: string, redact: (text: string) => string) => ErrorView;

export class ErrorReporter {
  private lastPrompt = 0;
  private promptKey = '';

  constructor(
    private readonly connection: Pick<Connection, 'current'>,
    private readonly scopeErrors: ScopeErrorLog,
    private readonly redactor: Redactor,
    private readonly log: Logger,
  ) {}

  /** Classifies an error for a person, in their language; `feature` names what failed. Records scope errors, prompts on a revoked token. */
  describe: DescribeError = (e, feature) => this.report(e, feature, (...a) => errorTextModule().personErrorView(...a));

  /** The same for a language model: English words (chat tools), the same scope log and prompt. */
  describeForModel: DescribeError = (e, feature) => this.report(e, feature, errorView);

  private report(e: unknown, feature: string, word: Wording): ErrorView {
    if (isCancellation(e)) return { kind: 'cancelled' };
    const conn = this.connection.current;
    const ws = conn?.session.workspaceName ?? 'Attio';
    const view = word(e, feature, ws, text => this.redactor.redact(text));
    if (view.kind === 'scope' && isAttioError(e, 'missing-scope')) {
      this.scopeErrors.record({ feature, endpoint: e.endpoint, missing: view.missing, workspaceName: ws, at: new Date() });
    }
    if (isAttioError(e, 'auth') && (e.reason === 'inactive' || e.reason === 'rejected')) this.promptReSignIn(ws, conn?.key ?? '');
    return view;
  }

  /** Asks to sign in again, once per cool-down and session key (also what token health uses, so it is said once). */
  promptReSignIn(workspaceName: string, key: string): void {
    const now = Date.now();
    // another session (or server): its first refusal may prompt again
    if (key === this.promptKey && now - this.lastPrompt < RESIGNIN_COOLDOWN_MS) return;
    this.promptKey = key;
    this.lastPrompt = now;
    this.log.warn(`the token for "${workspaceName}" is inactive; asking to sign in again`);
    const again = vscode.l10n.t('Sign In Again');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('Attio: the access token for {0} is no longer active (revoked or expired).', workspaceName), again)
      .then(pick => pick === again && vscode.commands.executeCommand(Commands.signIn));
  }
}
