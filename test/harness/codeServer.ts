/**
 * Starts code-server (the real VS Code workbench + a Node extension host) on 127.0.0.1 with a throw-away profile.
 * Stop it with stop(): that kills its whole process group (extension hosts, file watchers, pty hosts included).
 */
import { ChildProcess, execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createLogger, expectedNoise } from './log';
import { freePort, waitForHttp } from './net';
import { assertToolsInstalled, codeServerBin, makeTempDir, node24BinDir, removeDir } from './paths';

const log = createLogger('code-server');

export interface CodeServerOptions {
  /** Port to try first (the OS picks a free one if it is taken or absent). */
  preferredPort?: number;
  /** `--vscode-option enable-smoke-test-driver`: needed for payload-driven extension tests (codeAutomationLog/Exit). */
  smokeTestDriver?: boolean;
  /**
   * Workspace trust on (default off, for every suite but Restricted Mode's): the flag `--disable-workspace-trust` is
   * left out and `security.workspace.trust.enabled` is true, with no startup prompt, so a folder opened for the first
   * time opens in Restricted Mode (VS Code's default for a folder nobody trusted yet).
   */
  workspaceTrust?: boolean;
  /**
   * Workspace trust decided by the user setting alone (no `--disable-workspace-trust` flag; the setting starts off):
   * one code-server can then serve ordinary windows and, after `updateSettings(workspaceTrustSettings)`, a window
   * that opens a folder in Restricted Mode.
   */
  workspaceTrustBySetting?: boolean;
  /** Extra user settings, merged over the harness defaults. */
  settings?: Record<string, unknown>;
  /** .vsix files installed into the fresh extensions dir before the server starts. */
  installExtensions?: string[];
  /** Extra environment for code-server (and so for its extension hosts). */
  env?: NodeJS.ProcessEnv;
  /** Display language (`--locale`, e.g. `de`). The workbench switches only when a language pack for it is installed. */
  locale?: string;
  /** Print code-server's stdout (stderr is always printed). */
  verbose?: boolean;
  readyTimeoutMs?: number;
}

export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `127.0.0.1:PORT`, the authority of `vscode-remote://` URIs. */
  readonly authority: string;
  /** Temp profile root; holds data/ (user data dir), ext/ (extensions dir) and xdg/. Removed by stop(). */
  readonly profileDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly pid: number;
  /** Workbench URL opening `folder`, optionally with a smoke-test `payload` (list of [key, value] pairs). */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** `vscode-remote://127.0.0.1:PORT<absPath>` */
  remoteUri(absPath: string): string;
  /** Resolves when the process exits (code or signal). */
  readonly exited: Promise<void>;
  /** Merges `patch` into the user settings (a value of `undefined` removes the key); open windows pick it up. */
  updateSettings(patch: Record<string, unknown>): void;
  /** Sets the display language code-server serves the next time a window loads (`argv.json`'s `locale`). */
  setLocale(locale: string): void;
  stop(): Promise<void>;
}

export const defaultSettings: Record<string, unknown> = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'github.gitAuthentication': false,
};

/** User settings of a window with workspace trust on: untrusted folders open in Restricted Mode without asking. */
export const workspaceTrustSettings: Record<string, unknown> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** Groups still alive; killed synchronously if the harness process exits without stopping them. */
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function profileEnv(profileDir: string, extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const xdg = path.join(profileDir, 'xdg');
  return {
    ...process.env,
    ...extra,
    PATH: `${node24BinDir}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
  };
}

function commonArgs(userDataDir: string, extensionsDir: string): string[] {
  return ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

function installExtension(vsix: string, userDataDir: string, extensionsDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      codeServerBin,
      [...commonArgs(userDataDir, extensionsDir), '--install-extension', vsix],
      { env, timeout: 120_000, maxBuffer: 4 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`--install-extension ${vsix} failed: ${err.message}\n${stdout}\n${stderr}`));
        else {
          log.debug(stdout.trim());
          resolve();
        }
      },
    );
  });
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  assertToolsInstalled();
  const profileDir = makeTempDir('cs-profile');
  const userDataDir = path.join(profileDir, 'data');
  const extensionsDir = path.join(profileDir, 'ext');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ ...defaultSettings, ...(options.workspaceTrust ? workspaceTrustSettings : {}), ...options.settings }, null, 2));
  const env = profileEnv(profileDir, options.env);

  try {
    for (const vsix of options.installExtensions ?? []) {
      const t = Date.now();
      await installExtension(vsix, userDataDir, extensionsDir, env);
      log.info(`installed ${path.basename(vsix)} in ${Date.now() - t} ms`);
    }
  } catch (e) {
    removeDir(profileDir);
    throw e;
  }

  const port = await freePort(options.preferredPort);
  const authority = `127.0.0.1:${port}`;
  const args = [
    '--bind-addr', authority,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust || options.workspaceTrustBySetting ? [] : ['--disable-workspace-trust']),
    ...commonArgs(userDataDir, extensionsDir),
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.locale ? ['--locale', options.locale] : []),
  ];
  log.debug(`spawn ${codeServerBin} ${args.join(' ')}`);
  const child: ChildProcess = spawn(codeServerBin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pid = child.pid;
  if (pid === undefined) {
    removeDir(profileDir);
    throw new Error('code-server did not start');
  }
  liveGroups.add(pid);

  let stderrTail = '';
  child.stdout?.on('data', (d: Buffer) => {
    if (options.verbose) process.stdout.write(prefixLines('[cs] ', d.toString()));
  });
  child.stderr?.on('data', (d: Buffer) => {
    const s = d.toString();
    stderrTail = (stderrTail + s).slice(-4000);
    const shown = options.verbose ? s : s.split('\n').filter(l => !expectedNoise.test(l)).join('\n');
    if (shown.trim()) process.stderr.write(prefixLines('[cs] ', shown));
  });
  let exitInfo: string | undefined;
  const exited = new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', (code, signal) => {
      exitInfo = `code ${code ?? signal}`;
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      killGroup(pid, 'SIGTERM');
      const timer = new Promise<void>(r => setTimeout(r, 5000).unref());
      await Promise.race([exited, timer]);
      // anything in the group that ignored SIGTERM (or outlived the parent)
      await new Promise(r => setTimeout(r, 300));
      killGroup(pid, 'SIGKILL');
      liveGroups.delete(pid);
      removeDir(profileDir);
    })();
    return stopping;
  };

  const url = `http://${authority}`;
  try {
    await waitForHttp(`${url}/healthz`, options.readyTimeoutMs ?? 60_000, () =>
      exitInfo ? new Error(`code-server exited (${exitInfo}) before it was ready:\n${stderrTail}`) : undefined,
    );
  } catch (e) {
    await stop();
    throw e;
  }

  const remoteUri = (absPath: string) => `vscode-remote://${authority}${absPath}`;
  return {
    port,
    url,
    authority,
    profileDir,
    userDataDir,
    extensionsDir,
    pid,
    exited,
    remoteUri,
    updateSettings(patch) {
      const current = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete current[key];
        else current[key] = value;
      }
      fs.writeFileSync(settingsFile, JSON.stringify(current, null, 2));
    },
    setLocale(locale) {
      const argv = path.join(userDataDir, 'User', 'argv.json');
      // this profile's argv.json holds nothing but the locale (VS Code writes it as JSON with comments)
      fs.writeFileSync(argv, JSON.stringify({ locale }, null, 2));
    },
    workbenchUrl(folder, payload) {
      let u = `${url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
      if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    stop,
  };
}

function prefixLines(prefix: string, text: string): string {
  return text.replace(/^(?=.)/gm, prefix);
}
