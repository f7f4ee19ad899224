/**
 * The platform seam: what differs between the Node build (dist/extension.js) and the web build
 * (dist/web/extension.js): loading a lazy module, the host's environment variables, the host kind. Everything else
 * uses web APIs both hosts have (fetch, crypto.getRandomValues, TextEncoder, btoa). Code imports this folder; the web
 * build (esbuild.js) replaces ./node with ./web. Imports nothing of ours and no vscode (src/attio uses it).
 */
export * from './node';
export type { HostKind, LazyModule, ReadExtensionFile } from './types';
