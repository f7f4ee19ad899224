/**
 * Registers the Attio language-model tools with VS Code. Thin: what happens around a call (gates, validation, the
 * write guard, explained failures, redaction) is the runner's and the tools' (./tools, loaded on the first call, so
 * activation stays cheap). Writes carry VS Code's confirmation (title and Markdown of exactly what is written).
 */
import * as vscode from 'vscode';
import type { Configuration } from '../common/config';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/log';
import { markOnce } from '../common/walkthrough';
import { ChatToolNames, ContextKeys } from '../constants';
import { lazy } from '../platform';
import type { RunnerDeps, ToolRunner } from './tools';
import type * as Tools from './toolRunner';

/** The tool implementations (./toolRunner, lazy part `chat`), loaded on the first tool invocation rather than at activation. */
const chatTools = lazy<typeof Tools>(() => require('./toolRunner'));

export interface ChatToolDeps {
  data: RunnerDeps['data'];
  describeError: RunnerDeps['describeError'];
  redact: (text: string) => string;
  config: Configuration;
  log: Logger;
}

export class ChatTools extends Disposable {
  private loaded: ToolRunner | undefined;
  /** The walkthrough's chat step completes on the first call of any Attio tool. */
  private readonly markUsed = markOnce(ContextKeys.usedChatTool);

  constructor(private readonly deps: ChatToolDeps) {
    super();
    for (const name of Object.values(ChatToolNames)) this._register(vscode.lm.registerTool(name, this.tool(name)));
  }

  private async runner(): Promise<ToolRunner> {
    const { data, describeError, redact, config, log } = this.deps;
    const enabled = (): boolean => config.current.chat.tools;
    const allowOutsideChat = (): boolean => config.current.chat.allowToolsOutsideChat;
    const tools = await chatTools.load();
    return (this.loaded ??= new tools.ToolRunner({ data, describeError, redact, enabled, allowOutsideChat, log: m => log.info(m) }));
  }

  /** The tool VS Code calls for `name` (what it registered; the integration tests call it as chat would). */
  tool(name: string): vscode.LanguageModelTool<unknown> {
    return {
      prepareInvocation: async options => {
        const p = await (await this.runner()).prepare(name, options.input);
        const c = p.confirmation;
        // CRM text in the message is escaped or fenced; the Markdown is untrusted (no command links, no HTML)
        return { invocationMessage: p.invocationMessage, ...(c ? { confirmationMessages: { title: c.title, message: new vscode.MarkdownString(c.message) } } : {}) };
      },
      invoke: async (options, token) => {
        this.markUsed();
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          const text = await (await this.runner()).invoke(name, options.input, options.toolInvocationToken !== undefined, abort.signal);
          return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
        } catch (e) {
          if (chatTools.ready && e instanceof chatTools().CancelledByPerson) throw new vscode.CancellationError();
          throw e;
        } finally {
          sub.dispose();
        }
      },
    };
  }
}
