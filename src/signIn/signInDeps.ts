/** What every way of signing in needs, and the failure it shows as it is (shared by the controller and the broker flow). */
import type { Redactor } from '../attio';
import type { AttioConfig } from '../common/config';
import type { Logger } from '../common/log';
import type { ClientFactory } from '../session/clients';
import type { TokenStore } from '../session/tokenStore';
import type { UriEventHandler } from './uriHandler';

/** A failure the user should read as it is (no stack, no "Error:"). */
export class SignInError extends Error {
  override name = 'SignInError';
}

export interface SignInDeps {
  clients: ClientFactory;
  store: TokenStore;
  uris: UriEventHandler;
  config: () => AttioConfig;
  log: Logger;
  redactor: Redactor;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
}
