/**
 * Reading a trusted folder's files for the project key: its `.env*` files and the text of a source file (an open
 * document's, else the file's). Sizes are bounded; nothing read is kept.
 */
import * as vscode from 'vscode';
import { ENV_API_KEY } from '../constants';
import { dotenvValue, isEnvFile, parseDotenv, type DotenvEntry } from './dotenv';
import { looksLikeSecret } from './keyLiterals';

/** Files larger than this are not read (no `.env` or source file with a key is). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A `.env*` file of a folder that sets `ATTIO_API_KEY` to something that looks like a key. */
export interface EnvKey {
  uri: vscode.Uri;
  /** `.env.local` */
  name: string;
  entry: DotenvEntry;
}

/**
 * The text of `uri`: an open document's with unsaved edits, else the file's (an open document may not have caught up
 * with the disk yet, or its file may be gone); undefined when unreadable or too large.
 */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (open?.isDirty) return open.getText();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The `.env*` files at the top of `folder` (templates such as `.env.example` left out). */
export async function envFilesOf(folder: vscode.Uri): Promise<vscode.Uri[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([name, type]) => type === vscode.FileType.File && isEnvFile(name)).map(([name]) => vscode.Uri.joinPath(folder, name)).sort((a, b) => a.path.localeCompare(b.path));
  } catch {
    return [];
  }
}

/** The key `text` (of a `.env` file) sets, when it looks like one (an empty value or a placeholder is no key). */
export function envKeyIn(text: string): DotenvEntry | undefined {
  const entry = dotenvValue(parseDotenv(text), ENV_API_KEY);
  return entry && looksLikeSecret(entry.value) ? entry : undefined;
}

/** Every `.env*` file of `folder` that sets a key. */
export async function envKeysOf(folder: vscode.Uri): Promise<EnvKey[]> {
  const out: EnvKey[] = [];
  for (const uri of await envFilesOf(folder)) {
    const text = await readText(uri);
    const entry = text === undefined ? undefined : envKeyIn(text);
    if (entry) out.push({ uri, name: baseName(uri), entry });
  }
  return out;
}

export const baseName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);
