/**
 * Stand-in for the VS Code executable that @vscode/test-electron launches (see code-stand-in). It accepts the same
 * arguments (`--extensionDevelopmentPath=`, `--extensionTestsPath=`, a folder to open, flags it ignores), starts
 * code-server with the smoke-test driver, and opens the workbench in headless Chromium with a `payload` that makes the
 * workbench run the tests in its extension host. Test output arrives through `codeAutomationLog` and the result through
 * `codeAutomationExit`; this process exits with the tests' exit code (124 on timeout).
 *
 * Extension-host environment: test-electron passes `extensionTestsEnv` as this process's environment, so every
 * `ATTIO_*` variable, plus any variable named in ATTIO_TEST_ENV_KEYS (comma-separated), is forwarded to the extension
 * host through the payload's `extensionEnvironment`.
 *
 * Env: ATTIO_TEST_TIMEOUT_MS (default 600000), ATTIO_HARNESS_DEBUG=1 (workbench noise, opened pages, code-server stdout),
 * ATTIO_WORKSPACE_TRUST=1 (workspace trust on: the folder opens in Restricted Mode).
 */
import * as path from 'path';
import { format } from 'util';
import { Browser, launchBrowser } from './browser';
import { CodeServer, startCodeServer } from './codeServer';
import { createLogger, debugEnabled, elapsed, expectedNoise } from './log';
import { delay } from './net';
import { makeTempDir, removeDir } from './paths';

const log = createLogger('stand-in');
const T0 = Date.now();

export interface StandInArgs {
  extensionDevelopmentPaths: string[];
  extensionTestsPath?: string;
  folder?: string;
  ignored: string[];
}

/** Parses the command line test-electron builds (`--key=value` flags, then/or a folder path). */
export function parseArgs(argv: string[]): StandInArgs {
  const out: StandInArgs = { extensionDevelopmentPaths: [], ignored: [] };
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m?.[1] === 'extensionDevelopmentPath') out.extensionDevelopmentPaths.push(path.resolve(m[2]));
    else if (m?.[1] === 'extensionTestsPath') out.extensionTestsPath = path.resolve(m[2]);
    else if (a.startsWith('-')) out.ignored.push(a);
    else out.folder = path.resolve(a);
  }
  return out;
}

/** The variables forwarded to the extension host. */
export function extensionEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const extra = (env.ATTIO_TEST_ENV_KEYS ?? '').split(',').map(s => s.trim()).filter(Boolean);
  const result: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && (k.startsWith('ATTIO_') || extra.includes(k))) result[k] = v;
  }
  return result;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath || args.extensionDevelopmentPaths.length === 0) {
    log.error(`need --extensionDevelopmentPath= and --extensionTestsPath= (got: ${process.argv.slice(2).join(' ')})`);
    return 2;
  }
  log.debug(`ignoring flags: ${args.ignored.join(' ')}`);
  const timeoutMs = Number(process.env.ATTIO_TEST_TIMEOUT_MS ?? 600_000);
  const tempFolder = args.folder ? undefined : makeTempDir('workspace');
  const folder = args.folder ?? tempFolder!;

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let finishing = false;
  const cleanup = async () => {
    await browser?.close();
    await server?.stop();
    if (tempFolder) removeDir(tempFolder);
  };
  const onSignal = (sig: NodeJS.Signals) => {
    if (finishing) return;
    finishing = true;
    log.warn(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    server = await startCodeServer({ smokeTestDriver: true, verbose: debugEnabled, workspaceTrust: process.env.ATTIO_WORKSPACE_TRUST === '1' });
    log.info(`code-server ready on ${server.url} after ${elapsed(T0)}`);
    const testsPath = args.extensionTestsPath.replace(/\.js$/, '');
    const payload: [string, string][] = [
      ...args.extensionDevelopmentPaths.map(p => ['extensionDevelopmentPath', server!.remoteUri(p)] as [string, string]),
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ];
    const extEnv = extensionEnvironment(process.env);
    if (Object.keys(extEnv).length) payload.push(['extensionEnvironment', JSON.stringify(extEnv)]);
    log.debug(`extension environment keys: ${Object.keys(extEnv).join(', ') || '(none)'}`);

    browser = await launchBrowser();
    const page = browser.page;
    let resolveExit!: (code: number) => void;
    const testsExited = new Promise<number>(r => (resolveExit = r));
    let summary: RegExpExecArray | undefined;
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      const line = Array.isArray(message) ? format(...message) : String(message);
      summary = /^(\d+) passed, (\d+) failed$/m.exec(line) ?? summary;
      if (!line.trim() || (!debugEnabled && expectedNoise.test(line))) return;
      if (level === 'error' || level === 'warn') console.error(line);
      else console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      log.debug(`codeAutomationExit(${code})`);
      resolveExit(Number(code) || 0);
    });
    page.on('pageerror', e => log.debug(`page error: ${e.message}`));
    page.on('crash', () => resolveExit(3));

    const url = server.workbenchUrl(folder, payload);
    log.debug(`opening ${url}`);
    await page.goto(url, { timeout: 60_000 });
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      testsExited,
      // The server may go down together with the extension host before codeAutomationExit reaches us:
      // give the exit call a moment, then fall back to the runner's `N passed, N failed` line.
      server.exited.then(async () => {
        const late = await Promise.race([testsExited, delay(5000).then(() => undefined)]);
        if (late !== undefined) return late;
        if (summary) {
          log.debug(`code-server exited; using the summary line "${summary[0]}"`);
          return Number(summary[2]) > 0 ? 1 : 0;
        }
        log.error('code-server exited before the tests reported a result');
        return 1;
      }),
      new Promise<number>(r => {
        timer = setTimeout(() => {
          log.error(`TIMEOUT: tests did not finish within ${timeoutMs} ms`);
          r(124);
        }, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return code;
  } finally {
    if (!finishing) {
      finishing = true;
      await cleanup();
    }
  }
}

if (require.main === module) {
  main().then(
    code => {
      log.info(`tests exited with code ${code} after ${elapsed(T0)}`);
      process.exit(code);
    },
    e => {
      log.error(String(e instanceof Error ? e.stack : e));
      process.exit(1);
    },
  );
}
