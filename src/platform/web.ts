/**
 * The platform seam in a browser's web-worker extension host (vscode.dev, github.dev, code-server's worker host). ./index.ts
 * picks it when the bundle loads without Node's module wrapper (no `__dirname`).
 *
 * The worker host gives an extension a `require` that knows only 'vscode', so a lazy module cannot be required. Its
 * bundle (dist/<name>.js) is read through the workbench's file service (the extension's files may be on a remote
 * server or a CDN) and evaluated the way the worker host evaluates the main bundle: CommonJS wrapped in a function
 * whose `require` knows only 'vscode'. Loaded parts are kept on a global registry, the web's module cache: a lazy
 * bundle carries its own copy of this file, and every copy must see one cache.
 */
import type { HostKind, LazyModule, ReadExtensionFile, RunProcess } from './types';

export const HOST_KIND: HostKind = 'web';

interface Registry {
  read?: ReadExtensionFile;
  readonly loading: Map<string, Promise<unknown>>;
  readonly loaded: Map<string, unknown>;
}

const REGISTRY = Symbol.for('attio-explorer.webModules');
const registry: Registry = ((globalThis as { [REGISTRY]?: Registry })[REGISTRY] ??= { loading: new Map(), loaded: new Map() });

/** A worker has no environment variables (so no ATTIO_API_KEY). */
export function hostEnvironment(): Readonly<Record<string, string | undefined>> {
  return {};
}

/** How lazy bundles are read: set once at activation (extension.ts passes vscode.workspace.fs on the extension's root). */
export function setExtensionFiles(read: ReadExtensionFile): void {
  registry.read = read;
}

/** The worker host's `require` (it knows 'vscode'), handed on to the lazy bundles. */
const hostRequire = (id: string): unknown => require(id);

function evaluate(name: string, text: string): unknown {
  const module = { exports: {} as unknown };
  const body = `${text}\n//# sourceURL=attio-explorer/dist/${name}.js`;
  // as VS Code's worker host evaluates an extension's main bundle (extHostExtensionService _loadCommonJSModule)
  new Function('module', 'exports', 'require', body)(module, module.exports, hostRequire);
  return module.exports;
}

async function loadBundle(name: string): Promise<unknown> {
  if (!registry.read) throw new Error(`Cannot load ${name}: the extension's files are not set up (setExtensionFiles).`);
  const text = new TextDecoder().decode(await registry.read(`dist/${name}.js`));
  const exports = evaluate(name, text);
  registry.loaded.set(name, exports);
  return exports;
}

/**
 * The part a lazy module belongs to, read from the text of `nodeRequire`: esbuild made its `require('./x')` a
 * `require("./<part>.js")` (esbuild.js), and the web reads dist/<part>.js instead of calling it.
 */
function partOf(nodeRequire: () => unknown): string {
  const m = /\brequire\(\s*["'`]\.\/([\w.-]+)\.js["'`]\s*\)/.exec(String(nodeRequire));
  if (!m) throw new Error(`Not a lazy part: ${String(nodeRequire)}`);
  return m[1];
}

export function lazy<T>(nodeRequire: () => unknown): LazyModule<T> {
  const name = partOf(nodeRequire);
  const get = (): T => {
    if (registry.loaded.has(name)) return registry.loaded.get(name) as T;
    throw new Error(`dist/${name}.js was used before it was loaded.`);
  };
  const load = (): Promise<T> => {
    let p = registry.loading.get(name);
    if (!p) {
      p = loadBundle(name);
      registry.loading.set(name, p);
      // a failed read may succeed later (the network): the next call tries again
      p.catch(() => registry.loading.delete(name));
    }
    return p as Promise<T>;
  };
  return Object.defineProperties(get, { ready: { get: () => registry.loaded.has(name) }, load: { value: load } }) as LazyModule<T>;
}

/** A web worker runs no programs. */
export const runProcess: RunProcess = async () => undefined;
