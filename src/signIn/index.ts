/**
 * "Attio: Sign In" as the rest of the extension sees it: `acquire()` gives a validated, not yet stored, session. The
 * controller (flows, OAuth, token checks) loads on the first sign-in, not at activation.
 */
import type { StoredSession } from '../session/tokenStore';
import type { SignInController, SignInDeps, SignInRequest } from './controller';

export type { SignInRequest } from './controller';

export class SignIn {
  private loaded: SignInController | undefined;

  constructor(private readonly deps: SignInDeps) {}

  acquire = (req: SignInRequest = {}): Promise<StoredSession> => this.controller.acquire(req);

  private get controller(): SignInController {
    return (this.loaded ??= new (require('./signIn.lazy') as typeof import('./signIn.lazy')).SignInController(this.deps));
  }
}
