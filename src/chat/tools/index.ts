/**
 * The chat tools, loaded on the first tool call (lazy part `chat`, see src/chat/chatTools.ts) rather than at
 * activation. Pure: no `vscode`.
 */
export { CancelledByPerson, ToolRunner, type Prepared, type RunnerDeps } from './runner';
export { MAX_RESULT_BYTES, ToolInputError } from './common';
export { createTools, isWriteTool } from './registry';
export type { ChatTool } from './reads';
export type { Confirmation, WriteTool } from './writes';
