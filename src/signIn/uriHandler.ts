import * as vscode from 'vscode';
import { OAUTH_CALLBACK_PATH } from '../constants';
import type { Logger } from '../common/log';

/**
 * The extension's URI handler as an event: `<scheme>://attio-explorer.attio-explorer/auth/callback?code=…&state=…`
 * reaches every waiting sign-in attempt, which keeps only the callback carrying its own `state`.
 */
export class UriEventHandler extends vscode.EventEmitter<vscode.Uri> implements vscode.UriHandler {
  constructor(private readonly log: Logger) {
    super();
  }

  handleUri(uri: vscode.Uri): void {
    this.log.debug(`URI handler called for path ${uri.path}`);
    this.fire(uri);
  }

  /** Subscribes to OAuth callbacks only (for `waitForCallback`). */
  subscribeCallbacks = (listener: (query: URLSearchParams) => void): (() => void) => {
    const sub = this.event(uri => {
      if (uri.path === OAUTH_CALLBACK_PATH) listener(new URLSearchParams(uri.query));
    });
    return () => sub.dispose();
  };
}
