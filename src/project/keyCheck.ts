/**
 * "Attio: Check This Project's Key": the `ATTIO_API_KEY` of a trusted folder's `.env*` files, verified on `/v2/self`
 * at the user's `attio.apiBaseUrl` (user settings only) and nowhere else. Its answer names the workspace, the scopes
 * and what the generated types, a typed client's reads and its writes need that the key lacks. The key is never
 * stored or logged (the client's redactor learns it), and the command's result carries no key.
 */
import * as vscode from 'vscode';
import type { AttioClient, Redactor } from '../attio';
import { errorMessage, isAttioError, isCancellation, originOf } from '../attio/errors';
import { errorWording } from '../common/errorText';
import type { Logger } from '../common/log';
import { envKeysOf, type EnvKey } from './folderFiles';
import { missingForUses, type ProjectUse } from './needs';

/** At most this many different keys of one folder are checked. */
const MAX_KEYS = 5;

export interface KeyCheckDeps {
  /** A client sending `token` to `baseUrl` only (the shared rate limiter; the redactor learns the token). */
  clientFor: (token: string, baseUrl: string) => Pick<AttioClient, 'self'>;
  /** `attio.apiBaseUrl` from the user's settings. */
  apiBaseUrl: () => string;
  redactor: Pick<Redactor, 'redact'>;
  log: Logger;
}

/** One key's answer (no key in it): what the command shows, and returns to the tests. */
export type KeyVerdict =
  | { files: string[]; status: 'active'; workspaceName: string; workspaceSlug: string; scopes: string[]; missing: Record<ProjectUse, string[]> }
  | { files: string[]; status: 'inactive' | 'refused' }
  | { files: string[]; status: 'failed'; message: string };

export type KeyCheckResult = { status: 'no-folder' } | { status: 'no-key'; folder: string } | { status: 'checked'; folder: string; keys: KeyVerdict[] };

/** Which folder: the one there is, or the one the person picks. */
async function pickFolder(given: vscode.Uri | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  if (given) return vscode.workspace.getWorkspaceFolder(given);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t("Which folder's ATTIO_API_KEY should Attio check?") });
}

export async function checkProjectKey(d: KeyCheckDeps, folderArg: vscode.Uri | undefined): Promise<KeyCheckResult> {
  const folder = await pickFolder(folderArg);
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showInformationMessage(vscode.l10n.t('Attio: open a folder to check its ATTIO_API_KEY.'));
    return { status: 'no-folder' };
  }
  const found = await envKeysOf(folder.uri);
  if (found.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t({ message: 'Attio: no .env file of "{0}" sets ATTIO_API_KEY.', args: [folder.name], comment: ['{0} is a folder name'] }));
    return { status: 'no-key', folder: folder.name };
  }
  // the same key in several files is checked once
  const byKey = new Map<string, EnvKey[]>();
  for (const f of found) byKey.set(f.entry.value, [...(byKey.get(f.entry.value) ?? []), f]);
  const baseUrl = d.apiBaseUrl();
  const keys: KeyVerdict[] = [];
  for (const [key, files] of [...byKey].slice(0, MAX_KEYS)) {
    const verdict = await verify(d, key, baseUrl, files.map(f => f.name));
    keys.push(verdict);
    show(verdict, baseUrl);
  }
  return { status: 'checked', folder: folder.name, keys };
}

async function verify(d: KeyCheckDeps, key: string, baseUrl: string, files: string[]): Promise<KeyVerdict> {
  try {
    const self = await d.clientFor(key, baseUrl).self();
    if (!self.active) return { files, status: 'inactive' };
    return { files, status: 'active', workspaceName: self.workspaceName, workspaceSlug: self.workspaceSlug, scopes: [...self.scopes].sort(), missing: missingForUses(self.scopes) };
  } catch (e) {
    if (isCancellation(e)) throw e;
    if (isAttioError(e, 'auth')) return { files, status: 'inactive' };
    // 403 on /v2/self (which needs no scope): revoked, or a workspace that refuses it
    if (isAttioError(e, 'forbidden') || isAttioError(e, 'missing-scope')) return { files, status: 'refused' };
    d.log.warn(`checking the project's key failed: ${d.redactor.redact(errorMessage(e))}`);
    return { files, status: 'failed', message: d.redactor.redact((await errorWording.load()).errorText(e)) };
  }
}

/** What each use needs that the key lacks, as sentences. */
function lacking(missing: Record<ProjectUse, string[]>): string[] {
  const out: string[] = [];
  if (missing.types.length) out.push(vscode.l10n.t({ message: 'Generating types needs {0}.', args: [missing.types.join(', ')], comment: ['{0}: Attio scopes such as object_configuration:read'] }));
  if (missing.reads.length) out.push(vscode.l10n.t({ message: 'Reading records and list entries needs {0}.', args: [missing.reads.join(', ')], comment: ['{0}: Attio scopes'] }));
  if (missing.writes.length) out.push(vscode.l10n.t({ message: 'Writing records and list entries needs {0}.', args: [missing.writes.join(', ')], comment: ['{0}: Attio scopes'] }));
  return out;
}

/** The verdict as a notification (plain text: the workspace name is shown as written, with no link of its own). */
function show(v: KeyVerdict, baseUrl: string): void {
  const files = v.files.join(', ');
  if (v.status === 'active') {
    const name = v.workspaceName.replace(/[[\]]/g, '');
    const scopes = v.scopes.length ? v.scopes.join(', ') : vscode.l10n.t({ message: 'none', comment: ['Stands for an empty list of scopes'] });
    const head = vscode.l10n.t({ message: 'Attio: the ATTIO_API_KEY in {0} works for the workspace "{1}". Scopes: {2}.', args: [files, name, scopes], comment: ['{0}: file names such as .env; {1}: a workspace name; {2}: a list of scopes'] });
    const gaps = lacking(v.missing);
    if (gaps.length === 0) void vscode.window.showInformationMessage(`${head} ${vscode.l10n.t('It has every scope generated types, reads and writes need.')}`);
    else void vscode.window.showWarningMessage(`${head} ${gaps.join(' ')}`);
  } else if (v.status === 'inactive') {
    void vscode.window.showWarningMessage(
      vscode.l10n.t({ message: 'Attio: {1} does not know the ATTIO_API_KEY in {0}: it is mistyped, revoked, or a key of another Attio address.', args: [files, originOf(baseUrl)], comment: ['{0}: file names such as .env; {1}: the Attio API address'] }),
    );
  } else if (v.status === 'refused') {
    void vscode.window.showWarningMessage(vscode.l10n.t({ message: 'Attio refused the ATTIO_API_KEY in {0} (HTTP 403): it may be revoked or lack the scopes it needs.', args: [files], comment: ['{0}: file names such as .env'] }));
  } else if (v.status === 'failed') {
    void vscode.window.showErrorMessage(vscode.l10n.t({ message: 'Attio: could not check the ATTIO_API_KEY in {0}: {1}', args: [files, v.message], comment: ['{0}: file names such as .env; {1}: what failed'] }));
  }
}
