/**
 * The chat tools' implementation, loaded on the first tool invocation (esbuild bundles it as dist/chatTools.lazy.js).
 * It shares no state with the main bundle: the data layer and the rest come in as arguments.
 */
export * from './tools';
