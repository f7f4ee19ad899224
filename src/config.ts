import * as vscode from 'vscode';
import { Defaults, Settings } from './constants';

export interface AttioConfig {
  apiBaseUrl: string;
  oauth: {
    authorizeUrl: string;
    tokenUrl: string;
    clientId: string;
    /** Overrides the URI-handler redirect, for apps registered with an https relay. */
    redirectUri: string;
    /** When set, the authorization code is sent here instead of to the token URL (the server keeps the client secret). */
    tokenExchangeUrl: string;
  };
}

const trimSlash = (s: string): string => s.trim().replace(/\/+$/, '');

/** Typed, validated read of the `attio.*` settings. */
export function readConfig(): AttioConfig {
  const c = vscode.workspace.getConfiguration(Settings.section);
  const str = (key: string, fallback: string): string => {
    const v = c.get<string>(key);
    return typeof v === 'string' && v.trim() ? v.trim() : fallback;
  };
  return {
    apiBaseUrl: trimSlash(str(Settings.apiBaseUrl, Defaults.apiBaseUrl)),
    oauth: {
      authorizeUrl: str(Settings.oauthAuthorizeUrl, Defaults.oauthAuthorizeUrl),
      tokenUrl: str(Settings.oauthTokenUrl, Defaults.oauthTokenUrl),
      clientId: str(Settings.oauthClientId, ''),
      redirectUri: str(Settings.oauthRedirectUri, ''),
      tokenExchangeUrl: str(Settings.oauthTokenExchangeUrl, ''),
    },
  };
}

/** Fires when any `attio.*` setting changes. */
export function onDidChangeConfig(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration(e => {
    if (e.affectsConfiguration(Settings.section)) listener();
  });
}
