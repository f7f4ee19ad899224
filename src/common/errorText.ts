/** Failures as a person reads them: the wording (errorWording.ts, lazy part `common`) is loaded on the first failure shown. */
import type * as ErrorText from './errorWording';
import { errorMessage, isCancellation } from '../attio/errors';
import { lazy } from '../platform';

export type { ErrorView } from './errorWording';

/** The wording. Callers that can wait `await errorWording.load()`; on the web the extension reads it right after activation. */
export const errorWording = lazy<typeof ErrorText>(() => require('./errorWording'));

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
