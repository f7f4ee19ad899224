/**
 * The developer's view, loaded on first use (lazy part `developer`, see esbuild.js): JSON documents, snippet
 * generators and their command handlers. Nothing here runs at activation.
 */
import type * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import { developerCommands, type DeveloperDeps } from './commands';
import { JsonDocuments } from './jsonDocuments';

export interface Developer {
  json: JsonDocuments;
  commands: CommandTable;
}

export function createDeveloper(deps: DeveloperDeps, changed: vscode.EventEmitter<vscode.Uri>, invalidated: Set<string>): Developer {
  const json = new JsonDocuments(deps.data, deps.describeError, deps.log, changed, invalidated);
  return { json, commands: developerCommands({ json, baseUrl: deps.baseUrl, resolve: deps.resolve }) };
}
