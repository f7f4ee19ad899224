/** Public API of the Attio client (no `vscode` import anywhere under src/attio). */
export { AttioClient } from './client';
export { backoff } from './transport';
export { REDACTED, Redactor, redact } from './redact';
export type {
  AttioClientOptions,
  CreateNoteInput,
  CallParams,
  CommentTarget,
  CreateTaskInput,
  EndpointName,
  EntryWriteValues,
  ListNotesOptions,
  ListTasksOptions,
  LogLevel,
  PageOptions,
  QueryOptions,
  SearchOptions,
  SelfInfo,
  TokenSource,
  UpdateTaskInput,
} from './client';
export {
  AttioError,
  AuthError,
  CancelledError,
  InvalidPathError,
  InvalidRequestError,
  MissingScopeError,
  NetworkError,
  NotFoundError,
  OriginMismatchError,
  RateLimitedError,
  RedirectError,
  SchemaError,
  ServerError,
  TimeoutError,
  errorMessage,
  formatPath,
  isAttioError,
  isCancellation,
  originOf,
} from './errors';
export type { AttioErrorKind, AuthErrorReason } from './errors';
export { DEFAULT_PAGE_SIZE, allItems, collectAll, pages } from './pagination';
export type { FetchPage, Page } from './pagination';
export { RateLimiter } from './rateLimiter';
export type { LimitClass, RateLimiterOptions } from './rateLimiter';
export { buildRequest, endpoints, parseRetryAfter, redirectOf, schemas } from './request';
export type { BuiltRequest, Endpoint, RequestParams } from './request';
export type {
  ActorReferenceValue,
  AttioActor,
  AttioAttribute,
  AttioCallRecording,
  AttioComment,
  AttioEntry,
  AttioList,
  AttioThread,
  AttioMeeting,
  AttioTranscriptSegment,
  AttioMember,
  AttioNote,
  AttioObject,
  AttioRecord,
  AttioRecordEntry,
  AttioSelectOption,
  AttioStatus,
  AttioTask,
  AttioWebhook,
  AttioValue,
  AttioValueType,
  AttioValues,
  CheckboxValue,
  CurrencyValue,
  DateValue,
  DomainValue,
  EmailAddressValue,
  InteractionValue,
  LocationValue,
  NumberValue,
  PersonalNameValue,
  PhoneNumberValue,
  RatingValue,
  RecordReferenceValue,
  SearchResult,
  SelectValue,
  StatusValue,
  TextValue,
  TimestampValue,
  UnknownAttioValue,
} from './schemas';
export { assessScopes, endpointScopes, featureNames, featureScopes, features, hasScope, missingScopes, parseScopes } from './scopes';
export type { EndpointKey, Feature, FeatureAssessment, FeatureInfo } from './scopes';
export { entryParentTitles, recordTitle, valueText } from './titles';
export type { RecordQuerier } from './titles';
