/**
 * The platform seam on Node (the desktop, remote and code-server extension hosts). ./index.ts picks it when the bundle
 * loads in Node (./web.ts otherwise); both export the same names.
 */
import type { HostKind, LazyModule, ReadExtensionFile } from './types';

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
