/**
 * The types the editor surface takes from the session and common parts, in one place: when those parts move
 * (src/session/, src/common/), only these lines change.
 */
export type { CommandTable } from '../commands';
export type { Logger } from '../log';
export type { ErrorView } from '../workspace';
