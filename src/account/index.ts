/**
 * The account surface as activation sees it: command ids only; the handlers (sign in and out, switch workspace,
 * Verify Connection, scope errors) load on the first account command.
 */
import { lazyCommandTable, type CommandTable } from '../common/commands';
import { Commands } from '../constants';
import { lazy } from '../platform';
import type * as Impl from './accountCommands';
import type { AccountCommandDeps } from './accountCommands';

const accountModule = lazy<typeof Impl>(() => require('./accountCommands'));

/** Every command the account surface handles (a unit test checks it against the handlers' table). */
export const ACCOUNT_COMMANDS = [
  Commands.signIn,
  Commands.signInWithTeamApp,
  Commands.signOut,
  Commands.switchWorkspace,
  Commands.accountActions,
  Commands.verifyConnection,
  Commands.showScopeErrors,
  Commands.showLog,
  Commands.useSessionApiOrigin,
] as const;

export function accountCommandTable(deps: AccountCommandDeps): CommandTable {
  return lazyCommandTable(ACCOUNT_COMMANDS, async () => (await accountModule.load()).accountCommands(deps));
}
