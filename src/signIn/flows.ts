import * as vscode from 'vscode';
import { ENV_API_KEY } from '../constants';
import type { SignInMethod } from '../session/tokenStore';

export interface Flow {
  method: SignInMethod;
  label: string;
  detail: string;
}

/** Which ways in apply here (pure, for tests): the environment variable only when it is set. */
export function signInFlows(env: Record<string, string | undefined>): Flow[] {
  const flows: Flow[] = [
    { method: 'token', label: `$(key) ${vscode.l10n.t('Paste an access token')}`, detail: vscode.l10n.t('An Attio access token from Workspace settings → Developers.') },
    { method: 'oauth', label: `$(globe) ${vscode.l10n.t('Sign in with OAuth (browser)')}`, detail: vscode.l10n.t('Authorize an Attio OAuth app in your browser.') },
  ];
  if (env[ENV_API_KEY]?.trim()) {
    flows.push({
      method: 'env',
      label: `$(terminal) ${vscode.l10n.t({ message: 'Use {0} from the environment', args: [ENV_API_KEY], comment: ['{0} is the name of an environment variable.'] })}`,
      detail: vscode.l10n.t({ message: 'The token in the {0} environment variable.', args: [ENV_API_KEY], comment: ['{0} is the name of an environment variable.'] }),
    });
  }
  return flows;
}

