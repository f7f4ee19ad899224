/**
 * Loads the local Attio-compatible server (test/server, compiled to out/test/server) when it is built, and turns it
 * into the user settings that point the extension at it. Loaded at run time so the harness builds without it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { outDir } from './paths';

export interface AttioServerTokens {
  full: string;
  readOnly: string;
  noTasks: string;
  noLists: string;
  inactive: string;
}

export interface AttioServerOAuth {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  relayUrl?: string;
  redirectUris?: string[];
}

export interface AttioServer {
  url: string;
  tokens: AttioServerTokens;
  oauth: AttioServerOAuth;
  close(): Promise<void> | void;
}

export interface AttioServerOptions {
  port?: number;
  host?: string;
}

type StartAttioServer = (options?: AttioServerOptions) => Promise<AttioServer>;

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
    // a web window (code-server) needs the https-style relay that forwards to the callback carried in `state`
    ...(server.oauth.relayUrl ? { 'attio.oauth.redirectUri': server.oauth.relayUrl } : {}),
  };
}

/** Closes the server, bounded so a stuck socket cannot hang the harness. */
export async function closeAttioServer(server: AttioServer | undefined): Promise<void> {
  if (!server) return;
  await Promise.race([Promise.resolve(server.close()), new Promise<void>(r => setTimeout(r, 5000).unref())]);
}
