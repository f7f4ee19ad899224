/** Failures as a person reads them: the wording (errorText.lazy.ts) is required on the first failure shown. */
import type * as ErrorText from './errorText.lazy';

/** What a caller should show for an error. */
export type ErrorView =
  | { kind: 'cancelled' }
  | { kind: 'scope'; message: string; missing: string[] }
  | { kind: 'signedOut'; message: string }
  | { kind: 'other'; message: string };

let loaded: typeof ErrorText | undefined;

export function errorTextModule(): typeof ErrorText {
  return (loaded ??= require('./errorText.lazy') as typeof ErrorText);
}
