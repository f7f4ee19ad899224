/**
 * "Attio: Sign In" as the rest of the extension sees it: `acquire()` gives a validated, not yet stored, session. The
 * controller (flows, OAuth, token checks) loads on the first sign-in, not at activation.
 */
import { lazy } from '../platform';
import type { StoredSession } from '../session/tokenStore';
import type * as Impl from './controller';
import type { SignInController, SignInDeps, SignInRequest } from './controller';

const signInModule = lazy<typeof Impl>(() => require('./controller'));

export type { SignInRequest } from './controller';

export class SignIn {
  private loaded: SignInController | undefined;

  constructor(private readonly deps: SignInDeps) {}

  acquire = async (req: SignInRequest = {}): Promise<StoredSession> => (await this.controller()).acquire(req);

  private async controller(): Promise<SignInController> {
    return (this.loaded ??= new (await signInModule.load()).SignInController(this.deps));
  }
}
