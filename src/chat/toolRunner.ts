/**
 * The chat tools' implementation, loaded on the first tool invocation (lazy part `chat`, see esbuild.js).
 * It shares no state with the main bundle: the data layer and the rest come in as arguments.
 */
import { ToolRunner as PureToolRunner, type RunnerDeps } from './tools';
import { toolWording } from './wording';

export * from './tools';
export { toolWording } from './wording';

/** The runner with the words people read (progress, confirmations) in their language; ./tools stays vscode-free. */
export class ToolRunner extends PureToolRunner {
  constructor(deps: Omit<RunnerDeps, 'wording'> & Partial<Pick<RunnerDeps, 'wording'>>) {
    super({ wording: toolWording, ...deps });
  }
}
