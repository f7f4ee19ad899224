/**
 * Which files git ignores, asked of git itself (never guessed from `.gitignore`): through the built-in git extension's
 * API when it has the file's repository open, else `git check-ignore` run in the folder on the Node host. Where
 * neither can answer (the web, no git, not a repository) the answer is "unknown" and nothing is reported.
 */
import * as vscode from 'vscode';
import type { RunProcess } from '../platform';

/** The part of the git extension's API (`vscode.git`, `getAPI(1)`) used here. */
interface GitApi {
  getRepository(uri: vscode.Uri): { checkIgnore(paths: string[]): Promise<Set<string>> } | null;
}

export interface IgnoreChecker {
  /** The files of `files` git ignores (by `fsPath`); undefined when git cannot be asked about them. */
  ignored(folder: vscode.Uri, files: readonly vscode.Uri[]): Promise<Set<string> | undefined>;
}

const norm = (p: string): string => vscode.Uri.file(p).fsPath;

export class GitIgnoreChecker implements IgnoreChecker {
  constructor(private readonly run: RunProcess) {}

  async ignored(folder: vscode.Uri, files: readonly vscode.Uri[]): Promise<Set<string> | undefined> {
    if (files.length === 0) return new Set();
    if (folder.scheme !== 'file' || files.some(f => f.scheme !== 'file')) return undefined;
    const repo = (await gitApi())?.getRepository(files[0]);
    if (repo) {
      try {
        const answer = await repo.checkIgnore(files.map(f => f.fsPath));
        return new Set([...answer].map(norm));
      } catch {
        // fall through to git itself
      }
    }
    const paths = files.map(f => f.fsPath);
    const result = await this.run('git', ['check-ignore', '-z', '--stdin'], { cwd: folder.fsPath, input: `${paths.join('\0')}\0` }).catch(() => undefined);
    // 0: some ignored (listed), 1: none ignored, anything else (128: not a repository): git cannot say
    if (!result || (result.code !== 0 && result.code !== 1)) return undefined;
    return new Set(result.stdout.split('\0').filter(Boolean).map(norm));
  }
}

async function gitApi(): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi; enabled?: boolean }>('vscode.git');
  if (!ext) return undefined;
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports?.enabled === false ? undefined : exports?.getAPI(1);
  } catch {
    return undefined;
  }
}
