/** Filter query building and the builder's quick picks, loaded when someone first filters (dist/filterModule.lazy.js); no state of its own. */
export * from './filterModule';
