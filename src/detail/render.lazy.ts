/** The detail documents' renderer, loaded on the first document (dist/render.lazy.js): it reads the data layer passed to it. */
export * from './render';
