/** Failures as a person reads them: the wording (errorText.lazy.ts) is loaded on the first failure shown. */
import type * as ErrorText from './errorText.lazy';
import { errorMessage, isCancellation } from '../attio/errors';
import { lazyModule } from '../platform';

/** What a caller should show for an error. */
export type ErrorView =
  | { kind: 'cancelled' }
  | { kind: 'scope'; message: string; missing: string[] }
  | { kind: 'signedOut'; message: string }
  | { kind: 'other'; message: string };

/** The wording bundle. Callers that can wait `await errorWording.load()`; on the web the extension reads it right after activation. */
export const errorWording = lazyModule<typeof ErrorText>('errorText.lazy', () => require('./errorText.lazy'));

type Wording = Pick<typeof ErrorText, 'errorText' | 'personErrorView' | 'modelErrorView'>;

/** Until the web has read the wording (a few milliseconds after activation), an error reads as its English log line. */
const unread: Wording = {
  errorText: errorMessage,
  personErrorView: (e, _feature, _workspace, redact) => (isCancellation(e) ? { kind: 'cancelled' } : { kind: 'other', message: redact(errorMessage(e)) }),
  modelErrorView: (e, _feature, _workspace, redact) => (isCancellation(e) ? { kind: 'cancelled' } : { kind: 'other', message: redact(errorMessage(e)) }),
};

/** The wording for a synchronous caller (an error reporter inside a catch). */
export function errorTextModule(): Wording {
  return errorWording.ready ? errorWording() : unread;
}
