/** The account commands' handlers, loaded on the first account command (dist/account.lazy.js). */
export { accountCommands } from './accountCommands';
