/**
 * `node dist/attio-types.js --out src/attio.gen.ts [--base-url URL] [--zod] [--check]`: the workspace's types from a
 * terminal or CI, with the same generator, client and rate limiter as the extension. The token comes from
 * `ATTIO_API_KEY` and is never printed (every line goes through the redactor). `--check` writes nothing: it exits 1
 * with a short summary of what changed when the file no longer matches the workspace.
 *
 * The one Node-only file of src/typegen: esbuild.js builds it as its own Node entry (not part of the extension).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttioClient, RateLimiter, Redactor, errorMessage } from '../attio';
import { ENV_API_KEY } from '../constants';
import { WorkspaceData } from '../data';
import { describeChange, generateModule, moduleStatus, readSchema, schemaReaderOf } from '.';

export interface CliArgs {
  out: string;
  baseUrl: string;
  zod: boolean;
  check: boolean;
}

export const USAGE = `usage: attio-types --out <file.ts> [--base-url <url>] [--zod] [--check]
  Writes the TypeScript types of the Attio workspace whose token is in ${ENV_API_KEY}.
  --base-url  Attio's API address (default https://api.attio.com)
  --zod       add zod validators (the file then imports zod)
  --check     write nothing; exit 1 with what changed when the file no longer matches the workspace`;

/** The arguments, or an error line. */
export function parseArgs(argv: string[]): CliArgs | string {
  const args: CliArgs = { out: '', baseUrl: 'https://api.attio.com', zod: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string | undefined => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    const name = a.split('=')[0];
    if (name === '--out') args.out = value() ?? '';
    else if (name === '--base-url') args.baseUrl = value() ?? '';
    else if (a === '--zod') args.zod = true;
    else if (a === '--check') args.check = true;
    else return `unknown argument ${JSON.stringify(a)}`;
  }
  if (!args.out) return '--out <file.ts> is required';
  if (!/^https?:\/\//.test(args.baseUrl)) return '--base-url must be an http(s) address';
  return args;
}

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  out: (line: string) => void;
  err: (line: string) => void;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Runs the CLI; resolves to the exit code (0 done / up to date, 1 check failed, 2 usage or request error). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const redactor = new Redactor();
  const say = (line: string): void => io.out(redactor.redact(line));
  const fail = (line: string): void => io.err(redactor.redact(line));
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    fail(`attio-types: ${args}\n${USAGE}`);
    return 2;
  }
  const token = io.env[ENV_API_KEY]?.trim();
  if (!token) {
    fail(`attio-types: set ${ENV_API_KEY} to an Attio access token (it is read from the environment only)`);
    return 2;
  }
  redactor.add(token);
  let requests = 0;
  const baseFetch = io.fetch ?? globalThis.fetch;
  const counting: typeof fetch = (input, init) => {
    requests++;
    return baseFetch(input, init);
  };
  try {
    const client = new AttioClient({ baseUrl: args.baseUrl, token: () => token, fetch: counting, limiter: new RateLimiter(), log: (level, m) => level === 'warn' && fail(m) });
    const self = await client.self();
    if (!self.active) {
      fail(`attio-types: the token in ${ENV_API_KEY} is not active (revoked or unknown)`);
      return 2;
    }
    const session = { workspaceName: self.workspaceName, workspaceSlug: self.workspaceSlug, memberId: self.authorizedByMemberId };
    const data = new WorkspaceData({ connection: () => ({ key: 'cli', session, client }), config: () => ({ cacheTtlMs: 300_000, pageSize: 50 }) });
    const started = process.cpuUsage();
    const summary = await readSchema(schemaReaderOf(data));
    const opts = { workspace: { name: self.workspaceName, slug: self.workspaceSlug }, summary, generatedAt: io.now?.() ?? new Date(), zod: args.zod };
    const file = path.resolve(args.out);
    if (args.check) return check(file, opts, say, fail);
    const text = generateModule(opts);
    const cpu = process.cpuUsage(started);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const attributes = [...summary.objects, ...summary.lists].reduce((n, t) => n + t.attributes.length, 0);
    say(`attio-types: wrote ${args.out}: ${summary.objects.length} objects, ${summary.lists.length} lists, ${attributes} attributes of "${self.workspaceName}" (${requests} requests, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU)`);
    return 0;
  } catch (e) {
    fail(`attio-types: ${errorMessage(e)}`);
    return 2;
  }
}

const MAX_LINES = 20;

function check(file: string, opts: Parameters<typeof generateModule>[0], say: (l: string) => void, fail: (l: string) => void): number {
  let existing: string;
  try {
    existing = fs.readFileSync(file, 'utf8');
  } catch {
    fail(`attio-types --check: ${file} does not exist; generate it first`);
    return 1;
  }
  // a module generated with --zod is compared with one generated with it, whether or not --check was given --zod
  const status = moduleStatus(existing, { ...opts, zod: opts.zod || /^import \{ z \} from 'zod';$/m.test(existing) });
  switch (status.kind) {
    case 'current':
      say(`attio-types --check: ${path.basename(file)} matches the workspace "${opts.workspace.name}"`);
      return 0;
    case 'notGenerated':
      fail(`attio-types --check: ${file} was not generated by attio-types (no header)`);
      return 1;
    case 'edited':
      fail(`attio-types --check: the schema is unchanged, but ${path.basename(file)} differs from what would be generated (edited by hand, or made by another version); regenerate it`);
      return 1;
    case 'stale': {
      const lines = status.changes.map(describeChange);
      fail(`attio-types --check: the workspace's schema changed since ${path.basename(file)} was generated (${lines.length || 'unknown'} change${lines.length === 1 ? '' : 's'}):`);
      for (const l of lines.slice(0, MAX_LINES)) fail(`  ${l}`);
      if (lines.length > MAX_LINES) fail(`  … and ${lines.length - MAX_LINES} more`);
      fail('Regenerate it: node dist/attio-types.js --out <file>');
      return 1;
    }
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), { env: process.env, out: l => console.log(l), err: l => console.error(l) }).then(code => {
    process.exitCode = code;
  });
}
