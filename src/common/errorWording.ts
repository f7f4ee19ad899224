/**
 * What a person reads for a failure, worded from the error's kind and fields in the person's language (the
 * errors' own messages are English log lines). Loaded on the first failure shown (lazy part `common`).
 */
import * as vscode from 'vscode';
import { errorMessage, isAttioError, isCancellation } from '../attio/errors';

/** What a caller should show for an error. */
export type ErrorView =
  | { kind: 'cancelled' }
  | { kind: 'scope'; message: string; missing: string[] }
  | { kind: 'signedOut'; message: string }
  | { kind: 'other'; message: string };

/** One failure in a sentence: an Attio error by its kind, our typed errors by name, anything else by its message. */
export function errorText(e: unknown): string {
  if (isAttioError(e, 'network')) {
    return e.systemCode ? vscode.l10n.t('Could not reach Attio ({0}). Check the network connection.', e.systemCode) : vscode.l10n.t('Could not reach Attio. Check the network connection.');
  }
  if (isAttioError(e, 'timeout')) {
    const s = Math.max(1, Math.round(e.timeoutMs / 1000));
    return s === 1 ? vscode.l10n.t('Attio did not answer within 1 second.') : vscode.l10n.t('Attio did not answer within {0} seconds.', s);
  }
  if (isAttioError(e, 'rate-limited')) {
    if (e.beyondCap) return vscode.l10n.t('Attio is limiting the rate of requests and asks to wait for more than a minute; try again later.');
    const s = Math.max(1, Math.ceil((new Date(e.retryAt).getTime() - Date.now()) / 1000));
    return s === 1 ? vscode.l10n.t('Attio is limiting the rate of requests; try again in 1 second.') : vscode.l10n.t('Attio is limiting the rate of requests; try again in {0} seconds.', s);
  }
  if (isAttioError(e, 'server')) return vscode.l10n.t('Attio server error (HTTP {0}). Try again later.', e.status ?? 500);
  if (isAttioError(e, 'auth')) {
    if (e.reason === 'missing') return vscode.l10n.t('No Attio access token is available. Sign in first.');
    if (e.reason === 'inactive') return vscode.l10n.t('The Attio access token is no longer active (revoked or expired). Sign in again.');
    return vscode.l10n.t('Attio rejected the access token. Sign in again.');
  }
  if (isAttioError(e, 'missing-scope')) {
    const list = e.missingScopes.join(', ');
    return e.missingScopes.length === 1 ? vscode.l10n.t('The access token lacks the scope {0}.', list) : vscode.l10n.t('The access token lacks the scopes {0}.', list);
  }
  if (isAttioError(e, 'forbidden')) return e.code ? vscode.l10n.t('Attio refused the request (HTTP 403, {0}).', e.code) : vscode.l10n.t('Attio refused the request (HTTP 403).');
  if (isAttioError(e, 'not-found')) return vscode.l10n.t('Attio has no such item (HTTP 404); it may have been deleted.');
  if (isAttioError(e, 'invalid-request')) {
    const status = e.status ?? 400;
    if (e.code && e.detail) return vscode.l10n.t({ message: 'Attio rejected the request (HTTP {0}, {1}): {2}', args: [status, e.code, e.detail], comment: ['The last placeholder is Attio\'s own explanation, in English.'] });
    if (e.detail) return vscode.l10n.t({ message: 'Attio rejected the request (HTTP {0}): {1}', args: [status, e.detail], comment: ['The last placeholder is Attio\'s own explanation, in English.'] });
    return e.code ? vscode.l10n.t('Attio rejected the request (HTTP {0}, {1}).', status, e.code) : vscode.l10n.t('Attio rejected the request (HTTP {0}).', status);
  }
  if (isAttioError(e, 'schema')) {
    return vscode.l10n.t({
      message: 'Attio answered with an unexpected response shape at {0} ({1}).',
      args: [e.path || '(root)', e.expected],
      comment: ['{0} is a field path such as data[3].values, {1} what was expected there (technical, English).'],
    });
  }
  if (isAttioError(e, 'redirect')) {
    return e.targetHost
      ? vscode.l10n.t('The API answered with a redirect to {0}; requests carrying your token never follow redirects.', e.targetHost)
      : vscode.l10n.t('The API answered with a redirect; requests carrying your token never follow redirects.');
  }
  if (isAttioError(e, 'origin')) {
    return e.requestOrigin
      ? vscode.l10n.t('Not sent: the access token belongs to {0}, not {1}.', e.tokenOrigin, e.requestOrigin)
      : vscode.l10n.t('Not sent: the access token belongs to {0}, and the API address is not a valid URL.', e.tokenOrigin);
  }
  if (isAttioError(e, 'invalid-path')) return vscode.l10n.t('Not sent: the address names something that is not an Attio ID or slug.');
  if (isAttioError(e, 'http')) return e.code ? vscode.l10n.t('Attio answered with HTTP {0} ({1}).', e.status ?? 0, e.code) : vscode.l10n.t('Attio answered with HTTP {0}.', e.status ?? 0);
  const name = e instanceof Error ? e.name : '';
  if (name === 'NotSignedIn') return vscode.l10n.t('Not signed in to Attio.');
  if (name === 'FilterBuildError') {
    const f = e as Error & { reason?: string; label?: string };
    const label = f.label ?? '';
    if (f.reason === 'noMember') return vscode.l10n.t({ message: 'The condition "{0} is me" needs a signed-in workspace member, and this token has none.', args: [label], comment: ['{0} is an attribute, e.g. "Owner".'] });
    if (f.reason === 'notNumber') return vscode.l10n.t({ message: 'The condition on "{0}" needs a number.', args: [label], comment: ['{0} is an attribute.'] });
    return vscode.l10n.t({ message: 'The condition on "{0}" needs a value.', args: [label], comment: ['{0} is an attribute.'] });
  }
  if (name === 'NotAMember') return vscode.l10n.t('Comments are written by a workspace member, and this token does not belong to one.');
  return errorMessage(e);
}

