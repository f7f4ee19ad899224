/**
 * The platform seam on Node (the desktop, remote and code-server extension hosts). ./index.ts picks it when the bundle
 * loads in Node (./web.ts otherwise); both export the same names.
 */
import type { HostKind, LazyModule, ProcessResult, ReadExtensionFile, RunProcess } from './types';

export const HOST_KIND: HostKind = 'node';

/** The extension host's environment variables (ATTIO_API_KEY). */
export function hostEnvironment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

/** Node's `require` finds the lazy bundles next to dist/extension.js by itself: nothing to set up. */
export function setExtensionFiles(_read: ReadExtensionFile): void {}

/**
 * A module loaded on first use: `nodeRequire` is `() => require('./x')` written next to the caller, `./x` a file of a
 * lazy part (esbuild.js `LAZY_PARTS` keeps it a run-time require of dist/<part>.js); on Node that require is all it takes.
 */
export function lazy<T>(nodeRequire: () => unknown): LazyModule<T> {
  let loaded: T | undefined;
  const get = (): T => (loaded ??= nodeRequire() as T);
  return Object.assign(get, { ready: true, load: async () => get() });
}

/**
 * Runs a program on the Node host (`git check-ignore`). Node's `child_process` is reached through
 * `process.getBuiltinModule` (Node 20.16+), so the one build for both hosts (platform `browser`) names no Node module.
 */
export const runProcess: RunProcess = (command, args, { cwd, input, timeoutMs = 10_000 }) => {
  const cp = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('node:child_process') as typeof import('child_process') | undefined;
  if (!cp) return Promise.resolve(undefined);
  return new Promise<ProcessResult | undefined>((resolve, reject) => {
    const child = cp.spawn(command, [...args], { cwd, shell: false, windowsHide: true, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Uint8Array[] = [];
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${command} did not answer in ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (c: Uint8Array) => chunks.push(c));
    child.on('error', () => {
      clearTimeout(timer);
      resolve(undefined); // not installed, or not runnable here
    });
    child.on('close', code => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: new TextDecoder().decode(concat(chunks)) });
    });
    child.stdin.on('error', () => undefined); // a program that exits before reading its input
    child.stdin.end(input ?? '');
  });
};

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
