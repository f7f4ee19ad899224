/** The words around values for people, built on first use: the wording is dist/valueWords.lazy.js. */
import type * as Words from './valueWords.lazy';

let loaded: ReturnType<typeof Words.valueWords> | undefined;

export function valueWords(): ReturnType<typeof Words.valueWords> {
  return (loaded ??= (require('./valueWords.lazy') as typeof Words).valueWords());
}
