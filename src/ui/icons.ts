import * as vscode from 'vscode';

const OBJECT_ICONS: Record<string, string> = {
  people: 'person',
  companies: 'organization',
  deals: 'briefcase',
  users: 'account',
  workspaces: 'home',
};

/** The codicon of an object's records (standard objects have their own; custom objects share one). */
export function objectIcon(slug: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(OBJECT_ICONS[slug] ?? 'symbol-class');
}
