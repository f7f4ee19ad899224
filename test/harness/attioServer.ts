/**
 * The local Attio-compatible server (test/server) as the harness uses it: started, turned into the user settings
 * that point the extension at it, and closed without hanging.
 */
import type { AttioTestServer } from '../server';

export { startAttioServer } from '../server';
export type AttioServer = AttioTestServer;

/** User settings that make the installed extension talk to `server`. */
export function extensionSettings(server: AttioServer): Record<string, unknown> {
  return {
    'attio.apiBaseUrl': server.url,
    'attio.oauth.authorizeUrl': server.oauth.authorizeUrl,
    'attio.oauth.tokenUrl': server.oauth.tokenUrl,
    'attio.oauth.clientId': server.oauth.clientId,
    // a web window (code-server) cannot receive vscode:// callbacks: it goes through the server's registered relay,
    // which forwards to the callback carried in `state`
    'attio.oauth.redirectUri': server.oauth.relayUrl,
  };
}

/** Closes the server, bounded so a stuck socket cannot hang the harness. */
export async function closeAttioServer(server: AttioServer | undefined): Promise<void> {
  if (!server) return;
  await Promise.race([Promise.resolve(server.close()), new Promise<void>(r => setTimeout(r, 5000).unref())]);
}
