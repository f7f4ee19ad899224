/**
 * Offers Attio's own hosted MCP server (https://mcp.attio.com/mcp) to VS Code, only while the setting
 * `attio.chat.attioMcpServer` is on (off by default). It is Attio's service, not this extension's: VS Code connects
 * to it directly and signs in with Attio through its own MCP OAuth flow; no token of this extension is given to it.
 */
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { AttioMcp, ChatSettings } from '../constants';

export class AttioMcpServer extends Disposable implements vscode.McpServerDefinitionProvider<vscode.McpHttpServerDefinition> {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeMcpServerDefinitions = this.changed.event;

  constructor() {
    super();
    this._register(vscode.lm.registerMcpServerDefinitionProvider(AttioMcp.providerId, this));
    this._register(vscode.workspace.onDidChangeConfiguration(e => e.affectsConfiguration(ChatSettings.attioMcpServer) && this.changed.fire()));
  }

  provideMcpServerDefinitions(): vscode.McpHttpServerDefinition[] {
    if (vscode.workspace.getConfiguration().get<boolean>(ChatSettings.attioMcpServer) !== true) return [];
    return [new vscode.McpHttpServerDefinition(AttioMcp.label, vscode.Uri.parse(AttioMcp.url))];
  }
}
