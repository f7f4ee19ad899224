import * as vscode from 'vscode';
import { Schemes } from '../constants';
import { detailPath, parseDetailPath, type DetailTarget } from './paths';

export type { DetailTarget } from './paths';

/** `attio:/records/people/<id>.md` and friends. */
export function detailUri(t: DetailTarget): vscode.Uri {
  return vscode.Uri.from({ scheme: Schemes.detail, path: detailPath(t) });
}

export function parseDetailUri(uri: vscode.Uri): DetailTarget | undefined {
  return uri.scheme === Schemes.detail ? parseDetailPath(uri.path) : undefined;
}
