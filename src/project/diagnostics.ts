/**
 * The project key's diagnostics, in trusted folders only (the surface never calls this in Restricted Mode):
 * a `.env*` file with `ATTIO_API_KEY` that git does not ignore, and an Attio key written into a source file git does
 * not ignore. Open documents are scanned when opened and saved; the folder once, bounded (a few hundred files, each
 * under a megabyte). Whether git ignores a file is git's answer ({@link IgnoreChecker}); when git cannot answer,
 * nothing is reported.
 */
import * as vscode from 'vscode';
import type { Logger } from '../common/log';
import { ProjectDiagnostics } from '../constants';
import { isEnvFile, isEnvTemplate } from './dotenv';
import { baseName, envFilesOf, envKeyIn, readText, MAX_FILE_BYTES } from './folderFiles';
import type { IgnoreChecker } from './gitIgnore';
import { findKeyLiterals } from './keyLiterals';

/** Source files the folder scan reads. */
const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,rb,go,java,kt,cs,php,rs,sh,json,yaml,yml,toml,http,rest}';
const EXCLUDED = '**/{node_modules,.git,dist,out,build,.next,vendor,coverage,.venv,venv}/**';
/** At most this many files per folder scan. */
export const MAX_SCANNED_FILES = 300;

export class KeyDiagnostics {
  /** Per document, the number of its latest scan: an older scan that ends later does not overwrite it. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly ignore: IgnoreChecker,
    private readonly log: Logger,
  ) {}

  /** Scans every folder: its `.env*` files and a bounded set of its source files (open documents as they are). */
  async scanFolders(): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SOURCE_GLOB), EXCLUDED, MAX_SCANNED_FILES);
      await this.scanFiles(folder, [...(await envFilesOf(folder.uri)), ...files]);
    }
  }

  /** Scans one file (an opened or saved document, a changed `.env` or `.gitignore` names its folder's `.env` files). */
  async scanUri(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme !== 'file') return;
    await this.scanFiles(folder, [uri]);
  }

  /** After a `.gitignore` changed: every `.env*` and flagged file of the folder again. */
  async rescanFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const flagged: vscode.Uri[] = [];
    this.collection.forEach(uri => {
      if (vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString()) flagged.push(uri);
    });
    const env = await envFilesOf(folder.uri);
    await this.scanFiles(folder, [...new Map([...flagged, ...env].map(u => [u.toString(), u])).values()]);
  }

  forget(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  private async scanFiles(folder: vscode.WorkspaceFolder, uris: readonly vscode.Uri[]): Promise<void> {
    const found = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[]; generation: number }>();
    for (const uri of uris) {
      const key = uri.toString();
      const generation = (this.generation.get(key) ?? 0) + 1;
      this.generation.set(key, generation);
      const text = await readText(uri);
      const diagnostics = text === undefined || text.length > MAX_FILE_BYTES ? [] : this.findIn(uri, text);
      found.set(key, { uri, diagnostics, generation });
    }
    const candidates = [...found.values()].filter(f => f.diagnostics.length > 0).map(f => f.uri);
    let ignored: Set<string> | undefined = new Set();
    try {
      ignored = await this.ignore.ignored(folder.uri, candidates);
    } catch (e) {
      this.log.warn(`git could not say which files it ignores: ${e instanceof Error ? e.message : String(e)}`);
      ignored = undefined;
    }
    for (const [key, f] of found) {
      if (this.generation.get(key) !== f.generation) continue; // a later scan of the file answers
      // git ignores it, or cannot say: nothing reported (no guess)
      const report = f.diagnostics.length > 0 && ignored !== undefined && !ignored.has(f.uri.fsPath);
      if (report) this.collection.set(f.uri, f.diagnostics);
      else this.collection.delete(f.uri);
    }
  }

  /** The diagnostics of one file's text, before asking git. */
  private findIn(uri: vscode.Uri, text: string): vscode.Diagnostic[] {
    const name = baseName(uri);
    let lines: number[] | undefined;
    const at = (start: number, end: number): vscode.Range => {
      lines ??= lineStarts(text);
      return new vscode.Range(positionOf(lines, start), positionOf(lines, end));
    };
    if (isEnvFile(name)) {
      const entry = envKeyIn(text);
      if (!entry) return [];
      const d = new vscode.Diagnostic(
        at(entry.keyStart, entry.valueEnd),
        vscode.l10n.t({ message: '{0} holds ATTIO_API_KEY and git does not ignore it: a commit would publish the key.', args: [name], comment: ['{0} is a file name such as .env'] }),
        vscode.DiagnosticSeverity.Warning,
      );
      return [tag(d, ProjectDiagnostics.envNotIgnored)];
    }
    if (isEnvTemplate(name)) return [];
    return findKeyLiterals(text).map(l =>
      tag(
        new vscode.Diagnostic(
          at(l.valueStart, l.valueEnd),
          vscode.l10n.t('An Attio API key is written in this file, and git does not ignore it: anyone who can read the repository can use the key. Move it to .env.'),
          vscode.DiagnosticSeverity.Warning,
        ),
        ProjectDiagnostics.keyLiteral,
      ),
    );
  }
}

function tag(d: vscode.Diagnostic, code: string): vscode.Diagnostic {
  d.source = ProjectDiagnostics.source;
  d.code = code;
  return d;
}

/** The offset where each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The position of `offset`, found by binary search over the line starts. */
function positionOf(starts: readonly number[], offset: number): vscode.Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, offset - starts[lo]);
}
