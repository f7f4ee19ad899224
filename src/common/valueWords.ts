/** The words around values for people, built on first use: the wording is valueWording.ts (lazy part `common`). */
import type * as Words from './valueWording';
import { lazy } from '../platform';

/** The wording; the sidebar loads it with its other parts, and on the web the extension reads it after activation. */
export const valueWording = lazy<typeof Words>(() => require('./valueWording'));

let built: ReturnType<typeof Words.valueWords> | undefined;

/** The words in the display language; undefined while the web has not read the bundle yet (the data layer's English then). */
export function valueWords(): ReturnType<typeof Words.valueWords> | undefined {
  return (built ??= valueWording.ready ? valueWording().valueWords() : undefined);
}
