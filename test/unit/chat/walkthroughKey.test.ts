/**
 * The walkthrough's chat step completes on `onContext:attio:usedChatTool`: the first call of any Attio tool sets that
 * context key (once), a tool only prepared (never run) does not.
 */
import * as assert from 'assert';
import { ChatTools, type ChatToolDeps } from '../../../src/chat/chatTools';
import { markOnce } from '../../../src/common/walkthrough';
import { ChatToolNames, ContextKeys } from '../../../src/constants';

// the unit-test stand-in for `vscode` (test/unit/stubs/vscode.ts) takes parts a test provides for its duration
const vscode = require('vscode') as Record<string, unknown>;

interface FakeTool {
  prepareInvocation(o: { input: unknown }): Promise<unknown>;
  invoke(o: { input: unknown; toolInvocationToken?: unknown }, token: unknown): Promise<unknown>;
}

suite('Walkthrough: the chat step\'s context key', () => {
  let setContext: unknown[][];
  let tools: Map<string, FakeTool>;

  setup(() => {
    setContext = [];
    tools = new Map();
    vscode.commands = { executeCommand: (id: string, ...args: unknown[]) => (id === 'setContext' ? setContext.push(args) : undefined, Promise.resolve()) };
    vscode.lm = { registerTool: (name: string, tool: FakeTool) => (tools.set(name, tool), { dispose: () => tools.delete(name) }) };
    vscode.LanguageModelToolResult = class { constructor(readonly content: unknown[]) {} };
    vscode.LanguageModelTextPart = class { constructor(readonly value: string) {} };
  });
  teardown(() => {
    for (const k of ['commands', 'lm', 'LanguageModelToolResult', 'LanguageModelTextPart']) delete vscode[k];
  });

  test('markOnce sets the key to true the first time only', () => {
    const mark = markOnce('attio:example');
    mark();
    mark();
    assert.deepStrictEqual(setContext, [['attio:example', true]]);
  });

  test('the first tool call sets attio:usedChatTool, later calls and preparing a call do not set it again', async () => {
    const chat = new ChatTools({} as ChatToolDeps);
    // the runner is loaded on the first call (lazy part `chat`); here a stand-in answers
    (chat as unknown as { loaded: unknown }).loaded = {
      prepare: async () => ({ invocationMessage: 'Searching' }),
      invoke: async () => 'answer',
    };
    assert.deepStrictEqual([...tools.keys()].sort(), Object.values(ChatToolNames).sort());
    const token = { onCancellationRequested: () => ({ dispose() {} }) };
    await tools.get(ChatToolNames.searchRecords)!.prepareInvocation({ input: { query: 'Acme' } });
    assert.deepStrictEqual(setContext, [], 'preparing is not using');
    await tools.get(ChatToolNames.searchRecords)!.invoke({ input: { query: 'Acme' } }, token);
    await tools.get(ChatToolNames.listTasks)!.invoke({ input: {} }, token);
    assert.deepStrictEqual(setContext, [[ContextKeys.usedChatTool, true]]);
    chat.dispose();
  });
});
