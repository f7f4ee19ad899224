import * as vscode from 'vscode';
import { ENV_API_KEY } from '../constants';
import type { SignInMethod } from '../session/tokenStore';

/** A way in: how a session was made, or `broker` (an OAuth token through the team's sign-in broker). */
export type SignInWay = SignInMethod | 'broker';

export interface Flow {
  method: SignInWay;
  label: string;
  detail: string;
}

/**
 * Which ways in apply here (pure, for tests): the environment variable only when it is set. Once the team's sign-in
 * broker is known (`brokerUrl`), its way comes first, so signing in again is Enter and the consent in the browser.
 */
export function signInFlows(env: Record<string, string | undefined>, brokerUrl = ''): Flow[] {
  const token: Flow = { method: 'token', label: `$(key) ${vscode.l10n.t('Paste an access token')}`, detail: vscode.l10n.t('An Attio access token from Workspace settings → Developers.') };
  const broker: Flow = {
    method: 'broker',
    label: `$(organization) ${vscode.l10n.t('Sign in with your team\'s Attio app')}`,
    detail: brokerUrl
      ? vscode.l10n.t({ message: 'Authorize in your browser through {0}. No token or secret to paste.', args: [hostOf(brokerUrl)], comment: ['{0} is a host name.'] })
      : vscode.l10n.t('Authorize in your browser through the sign-in service your workspace admin set up. No token or secret to paste.'),
  };
  const oauth: Flow = { method: 'oauth', label: `$(globe) ${vscode.l10n.t('Sign in with OAuth (browser)')}`, detail: vscode.l10n.t('Authorize an Attio OAuth app in your browser.') };
  const flows = brokerUrl ? [broker, token, oauth] : [token, broker, oauth];
  if (env[ENV_API_KEY]?.trim()) {
    flows.push({
      method: 'env',
      label: `$(terminal) ${vscode.l10n.t({ message: 'Use {0} from the environment', args: [ENV_API_KEY], comment: ['{0} is the name of an environment variable.'] })}`,
      detail: vscode.l10n.t({ message: 'The token in the {0} environment variable.', args: [ENV_API_KEY], comment: ['{0} is the name of an environment variable.'] }),
    });
  }
  return flows;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
