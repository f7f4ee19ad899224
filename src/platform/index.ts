/**
 * The platform seam: what differs between VS Code's Node extension host (desktop, remote, code-server's server) and a
 * browser's web-worker extension host (vscode.dev, github.dev): loading a lazy module, the host's environment
 * variables, the host kind. One build serves both (package.json `main` and `browser` name the same dist/extension.js,
 * so the package ships each bundle once); which half runs is decided when the bundle loads: Node's module wrapper
 * gives every CommonJS module a `__dirname`, the worker host's wrapper (`new Function('module', 'exports',
 * 'require', …)`) does not. Everything else uses web APIs both hosts have (fetch, crypto.getRandomValues,
 * TextEncoder, btoa). Imports nothing of ours and no vscode (src/attio uses it).
 */
import * as node from './node';
import type { HostKind, LazyModule, ReadExtensionFile, RunProcess } from './types';
import * as web from './web';

const host: typeof node = typeof __dirname === 'string' ? node : web;

export const HOST_KIND: HostKind = host.HOST_KIND;
export const hostEnvironment: () => Readonly<Record<string, string | undefined>> = host.hostEnvironment;
export const setExtensionFiles: (read: ReadExtensionFile) => void = host.setExtensionFiles;
export const lazy: <T>(nodeRequire: () => unknown) => LazyModule<T> = host.lazy;
export const runProcess: RunProcess = host.runProcess;
export type { HostKind, LazyModule, ProcessResult, ReadExtensionFile, RunProcess } from './types';
