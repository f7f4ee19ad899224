/**
 * CLI: starts the local Attio-compatible server and runs until SIGINT/SIGTERM.
 *
 *   node out/test/server/main.js [--port 8787] [--records 50000] [--latency 80] [--rps 100] [--seed N] [--cors ORIGIN|*]...
 *
 * --cors lets a browser origin call the API (repeatable; '*' for any): a web workbench running the web build.
 */
import { StartOptions, startAttioServer } from './index';
import { DEMO_TOKEN_SCOPES, DemoTokenName } from './tokens';

interface CliOptions {
  port: number;
  records?: number;
  latency?: number;
  rps?: number;
  seed?: number;
  cors?: string[] | '*';
}

const USAGE = 'usage: node out/test/server/main.js [--port 8787] [--records 50000] [--latency 80] [--rps 100] [--seed N] [--cors ORIGIN|*]...';

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 8787 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag === '--cors' && argv[i + 1]) {
      const origin = argv[++i];
      options.cors = origin === '*' || options.cors === '*' ? '*' : [...(options.cors ?? []), new URL(origin).origin];
      continue;
    }
    const value = Number(argv[i + 1]);
    if (!['--port', '--records', '--latency', '--rps', '--seed'].includes(flag) || !Number.isFinite(value) || value < 0) {
      console.error(`invalid argument: ${flag} ${argv[i + 1] ?? ''}\n${USAGE}`);
      process.exit(2);
    }
    i++;
    if (flag === '--port') options.port = value;
    if (flag === '--records') options.records = value;
    if (flag === '--latency') options.latency = value;
    if (flag === '--rps') options.rps = value;
    if (flag === '--seed') options.seed = value;
  }
  return options;
}

async function main(): Promise<void> {
  const cli = parseArgs(process.argv.slice(2));
  const options: StartOptions = {
    port: cli.port,
    workspace: cli.records ? { records: cli.records } : 'demo',
    faults: cli.latency ? { latencyMs: cli.latency } : undefined,
    rateLimit: cli.rps !== undefined ? { readsPerSecond: cli.rps, writesPerSecond: Math.max(1, Math.floor(cli.rps / 4)) } : undefined,
    seed: cli.seed,
    corsOrigins: cli.cors,
  };
  const started = Date.now();
  const server = await startAttioServer(options);
  const lines = [`Attio test server listening on ${server.url} (started in ${Date.now() - started} ms)`, '', 'Tokens (Authorization: Bearer <token>):'];
  for (const [name, value] of Object.entries(server.tokens)) {
    const note = name === 'inactive' ? ' (revoked: /v2/self answers {"active": false})' : name === 'otherWorkspace' ? ' (a second workspace, "Globex Trading")' : '';
    const scopes = DEMO_TOKEN_SCOPES[name as DemoTokenName] ?? DEMO_TOKEN_SCOPES.full;
    lines.push(`  ${name.padEnd(9)} ${value}${note}`, `            scopes: ${scopes.join(' ')}`);
  }
  lines.push(
    '',
    'OAuth:',
    `  client_id      ${server.oauth.clientId}`,
    `  client_secret  ${server.oauth.clientSecret}`,
    `  authorize URL  ${server.oauth.authorizeUrl}`,
    `  token URL      ${server.oauth.tokenUrl}`,
    `  relay URL      ${server.oauth.relayUrl}`,
    `  redirect URIs  ${server.oauth.redirectUris.join(', ')}`,
    '',
    'Press Ctrl+C to stop.',
  );
  console.log(lines.join('\n'));

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
