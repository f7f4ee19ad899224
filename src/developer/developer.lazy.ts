/** The developer view's implementation, loaded on first use (dist/developer.lazy.js): its collaborators come in as arguments. */
export * from './impl';
