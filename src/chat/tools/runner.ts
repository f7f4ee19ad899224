/**
 * What happens around every tool call, without `vscode` (so it is unit-tested and loads lazily): the gates (tools
 * turned off, signed out, a caller outside chat), input validation, the write guard (a write runs only inside a chat
 * session, after the person was asked to confirm exactly this input, in the session it was confirmed for), failures
 * explained in words, and the redactor over everything.
 */
import { isCancellation } from '../../attio';
import { Commands, ChatSettings } from '../../constants';
import type { DescribeError } from '../../session/errorReporter';
import { ToolInputError } from './common';
import type { Explain, ToolData } from './context';
import { createTools, isWriteTool } from './registry';
import type { ChatTool } from './reads';
import type { Confirmation } from './writes';
import type { ToolWording } from './wording';

export interface RunnerDeps {
  data: ToolData & { readonly signedIn: boolean };
  describeError: DescribeError;
  redact: (text: string) => string;
  enabled: () => boolean;
  /**
   * Whether reads answer a caller outside a chat session (another extension's `vscode.lm.invokeTool` without a chat
   * request's token). Off unless the person turned it on: VS Code asks before another extension may use the `attio`
   * session, and the tools must not be a way around that.
   */
  allowOutsideChat: () => boolean;
  /** What the person reads (progress, confirmation), in their language; results for the model stay English. */
  wording: ToolWording;
  log?: (message: string) => void;
  now?: () => number;
}

export interface Prepared {
  invocationMessage: string;
  confirmation?: Confirmation;
}

/** How long a prepared confirmation stays valid for the invocation that follows it. */
const CONFIRMATION_TTL_MS = 10 * 60_000;

export class CancelledByPerson extends Error {
  override name = 'Cancelled';
}

export class ToolRunner {
  readonly tools: Map<string, ChatTool<unknown>>;
  /** When the person was asked to confirm a write, and for which session, by tool name and input (as JSON). */
  private readonly prepared = new Map<string, { at: number; session: string }>();
  private readonly now: () => number;

  constructor(private readonly deps: RunnerDeps) {
    this.tools = createTools(deps.data, this.explain);
    this.now = deps.now ?? Date.now;
  }

  /** A failure as the sentence a person or model should read (names the scope or the command). */
  readonly explain: Explain = (e, feature) => {
    const view = this.deps.describeError(e, feature);
    switch (view.kind) {
      case 'cancelled':
        throw e;
      case 'scope':
        return `${view.message} Add ${view.missing.join(', ') || 'the scope'} to the token (or the OAuth app), then run "Attio: Sign In" again; "Attio: Show Scope Errors" lists what is missing.`;
      case 'signedOut':
        return `${view.message} Run the command "Attio: Sign In" (${Commands.signIn}).`;
      default:
        return `${feature} failed: ${view.message}`;
    }
  };

  /** Why no call runs now, for the model; undefined when calls run. */
  private gate(): string | undefined {
    if (!this.deps.enabled()) return `The Attio tools are turned off (setting ${ChatSettings.tools}).`;
    if (!this.deps.data.signedIn) return `Not signed in to Attio. Ask the person to run the command "Attio: Sign In" (${Commands.signIn}), then try again.`;
    return undefined;
  }

  /** The same, for the person (the progress message). */
  private personGate(): string | undefined {
    const w = this.deps.wording;
    if (!this.deps.enabled()) return w.toolsOff(ChatSettings.tools);
    return this.deps.data.signedIn ? undefined : w.signedOut();
  }

  private tool(name: string): ChatTool<unknown> {
    const t = this.tools.get(name);
    if (!t) throw new Error(`unknown tool ${name}`);
    return t;
  }

  /** The message shown while a tool runs and, for a write, the confirmation the person must accept first. */
  async prepare(name: string, raw: unknown): Promise<Prepared> {
    const blocked = this.personGate();
    if (blocked) return { invocationMessage: blocked };
    const impl = this.tool(name);
    const { wording } = this.deps;
    let input: unknown;
    try {
      input = impl.parse(raw);
    } catch (e) {
      // what to correct is the model's to read (the tool's answer); the person learns that the input was refused
      this.deps.log?.(`${name}: input refused: ${this.describe(e, impl.feature)}`);
      return { invocationMessage: wording.invalidInput() };
    }
    const invocationMessage = this.deps.redact(impl.progress(input, wording));
    if (!isWriteTool(impl)) return { invocationMessage };
    // the session the person confirms for: the one active when the confirmation is built, and still active when shown
    const session = this.deps.data.sessionKey;
    let c: Confirmation;
    try {
      c = await impl.confirm(input, wording);
      if (!session || this.deps.data.sessionKey !== session) throw new ToolInputError(SESSION_CHANGED);
    } catch (e) {
      // no confirmation, so the invocation that follows is refused
      this.deps.log?.(`${name}: not prepared: ${this.describe(e, impl.feature)}`);
      return { invocationMessage };
    }
    this.prepared.set(key(name, raw), { at: this.now(), session });
    return { invocationMessage, confirmation: { title: this.deps.redact(c.title), message: this.deps.redact(c.message) } };
  }

  /** The tool's answer as text. Throws {@link CancelledByPerson} when cancelled. */
  async invoke(name: string, raw: unknown, inChatSession: boolean, signal: AbortSignal): Promise<string> {
    return this.deps.redact(await this.answer(name, raw, inChatSession, signal));
  }

  private async answer(name: string, raw: unknown, inChatSession: boolean, signal: AbortSignal): Promise<string> {
    const gate = this.gate();
    if (gate) return gate;
    const impl = this.tool(name);
    const write = isWriteTool(impl);
    if (!inChatSession && !write && !this.deps.allowOutsideChat()) {
      return `${name} answers only in a chat session; it was invoked outside one (by another extension), so nothing was read. The person can allow that with the setting ${ChatSettings.allowToolsOutsideChat}.`;
    }
    try {
      const input = impl.parse(raw);
      let confirmedFor: string | undefined;
      if (write) {
        const prepared = this.prepared.get(key(name, raw));
        this.prepared.delete(key(name, raw));
        if (!inChatSession) return `${name} writes to Attio, so it runs only in a chat session where the person confirms it first; nothing was written.`;
        if (prepared === undefined || this.now() - prepared.at > CONFIRMATION_TTL_MS) return `${name} was not confirmed by the person; nothing was written.`;
        confirmedFor = prepared.session;
      }
      // checked now (no lookup goes to another workspace) and again immediately before the write is sent
      const beforeWrite = (): void => {
        if (!write || this.deps.data.sessionKey !== confirmedFor) throw new ToolInputError(SESSION_CHANGED);
      };
      if (write) beforeWrite();
      return await impl.run(input, signal, beforeWrite);
    } catch (e) {
      if (isCancellation(e) || signal.aborted) throw new CancelledByPerson();
      const text = this.describe(e, impl.feature);
      this.deps.log?.(`${name}: ${text}`);
      return text;
    }
  }

  private describe(e: unknown, feature: string): string {
    return e instanceof ToolInputError ? e.message : this.explain(e, feature);
  }
}

const key = (name: string, raw: unknown): string => `${name}\u0000${JSON.stringify(raw)}`;

/** Why a confirmed write was not sent: the person confirmed it for another session (workspace) than the active one. */
const SESSION_CHANGED =
  'The active Attio session changed after the person was asked to confirm (another workspace or sign-in is active now), so nothing was written. Ask again if it should go to the workspace that is active now.';
