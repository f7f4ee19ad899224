/** The words around values for people, built on first use: the wording is dist/valueWords.lazy.js. */
import type * as Words from './valueWords.lazy';
import { lazyModule } from '../platform';

/** The wording bundle; the sidebar loads it with its other modules, and on the web the extension reads it after activation. */
export const valueWording = lazyModule<typeof Words>('valueWords.lazy', () => require('./valueWords.lazy'));

let built: ReturnType<typeof Words.valueWords> | undefined;

/** The words in the display language; undefined while the web has not read the bundle yet (the data layer's English then). */
export function valueWords(): ReturnType<typeof Words.valueWords> | undefined {
  return (built ??= valueWording.ready ? valueWording().valueWords() : undefined);
}
