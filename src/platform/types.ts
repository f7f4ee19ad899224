/** What both builds of the platform seam provide (./node.ts and ./web.ts; test/unit/platform.test.ts checks both). */

/**
 * A module of a lazy part (esbuild.js `LAZY_PARTS`: a bundle of its own) loaded on first use. Call it for the
 * module where the caller cannot wait (a tree item's label, a tooltip): on Node that requires the bundle on the first
 * call; on the web it works once `load()` has resolved, so such a caller is reached only through a path that loaded it
 * (the sidebar loads its modules before it builds a level). Callers that can wait `await load()`.
 */
export interface LazyModule<T> {
  (): T;
  /** True when calling it cannot fail for want of loading: always on Node, after `load()` on the web. */
  readonly ready: boolean;
  /** The module, loading its bundle on the first call (Node: require; web: read and evaluate dist/<name>.js). */
  load(): Promise<T>;
}

/** Reads a file of the installed extension (a path relative to its root, such as `dist/detail.js`). */
export type ReadExtensionFile = (path: string) => PromiseLike<Uint8Array>;

/** Which extension host runs this build: `node` (desktop, remote, code-server's server) or `web` (a browser's worker). */
export type HostKind = 'node' | 'web';

/** What a program run to its end answered: its exit code and what it wrote to standard output. */
export interface ProcessResult {
  code: number;
  stdout: string;
}

/**
 * Runs a program (no shell) in `cwd` with `input` on its standard input; undefined where programs cannot be run (the
 * web worker) or it could not start (not installed). Rejects on `timeoutMs`.
 */
export type RunProcess = (command: string, args: readonly string[], opts: { cwd: string; input?: string; timeoutMs?: number }) => Promise<ProcessResult | undefined>;
