/**
 * What activation costs of typed code: the two command ids, a diagnostic collection and the "Regenerate" quick fix.
 * A document is recognised as generated types by its first words (no parsing, no request); only then does the
 * implementation (./impl: the generator, the schema read, the scaffold) load, to say whether the types are stale.
 *
 * Checked: generated modules open in an editor, and the file last generated (in a trusted folder only), when they
 * open or are saved, when an editor shows one, when the window regains focus (the person may have changed the
 * schema in Attio's settings), when the signed-in workspace changes and on Refresh. Each check reads the schema
 * through the data layer's cache: within its TTL it asks Attio nothing.
 */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import { StateKeys, TYPES_HEADER_MARK, TypedCodeCommands } from '../constants';
import { lazy } from '../platform';
import type { TypedCodeDeps } from './deps';
import type * as Impl from './impl';

export type { TypedCodeDeps } from './deps';

const typedCodeModule = lazy<typeof Impl>(() => require('./impl'));

/** A document of generated types: its first line says so (nothing else of it is read here). */
const isGenerated = (d: vscode.TextDocument): boolean => d.lineCount > 0 && d.lineAt(0).text.startsWith(TYPES_HEADER_MARK);

/** The diagnostic's code: the quick fix offers "Regenerate" for it. */
export const STALE_TYPES_CODE = 'attio-stale-types';

export class TypedCode implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('attio-types');
  private readonly subscriptions: vscode.Disposable[];
  private impl?: Impl.TypedCodeImpl;
  /** Per document, the check in flight (a newer one replaces the older's result). */
  private readonly checks = new Map<string, number>();

  constructor(private readonly deps: TypedCodeDeps) {
    const recheck = (): void => void this.checkAll();
    this.subscriptions = [
      this.diagnostics,
      vscode.workspace.onDidOpenTextDocument(d => void this.checkDocument(d)),
      vscode.workspace.onDidSaveTextDocument(d => void this.checkDocument(d)),
      vscode.workspace.onDidCloseTextDocument(d => {
        if (d.uri.toString() !== this.rememberedFile()?.toString()) this.diagnostics.delete(d.uri);
      }),
      vscode.window.onDidChangeActiveTextEditor(e => e && void this.checkDocument(e.document)),
      vscode.window.onDidChangeWindowState(s => s.focused && recheck()),
      vscode.workspace.onDidGrantWorkspaceTrust(recheck),
      // signed in elsewhere or out, or Refresh (the person may have changed the schema in Attio's settings)
      deps.data.onDidChange(c => (c.kind === 'all' || c.kind === 'expired') && recheck()),
      vscode.languages.registerCodeActionsProvider({ language: 'typescript' }, { provideCodeActions: (doc, _range, ctx) => this.quickFixes(doc, ctx) }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    ];
    recheck();
  }

  commands(): CommandTable {
    return {
      [TypedCodeCommands.generateTypes]: async (arg: unknown) => {
        const written = await this.use(i => i.generate(arg instanceof vscode.Uri ? arg : undefined));
        if (written) await this.check(written, new TextDecoder().decode(await vscode.workspace.fs.readFile(written)));
        return written?.toString();
      },
      [TypedCodeCommands.addTypedClient]: () => this.use(i => i.scaffold()),
    };
  }

  private rememberedFile(): vscode.Uri | undefined {
    const s = this.deps.state.get<string>(StateKeys.typesFile);
    return s && vscode.workspace.isTrusted ? vscode.Uri.parse(s) : undefined;
  }

  /** Every open generated module, and the file last generated (read only in a trusted folder). */
  private async checkAll(): Promise<void> {
    const open = vscode.workspace.textDocuments.filter(isGenerated);
    await Promise.all(open.map(d => this.check(d.uri, d.getText())));
    const file = this.rememberedFile();
    if (!file || open.some(d => d.uri.toString() === file.toString())) return;
    try {
      await this.check(file, new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    } catch {
      this.diagnostics.delete(file); // moved or deleted: nothing to say about it
    }
  }

  private checkDocument(d: vscode.TextDocument): Promise<void> {
    return isGenerated(d) ? this.check(d.uri, d.getText()) : this.check(d.uri, '');
  }

  private async check(uri: vscode.Uri, text: string): Promise<void> {
    if (!text.startsWith(TYPES_HEADER_MARK)) {
      if (this.diagnostics.has(uri)) this.diagnostics.delete(uri);
      return;
    }
    const key = uri.toString();
    const turn = (this.checks.get(key) ?? 0) + 1;
    this.checks.set(key, turn);
    try {
      const diagnostic = this.deps.data.signedIn ? await this.use(i => i.staleDiagnostic(text)) : undefined;
      if (this.checks.get(key) !== turn) return;
      this.diagnostics.set(uri, diagnostic ? [Object.assign(diagnostic, { code: STALE_TYPES_CODE })] : []);
    } catch (e) {
      const view = this.deps.describeError(e, vscode.l10n.t('Generate TypeScript Types'));
      if (view.kind !== 'cancelled') this.deps.log.debug(`stale-types check skipped: ${view.message}`);
    }
  }

  private quickFixes(doc: vscode.TextDocument, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    return ctx.diagnostics
      .filter(d => d.code === STALE_TYPES_CODE)
      .map(d => {
        const fix = new vscode.CodeAction(vscode.l10n.t('Regenerate'), vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [d];
        fix.isPreferred = true;
        fix.command = { command: TypedCodeCommands.generateTypes, title: vscode.l10n.t('Regenerate'), arguments: [doc.uri] };
        return fix;
      });
  }

  private async use<R>(f: (impl: Impl.TypedCodeImpl) => R | Promise<R>): Promise<R> {
    if (!typedCodeModule.ready) await typedCodeModule.load();
    return f((this.impl ??= typedCodeModule().createTypedCode(this.deps)));
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
