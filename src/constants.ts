/** Every id the extension contributes or reads, in one place (commands, views, context keys, settings, secrets). */

export const EXTENSION_ID = 'attio-explorer.attio-explorer';

export const AUTH_PROVIDER_ID = 'attio';
export const AUTH_PROVIDER_LABEL = 'Attio';

export const Views = {
  container: 'attio',
  objects: 'attio.objects',
  lists: 'attio.lists',
  tasks: 'attio.tasks',
} as const;

export const Commands = {
  signIn: 'attio.signIn',
  signOut: 'attio.signOut',
  verifyConnection: 'attio.verifyConnection',
  showScopeErrors: 'attio.showScopeErrors',
  refresh: 'attio.refresh',
} as const;

export const ContextKeys = {
  signedIn: 'attio:signedIn',
} as const;

export const Settings = {
  section: 'attio',
  apiBaseUrl: 'apiBaseUrl',
} as const;

export const DEFAULT_API_BASE_URL = 'https://api.attio.com';
