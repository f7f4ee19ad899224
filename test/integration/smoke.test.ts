import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'attio-explorer.attio-explorer';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
  };
}

suite('Smoke: extension in a real extension host', () => {
  let extension: vscode.Extension<unknown>;

  suiteSetup(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is installed`);
    extension = found;
    await extension.activate();
  });

  test('activates', () => {
    assert.strictEqual(extension.isActive, true);
  });

  test('the extension host gets the environment the runner passes', () => {
    assert.strictEqual(process.env.ATTIO_TEST_MODE, 'integration');
  });

  test('registers every command the manifest contributes', async () => {
    const required = ['attio.signIn', 'attio.signOut', 'attio.verifyConnection', 'attio.showScopeErrors', 'attio.refresh'];
    const contributed = (extension.packageJSON as Manifest).contributes.commands.map(c => c.command);
    const notContributed = required.filter(c => !contributed.includes(c));
    assert.deepStrictEqual(notContributed, [], `manifest lacks: ${notContributed.join(', ')}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter(c => !registered.has(c));
    assert.deepStrictEqual(missing, [], `commands contributed but not registered: ${missing.join(', ')}`);
  });

  test('contributes the Attio container with the Objects, Lists and Tasks views', () => {
    const { viewsContainers, views } = (extension.packageJSON as Manifest).contributes;
    assert.ok(viewsContainers.activitybar.some(c => c.id === 'attio'), 'activity bar container "attio"');
    assert.deepStrictEqual(
      (views.attio ?? []).map(v => v.id),
      ['attio.objects', 'attio.lists', 'attio.tasks'],
    );
  });
});
