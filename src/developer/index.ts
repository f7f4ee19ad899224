/**
 * What activation costs of the developer's view: the `attio-json:` provider and the command ids are registered;
 * the code behind them (./impl: JSON documents, cURL / fetch generation) loads on the first command or document.
 */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import { DevCommands, Schemes } from '../constants';
import type { DataChange } from '../data';
import type { DeveloperDeps } from './commands';
import type * as Impl from './impl';

export type { DeveloperDeps, DevTarget } from './commands';

/** Handled in the sidebar (it toggles a node), not here. */
const VIEW_OWNED: string[] = [DevCommands.showArchivedAttributes];

export class DeveloperView implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private impl?: Impl.Developer;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: DeveloperDeps) {
    const provider: vscode.TextDocumentContentProvider = {
      onDidChange: this.changed.event,
      provideTextDocumentContent: uri => this.load().json.provideTextDocumentContent(uri),
    };
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(Schemes.json, provider),
      deps.data.onDidChange((c: DataChange) => {
        // a workspace switch or sign-out: open answers are re-asked (or say why they cannot be)
        if (c.kind === 'all') for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === Schemes.json) this.changed.fire(d.uri);
      }),
    ];
  }

  /** Command id → a handler that loads the implementation when first run. */
  commands(): CommandTable {
    const ids = Object.values(DevCommands).filter(id => !VIEW_OWNED.includes(id));
    return Object.fromEntries(ids.map(id => [id, (...args: unknown[]) => this.load().commands[id](...args)]));
  }

  private load(): Impl.Developer {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (this.impl ??= (require('./impl') as typeof Impl).createDeveloper(this.deps, this.changed));
  }

  dispose(): void {
    this.impl?.json.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
