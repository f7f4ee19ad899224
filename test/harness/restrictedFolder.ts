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

/** The key the untrusted folder's `.env` and `src/client.ts` hold (random-looking, known to no server). */
export const RESTRICTED_FOLDER_KEY = '9b2e6f0c4a8d1e7f3b5c9a0d2e4f6a8b1c3d5e7f9a0b2c4d6e8f0a1b3c5d7e9f';

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
  // an API key in a .env git would not ignore, and one written in code: the project key's checks must read neither
  fs.writeFileSync(path.join(folder, '.env'), `ATTIO_API_KEY=${RESTRICTED_FOLDER_KEY}\n`);
  fs.mkdirSync(path.join(folder, 'src'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'src', 'client.ts'), `export const ATTIO_API_KEY = "${RESTRICTED_FOLDER_KEY}";\n`);
  return { ATTIO_FOLDER_SERVER_PORT: String(port) };
}
