/**
 * "Sign in with your team's Attio app": the browser consent through the team's sign-in broker, which holds the app's
 * client secret. The broker's address is asked once and kept in the user's settings (`attio.oauth.brokerUrl`); after
 * that the way in costs a pick and the consent in the browser. The extension makes the PKCE verifier, sends only its
 * challenge, takes the callback by its nonce and exchanges the code with the verifier at the broker.
 */
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, OAUTH_CALLBACK_PATH, Settings } from '../constants';
import {
  BrokerError,
  brokerAuthorizeUrl,
  classifyRefusal,
  codeChallengeS256,
  exchangeAtBroker,
  fetchBrokerMetadata,
  newCodeVerifier,
  parseBrokerUrl,
  plainReason,
  type AuthorizeRefusal,
  type BrokerMetadata,
  type BrokerUrlProblem,
} from './broker';
import { OAuthError, newNonce, waitForCallback } from './oauth';
import { SignInError, type SignInDeps } from './signInDeps';

export interface BrokerRequest {
  /** The broker's address instead of the setting or the prompt (kept in the user's settings like a typed one). */
  brokerUrl?: string;
}

/** A refusal already shown to the person with what to do next; the caller ends the attempt quietly. */
const quietly = (): never => {
  throw new vscode.CancellationError();
};

