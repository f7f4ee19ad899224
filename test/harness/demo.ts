/**
 * `npm run demo`: a hands-on demo. Starts the local Attio-compatible server (demo workspace; port 8787 when free) and
 * code-server (port 8080 when free) with the freshly packaged extension installed and its settings pointing at the
 * local server, prints what to open and paste, and runs until Ctrl-C.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AttioServer, closeAttioServer, extensionSettings, startAttioServer } from './attioServer';
import { CodeServer, startCodeServer } from './codeServer';
import { createLogger, elapsed } from './log';
import { freePort } from './net';
import { makeTempDir, removeDir } from './paths';
import { packageVsix } from './vsix';

const log = createLogger('demo');
const T0 = Date.now();

let server: AttioServer | undefined;
let codeServer: CodeServer | undefined;
let tmp: string | undefined;
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log.info('stopping…');
    await codeServer?.stop();
    await closeAttioServer(server);
    if (tmp) removeDir(tmp);
  }
  process.exit(code);
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  tmp = makeTempDir('demo');
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);

  const vsix = await packageVsix(path.join(tmp, 'attio-explorer.vsix'));
  server = await startAttioServer({ port: await freePort(8787), workspace: 'demo' });
  codeServer = await startCodeServer({
    preferredPort: 8080,
    installExtensions: [vsix],
    settings: extensionSettings(server),
  });
  // the relay forwards OAuth callbacks only to hosts it knows: this code-server is one of ours
  server.allowRelayOrigin(codeServer.url);
  const startedIn = elapsed(T0);

  const { tokens, oauth } = server;
  const lines = [
    '',
    '  Attio Explorer demo is running.',
    '',
    `  Open VS Code in your browser:  ${codeServer.workbenchUrl(workspace)}`,
    `  Local Attio server:            ${server.url}`,
    '',
    '  Access tokens (click the Attio icon, then Sign In → Paste an access token):',
    `    full       ${tokens.full}   <- paste this in "Attio: Sign In"`,
    ...Object.entries(tokens as Record<string, string>)
      .filter(([name]) => name !== 'full')
      .map(([name, value]) => `    ${name.padEnd(10)} ${value}`),
    '',
    '  OAuth app (Sign In → Sign in with OAuth):',
    `    client id      ${oauth.clientId}`,
    `    client secret  ${oauth.clientSecret}   <- paste this when asked for the client secret`,
    `    authorize URL  ${oauth.authorizeUrl}`,
    `    token URL      ${oauth.tokenUrl}`,
  ];
  lines.push('', `  Started in ${startedIn}. Press Ctrl-C to stop.`, '');
  console.log(lines.join('\n'));

  await codeServer.exited;
  if (!stopping) {
    log.error('code-server exited unexpectedly');
    await stop(1);
  }
}

main().catch(async e => {
  log.error(String(e instanceof Error ? e.stack : e));
  await stop(1);
});
