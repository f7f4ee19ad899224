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
    { method: 'token', label: '$(key) Paste an access token', detail: 'An Attio access token from Workspace settings → Developers.' },
    { method: 'oauth', label: '$(globe) Sign in with OAuth (browser)', detail: 'Authorize an Attio OAuth app in your browser.' },
  ];
  if (env[ENV_API_KEY]?.trim()) flows.push({ method: 'env', label: `$(terminal) Use ${ENV_API_KEY} from the environment`, detail: `The token in the ${ENV_API_KEY} environment variable.` });
  return flows;
}

