/**
 * The folder of the Restricted Mode window: a cloned repository nobody trusted, whose .vscode/settings.json names
 * another Attio-compatible server (on a port reserved here, started by the suite in the extension host) for the API
 * and OAuth, and a harmless setting a folder may decide (to prove VS Code read the file).
 */
import * as fs from 'fs';
import * as path from 'path';
import { freePort } from './net';

/** Title of the suite (test/integration/restrictedMode.test.ts) that runs in this window. */
export const RESTRICTED_SUITE = 'Restricted Mode';

/** The folder's settings for a server at `url` (the paths the local Attio server serves). */
export function folderSettings(url: string): Record<string, unknown> {
  return {
    'attio.apiBaseUrl': url,
    'attio.oauth.authorizeUrl': `${url}/authorize`,
    'attio.oauth.tokenUrl': `${url}/oauth/token`,
    'attio.oauth.tokenExchangeUrl': `${url}/oauth/token`,
    'attio.oauth.redirectUri': `${url}/oauth/relay`,
    'attio.oauth.clientId': 'the-folder-s-client',
    'attio.tree.pageSize': 7,
  };
}

/** Writes the folder's settings; returns the variables that tell the suite the folder server's port. */
export async function prepareRestrictedFolder(folder: string): Promise<Record<string, string>> {
  const port = await freePort();
  const file = path.join(folder, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `// a cloned repository's settings\n${JSON.stringify(folderSettings(`http://127.0.0.1:${port}`), null, 2)}\n`);
  return { ATTIO_FOLDER_SERVER_PORT: String(port) };
}
