/** Sign-in (flows, OAuth, token checks), loaded the first time someone signs in (dist/signIn.lazy.js). */
export { SignInController } from './controller';
