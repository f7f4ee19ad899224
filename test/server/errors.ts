/**
 * Attio-style error bodies: {status_code, type, code, message}.
 */

export type ErrorType = 'invalid_request_error' | 'auth_error' | 'rate_limit_error' | 'internal_server_error';

export interface ErrorBody {
  status_code: number;
  type: ErrorType;
  code: string;
  message: string;
}

/** Thrown by route handlers; the server turns it into an error response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { status_code: this.status, type: this.type, code: this.code, message: this.message };
  }
}

export const notFound = (message: string) => new ApiError(404, 'invalid_request_error', 'not_found', message);
export const validation = (message: string) => new ApiError(400, 'invalid_request_error', 'validation_type', message);
export const filterError = (message: string) => new ApiError(400, 'invalid_request_error', 'filter_error', message);
export const valueNotFound = (message: string) => new ApiError(400, 'invalid_request_error', 'value_not_found', message);

export const missingAuthorization = () =>
  new ApiError(401, 'auth_error', 'unauthorized', 'The Authorization header was not provided. Please provide a valid access token.');
export const invalidToken = () =>
  new ApiError(403, 'auth_error', 'unauthorized', 'The access token provided is invalid or has been revoked.');
/** Deliberately generic: clients learn their scopes from /v2/self, never from this message. */
export const forbidden = () => new ApiError(403, 'auth_error', 'unauthorized', 'Forbidden');
export const rateLimited = () =>
  new ApiError(429, 'rate_limit_error', 'rate_limit_exceeded', 'Rate limit exceeded, please try again later');

const SERVER_ERRORS: Record<number, [string, string]> = {
  500: ['internal_error', 'An unexpected error occurred. Please try again later.'],
  502: ['bad_gateway', 'Bad gateway. Please try again later.'],
  503: ['service_unavailable', 'The service is temporarily unavailable. Please try again later.'],
};

export const serverError = (status: 500 | 502 | 503) =>
  new ApiError(status, 'internal_server_error', SERVER_ERRORS[status][0], SERVER_ERRORS[status][1]);

/** Retry-After value: the start of the next wall-clock second, as an HTTP date. */
export function nextSecondHttpDate(now = Date.now()): string {
  return new Date((Math.floor(now / 1000) + 1) * 1000).toUTCString();
}
