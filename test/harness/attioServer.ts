/**
 * Loads the local Attio-compatible server (test/server, compiled to out/test/server) when it is built, and turns it
 * into the user settings that point the extension at it. Loaded at run time so the harness builds without it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AttioTestServer, StartOptions } from '../server';
import { outDir } from './paths';

/** The server's own types (type-only: erased at run time, so the harness still runs when the server is not built). */
export type AttioServer = AttioTestServer;
export type AttioServerOptions = StartOptions;

type StartAttioServer = (options?: AttioServerOptions) => Promise<AttioTestServer>;

export const serverModulePath = path.join(outDir, 'test', 'server', 'index.js');

/** The server's `startAttioServer`, or undefined when out/test/server/index.js is not built (yet). */
export function loadAttioServer(): StartAttioServer | undefined {
  if (!fs.existsSync(serverModulePath)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(serverModulePath) as { startAttioServer?: StartAttioServer };
  if (typeof mod.startAttioServer !== 'function') {
    throw new Error(`${serverModulePath} does not export startAttioServer`);
  }
  return mod.startAttioServer;
}

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
