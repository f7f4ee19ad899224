import * as assert from 'assert';
import { ACCOUNT_COMMANDS } from '../../../src/account';
import { accountCommands, type AccountCommandDeps } from '../../../src/account/accountCommands';

suite('Account surface: commands registered at activation', () => {
  test('the ids registered at activation are exactly the commands the handlers (loaded on first use) serve', () => {
    const table = accountCommands({} as AccountCommandDeps);
    assert.deepStrictEqual([...ACCOUNT_COMMANDS].sort(), Object.keys(table).sort());
  });
});
