/**
 * What activation costs of the developer's view: the `attio-json:` provider and the command ids are registered;
 * the code behind them (./impl: JSON documents, cURL / fetch generation) loads on the first command or document.
 */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import { DevCommands, Schemes } from '../constants';
import type { DataChange } from '../data';
import type { DeveloperDeps } from './commands';
import { lazy } from '../platform';
import type * as Impl from './impl';

const developerModule = lazy<typeof Impl>(() => require('./impl'));

export type { DeveloperDeps, DevTarget } from './commands';

/** Handled in the sidebar (it toggles a node), not here. */
const VIEW_OWNED: string[] = [DevCommands.showArchivedAttributes];

export class DeveloperView implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private impl?: Impl.Developer;
  private readonly subscriptions: vscode.Disposable[];
  /** Open documents whose answer belongs to a workspace no longer active: cleared, not re-asked, until Refresh. */
  private readonly invalidated = new Set<string>();

  constructor(private readonly deps: DeveloperDeps) {
    const provider: vscode.TextDocumentContentProvider = {
      onDidChange: this.changed.event,
      provideTextDocumentContent: uri =>
        this.invalidated.has(uri.toString()) ? `// ${vscode.l10n.t('The workspace changed or you signed out: run "Attio: Refresh JSON" to ask Attio again.')}\n` : this.use(d => d.json.provideTextDocumentContent(uri)),
    };
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(Schemes.json, provider),
      deps.data.onDidChange((c: DataChange) => {
        // a workspace switch or sign-out: open answers are cleared (they belong to the old workspace), not re-asked,
        // so a switch costs no request however many (or large) documents are open
        if (c.kind !== 'all') return;
        for (const d of vscode.workspace.textDocuments) {
          if (d.uri.scheme !== Schemes.json) continue;
          this.invalidated.add(d.uri.toString());
          this.changed.fire(d.uri);
        }
      }),
    ];
  }

  /** Command id → a handler that loads the implementation when first run. */
  commands(): CommandTable {
    const ids = Object.values(DevCommands).filter(id => !VIEW_OWNED.includes(id));
    return Object.fromEntries(ids.map(id => [id, (...args: unknown[]) => this.use(d => d.commands[id](...args))]));
  }

  /** `f` of the implementation, loaded on first use: at once on Node, once its bundle is read on the web. */
  private use<R>(f: (impl: Impl.Developer) => R): R | Promise<Awaited<R>> {
    const build = (): R => f((this.impl ??= developerModule().createDeveloper(this.deps, this.changed, this.invalidated)));
    return developerModule.ready ? build() : (developerModule.load().then(build) as Promise<Awaited<R>>);
  }

  dispose(): void {
    this.impl?.json.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