/** Runs the broker sign-in up to the access token (the caller checks it on `/v2/self` and binds it to its origin). */
export async function brokerToken(d: SignInDeps, r: BrokerRequest, timeoutMs: number): Promise<string> {
  const stored = d.config().oauth.brokerUrl;
  const given = r.brokerUrl ?? (stored ? undefined : await askBrokerUrl());
  const parsed = parseBrokerUrl(given ?? stored);
  if ('problem' in parsed) {
    if (given !== undefined) throw new SignInError(brokerUrlProblemText(parsed.problem));
    void offerChangeAddress(brokerUrlProblemText(parsed.problem)); // the setting was edited by hand
    return quietly();
  }
  const brokerUrl = parsed.url;

  let meta: BrokerMetadata;
  try {
    meta = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Attio: reading your team\'s sign-in settings…') }, () =>
      fetchBrokerMetadata(d.fetch, brokerUrl),
    );
  } catch (e) {
    if (!(e instanceof BrokerError) || given !== undefined) throw e instanceof BrokerError ? new SignInError(brokerErrorText(e)) : e;
    // the stored address no longer leads to a broker: say so, with the way to change it
    d.log.warn(`broker: ${e.message}`);
    void offerChangeAddress(brokerErrorText(e));
    return quietly();
  }
  d.log.info(`broker: ${new URL(brokerUrl).host} serves app "${meta.name}" (client ${meta.clientId}), scopes ${meta.scopes.join(' ') || '(none listed)'}`);
  if (given !== undefined && brokerUrl !== stored) {
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.oauthBrokerUrl, brokerUrl, vscode.ConfigurationTarget.Global);
  }

  const verifier = newCodeVerifier();
  d.redactor.add(verifier);
  const challenge = await codeChallengeS256(verifier);
  const nonce = newNonce();
  // desktop: the extension's own URI; web and remote windows: the address that reaches this window's URI handler
  const callback = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}${OAUTH_CALLBACK_PATH}`));
  const authorizeUrl = brokerAuthorizeUrl(meta, { callback: callback.toString(true), nonce, challenge });

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Attio: waiting for you to authorize in the browser…'), cancellable: true },
    async (_progress, cancel) => {
      const abort = new AbortController();
      const sub = cancel.onCancellationRequested(() => abort.abort());
      try {
        const waiting = waitForCallback({ subscribe: d.uris.subscribeCallbacks, state: nonce, param: 'nonce', timeoutMs, signal: abort.signal, onIgnored: why => d.log.warn(`broker: ${why}; still waiting`) });
        waiting.catch(() => undefined); // awaited below; a timeout while the browser is still opening is not unhandled
        // The URL as a string, as VS Code's own sign-ins pass it: a vscode.Uri round trip re-encodes the percent-escapes
        // of the callback URL nested in the query, and the broker would get another callback than the one sent.
        if (!(await vscode.env.openExternal(authorizeUrl as unknown as vscode.Uri))) d.log.warn('broker: the browser could not be opened');
        const result = await waiting;
        if ('error' in result) {
          const kind = classifyRefusal(result.error);
          d.log.warn(`broker: Attio answered the authorization with ${result.error} (${kind})`);
          void showRefusal(refusalMessage(kind, meta.name, result.error, result.description), meta.name, brokerUrl);
          return quietly();
        }
        d.redactor.add(result.code);
        return await exchangeAtBroker({ fetch: d.fetch, tokenEndpoint: meta.tokenEndpoint, code: result.code, verifier, state: result.state ?? '', signal: abort.signal });
      } catch (e) {
        if (abort.signal.aborted || (e instanceof OAuthError && e.reason === 'cancelled')) throw new vscode.CancellationError();
        if (e instanceof OAuthError && e.reason === 'timeout') throw new SignInError(vscode.l10n.t('Sign-in timed out: no answer came back from the browser.'));
        if (e instanceof BrokerError) throw new SignInError(brokerErrorText(e));
        throw e;
      } finally {
        sub.dispose();
      }
    },
  );
}

async function askBrokerUrl(): Promise<string> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Attio: your team\'s sign-in address'),
    prompt: vscode.l10n.t('The address of your team\'s Attio sign-in service, from your workspace admin (for example https://attio-signin.example.workers.dev). Asked once and kept in your user settings.'),
    placeHolder: 'https://',
    ignoreFocusOut: true,
    validateInput: v => {
      const p = parseBrokerUrl(v);
      return 'problem' in p ? brokerUrlProblemText(p.problem) : undefined;
    },
  });
  if (value === undefined) throw new vscode.CancellationError();
  return value;
}

function brokerUrlProblemText(p: BrokerUrlProblem): string {
  switch (p) {
    case 'empty':
      return vscode.l10n.t('Enter the address, or press Escape to cancel.');
    case 'invalid':
      return vscode.l10n.t('Enter a web address starting with https://.');
    case 'insecure':
      return vscode.l10n.t('The address must start with https:// (http:// only for this machine, such as http://127.0.0.1).');
    case 'credentials':
      return vscode.l10n.t('The address must not contain a user name or password.');
  }
}

async function offerChangeAddress(text: string): Promise<void> {
  const change = vscode.l10n.t('Change Address');
  const again = vscode.l10n.t('Try Again');
  const pick = await vscode.window.showErrorMessage(vscode.l10n.t('Attio: {0}', text), change, again);
  if (pick === change) await vscode.commands.executeCommand('workbench.action.openSettings', `${Settings.section}.${Settings.oauthBrokerUrl}`);
  else if (pick === again) await vscode.commands.executeCommand(Commands.signInWithTeamApp);
}

/** A broker failure in the person's language, from its kind (the error's message is the English log line). */
export function brokerErrorText(e: BrokerError): string {
  const f = e.failure;
  switch (f.kind) {
    case 'unreachable':
      return vscode.l10n.t({ message: 'Could not reach your team\'s sign-in service ({0}). Check the address and the network connection.', args: [f.host], comment: ['{0} is a host name.'] });
    case 'redirect':
      return vscode.l10n.t({ message: 'Your team\'s sign-in service ({0}) answered with a redirect; sign-in codes are never sent on to another address.', args: [f.host], comment: ['{0} is a host name.'] });
    case 'notBroker':
      return vscode.l10n.t({ message: '{0} is not an Attio sign-in service this extension understands ({1}). Check the address with your workspace admin.', args: [f.host, f.why], comment: ['{0} is a host name; {1} is a short technical reason such as "HTTP 404".'] });
    case 'foreignEndpoint':
      return vscode.l10n.t({ message: 'The sign-in service at {0} sends sign-ins to {1}; only its own address is used. Ask your workspace admin to check its configuration.', args: [f.host, f.endpointHost], comment: ['{0} and {1} are host names.'] });
    case 'expired':
      return vscode.l10n.t('The sign-in took too long or was already used. Sign in again.');
    case 'busy':
      return vscode.l10n.t({ message: 'Your team\'s sign-in service is busy. Try again in {0} seconds.', args: [f.retryAfterSeconds], comment: ['{0} is a number of seconds.'] });
    case 'attioDown':
      return vscode.l10n.t('Your team\'s sign-in service could not reach Attio. Try again in a moment.');
    case 'refused':
      return vscode.l10n.t({ message: 'Your team\'s sign-in service refused the sign-in ({0}).', args: [f.why], comment: ['{0} is an OAuth error code or an HTTP status such as "HTTP 400".'] });
  }
}

export interface RefusalMessage {
  /** A person's own "Deny" is information, not a failure of the extension. */
  severity: 'info' | 'warning';
  text: string;
  /** Whether a workspace admin can help (then the message offers the admin's steps). */
  askAdmin: boolean;
}

/** What a person reads when Attio's authorize step answers with an error, and what to do next (never a dead end). */
export function refusalMessage(kind: AuthorizeRefusal, appName: string, error: string, description?: string): RefusalMessage {
  const reason = plainReason(description);
  const says = reason ? ` ${vscode.l10n.t({ message: 'Attio says: "{0}".', args: [reason], comment: ['{0} is Attio\'s own explanation, in its words.'] })}` : '';
  const askAdmin = vscode.l10n.t({ message: 'If you did not decline it yourself, ask a workspace admin to install {0} for your workspace.', args: [appName], comment: ['{0} is the name of an Attio app.'] });
  switch (kind) {
    case 'declined':
      return { severity: 'info', askAdmin: true, text: `${vscode.l10n.t({ message: 'Attio did not authorize {0}: nothing was changed.', args: [appName], comment: ['{0} is the name of an Attio app.'] })}${says} ${askAdmin}` };
    case 'notAllowed':
      return {
        severity: 'warning',
        askAdmin: true,
        text: `${vscode.l10n.t({ message: 'Attio did not let you authorize {0} ({1}).', args: [appName, error], comment: ['{0} is the name of an Attio app; {1} is an OAuth error code such as unauthorized_client.'] })}${says} ${vscode.l10n.t({ message: 'Ask a workspace admin to install {0} for your workspace.', args: [appName], comment: ['{0} is the name of an Attio app.'] })}`,
      };
    case 'unavailable':
      return { severity: 'warning', askAdmin: false, text: `${vscode.l10n.t({ message: 'Attio could not complete the authorization right now ({0}).', args: [error], comment: ['{0} is an OAuth error code such as temporarily_unavailable.'] })}${says} ${vscode.l10n.t('Try again in a moment.')}` };
    case 'other':
      return { severity: 'warning', askAdmin: true, text: `${vscode.l10n.t({ message: 'Attio answered the authorization with "{0}".', args: [error], comment: ['{0} is an OAuth error code such as invalid_scope.'] })}${says} ${askAdmin}` };
  }
}

/** The steps a workspace admin follows to install the app, for the person to send on. */
export function adminSteps(appName: string, brokerUrl: string): string {
  return vscode.l10n.t({
    message:
      'Please install the Attio app "{0}" for our Attio workspace, so that members can sign in from VS Code:\n1. In VS Code with the Attio Explorer extension, run "Attio: Sign In", choose "Sign in with your team\'s Attio app" and enter {1}\n2. In the browser, sign in to Attio as a workspace admin, choose our workspace and approve {0}.\nIf Attio says the app cannot be installed in the workspace, its owner makes it available at build.attio.com (an unpublished app can be installed in up to 25 workspaces).',
    args: [appName, brokerUrl],
    comment: ['A message a person sends to their workspace admin. {0} is the name of an Attio app; {1} is a web address.'],
  });
}

async function showRefusal(m: RefusalMessage, appName: string, brokerUrl: string): Promise<void> {
  const copy = vscode.l10n.t('Copy Steps for Your Admin');
  const again = vscode.l10n.t('Try Again');
  const actions = m.askAdmin ? [copy, again] : [again];
  const text = vscode.l10n.t('Attio: {0}', m.text);
  const pick = await (m.severity === 'info' ? vscode.window.showInformationMessage(text, ...actions) : vscode.window.showWarningMessage(text, ...actions));
  if (pick === copy) {
    await vscode.env.clipboard.writeText(adminSteps(appName, brokerUrl));
    void vscode.window.showInformationMessage(vscode.l10n.t('The steps are on the clipboard: send them to a workspace admin.'));
  } else if (pick === again) await vscode.commands.executeCommand(Commands.signInWithTeamApp);
}
