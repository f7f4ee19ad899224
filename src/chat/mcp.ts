/**
 * Offers Attio's own hosted MCP server (https://mcp.attio.com/mcp) to VS Code, only while the setting
 * `attio.chat.attioMcpServer` is on (off by default). It is Attio's service, not this extension's: VS Code connects
 * to it directly and signs in with Attio through its own MCP OAuth flow; no token of this extension is given to it.
 */
import * as vscode from 'vscode';
import type { Configuration } from '../common/config';
import { Disposable } from '../common/disposable';
import { AttioMcp } from '../constants';

export class AttioMcpServer extends Disposable implements vscode.McpServerDefinitionProvider<vscode.McpHttpServerDefinition> {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeMcpServerDefinitions = this.changed.event;

  constructor(private readonly config: Configuration) {
    super();
    this._register(vscode.lm.registerMcpServerDefinitionProvider(AttioMcp.providerId, this));
    this._register(config.onDidChange(({ previous, current }) => previous.chat.attioMcpServer !== current.chat.attioMcpServer && this.changed.fire()));
  }

  provideMcpServerDefinitions(): vscode.McpHttpServerDefinition[] {
    if (!this.config.current.chat.attioMcpServer) return [];
    return [new vscode.McpHttpServerDefinition(vscode.l10n.t('Attio (hosted by Attio)'), vscode.Uri.parse(AttioMcp.url))];
  }
}