/**
 * An error in English for a language model (chat tools' results stay English): the scope it lacks, signed out, or
 * the redacted log message.
 */
export function modelErrorView(e: unknown, feature: string, workspaceName: string, redact: (text: string) => string): ErrorView {
  if (isCancellation(e)) return { kind: 'cancelled' };
  if (isAttioError(e, 'missing-scope')) {
    const missing = [...e.missingScopes];
    const what = missing.length ? missing.join(', ') : 'a scope'; // l10n-ignore: for the model
    // l10n-ignore: for the model
    return { kind: 'scope', missing, message: `${feature} needs the ${what} scope${missing.length > 1 ? 's' : ''}, which this token lacks.` }; // l10n-ignore: for the model
  }
  // l10n-ignore: for the model
  if (isAttioError(e, 'auth')) return { kind: 'signedOut', message: `The token for ${workspaceName} is no longer active. Sign in again.` };
  return { kind: 'other', message: redact(errorMessage(e)) };
}

/** An error as a person reads it, for a surface showing `feature` (already in the person's language). */
export function personErrorView(e: unknown, feature: string, workspaceName: string, redact: (text: string) => string): ErrorView {
  if (isCancellation(e)) return { kind: 'cancelled' };
  if (isAttioError(e, 'missing-scope')) {
    const missing = [...e.missingScopes];
    const message =
      missing.length === 0
        ? vscode.l10n.t({ message: '{0} needs a scope this token lacks.', args: [feature], comment: ['{0} names a feature, e.g. "Tasks".'] })
        : missing.length === 1
          ? vscode.l10n.t({ message: '{0} needs the {1} scope, which this token lacks.', args: [feature, missing[0]], comment: ['{0} names a feature, e.g. "Tasks"; {1} is a scope id.'] })
          : vscode.l10n.t({ message: '{0} needs the {1} scopes, which this token lacks.', args: [feature, missing.join(', ')], comment: ['{0} names a feature, e.g. "Tasks"; {1} lists scope ids.'] });
    return { kind: 'scope', missing, message };
  }
  if (isAttioError(e, 'auth')) return { kind: 'signedOut', message: vscode.l10n.t('The token for {0} is no longer active. Sign in again.', workspaceName) };
  return { kind: 'other', message: redact(errorText(e)) };
}
