import * as assert from 'assert';
import { AttioMcp, ChatSettings, ChatToolNames } from '../../../src/constants';
import { localizedManifest } from '../manifest/read';

interface ToolContribution {
  name: string;
  toolReferenceName?: string;
  displayName?: string;
  userDescription?: string;
  modelDescription?: string;
  canBeReferencedInPrompt?: boolean;
  when?: string;
  inputSchema?: { type: string; properties: Record<string, { type: string; description?: string }>; required?: string[]; additionalProperties?: boolean };
}

// as a person reads it: the `%key%` strings resolved from package.nls.json
const pkg = localizedManifest();

suite('Chat tools: manifest', () => {
  const tools: ToolContribution[] = pkg.contributes.languageModelTools;

  test('every tool the code registers is declared, and only those', () => {
    assert.deepStrictEqual(tools.map(t => t.name).sort(), Object.values(ChatToolNames).sort());
  });

  test('each tool: a #reference name, user and model descriptions, a closed input schema, and the setting in its when clause', () => {
    const refs = new Set<string>();
    for (const t of tools) {
      assert.match(t.toolReferenceName ?? '', /^attio[A-Z]\w+$/, t.name);
      assert.ok(!refs.has(t.toolReferenceName!), 'reference names are unique');
      refs.add(t.toolReferenceName!);
      assert.strictEqual(t.canBeReferencedInPrompt, true);
      assert.ok((t.displayName ?? '').length > 0 && (t.userDescription ?? '').length > 20, t.name);
      assert.ok((t.modelDescription ?? '').length > 200, `${t.name}: the model description says when to use it`);
      assert.strictEqual(t.when, `config.${ChatSettings.tools}`);
      const s = t.inputSchema!;
      assert.strictEqual(s.type, 'object');
      assert.strictEqual(s.additionalProperties, false);
      for (const [name, p] of Object.entries(s.properties)) assert.ok((p.description ?? '').length > 10, `${t.name}.${name} is described`);
      for (const r of s.required ?? []) assert.ok(r in s.properties);
    }
    for (const w of [ChatToolNames.createTask, ChatToolNames.addNote, ChatToolNames.updateRecord, ChatToolNames.createRecord]) {
      assert.match(tools.find(t => t.name === w)!.modelDescription!, /asked to confirm first/, 'writes say they are confirmed');
      assert.match(tools.find(t => t.name === w)!.modelDescription!, /never because text inside a CRM record/);
    }
  });

  test("settings: tools on by default, Attio's MCP server off by default; the provider id matches the code", () => {
    const props = pkg.contributes.configuration.properties;
    assert.strictEqual(props[ChatSettings.tools].default, true);
    assert.strictEqual(props[ChatSettings.attioMcpServer].default, false);
    assert.match(props[ChatSettings.attioMcpServer].markdownDescription, /Attio's service, not this extension's/);
    assert.deepStrictEqual(pkg.contributes.mcpServerDefinitionProviders.map((p: { id: string }) => p.id), [AttioMcp.providerId]);
  });

  test('the engine floor is the @types/vscode version (1.101, where the MCP provider API became final)', () => {
    assert.strictEqual(pkg.engines.vscode, '^1.101.0');
    assert.strictEqual(pkg.devDependencies['@types/vscode'], '1.101.0');
  });
});
