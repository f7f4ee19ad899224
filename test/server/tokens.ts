/**
 * Access tokens are plain data: a name (what the request log shows), an
 * opaque secret value, granted scopes and an active flag.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ALL_READ_SCOPES, ALL_READ_WRITE_SCOPES } from './scopes';
import { ALPHANUMERIC, BASE64URL, HEX, Prng } from './prng';

export interface Token {
  name: string;
  value: string;
  /** Actor id used for created_by_actor of things created with this token. */
  id: string;
  scopes: Set<string>;
  active: boolean;
  clientId: string;
  issuedAt: number;
  /** Which of the server's workspaces the token belongs to (default: the main one). */
  workspace?: 'main' | 'other';
}

export type DemoTokenName = 'full' | 'readOnly' | 'noTasks' | 'noLists' | 'inactive';

/** Scopes of the demo tokens; `inactive` is revoked from the start. */
export const DEMO_TOKEN_SCOPES: Readonly<Record<DemoTokenName, readonly string[]>> = {
  full: ALL_READ_WRITE_SCOPES,
  readOnly: ALL_READ_SCOPES,
  noTasks: ALL_READ_SCOPES.filter((s) => !s.startsWith('task:')),
  noLists: ALL_READ_SCOPES.filter((s) => !s.startsWith('list_configuration:') && !s.startsWith('list_entry:')),
  inactive: ALL_READ_SCOPES,
};

export class TokenStore {
  private readonly byValue = new Map<string, Token>();

  constructor(private readonly defaultClientId: string) {}

  /** Seeds the five demo tokens, with values derived from the seeded PRNG. */
  seedDemoTokens(rng: Prng, now: number): Record<DemoTokenName, string> {
    // Deliberately different shapes: clients must treat tokens as opaque.
    const values: Record<DemoTokenName, string> = {
      full: rng.string(64, HEX),
      readOnly: rng.string(43, BASE64URL),
      noTasks: `nw_${rng.string(40, ALPHANUMERIC)}`,
      noLists: rng.string(52, ALPHANUMERIC),
      inactive: rng.string(48, HEX),
    };
    for (const name of Object.keys(values) as DemoTokenName[]) {
      this.add(name, values[name], [...DEMO_TOKEN_SCOPES[name]], name !== 'inactive', now, rng.uuid());
    }
    return values;
  }

  /** Adds a token with a fresh random value and returns that value. */
  create(name: string, scopes: string[], active = true, clientId = this.defaultClientId): string {
    const value = randomBytes(32).toString('base64url');
    this.add(name, value, scopes, active, Date.now(), randomUUID(), clientId);
    return value;
  }

  /** A full-access token of the server's second workspace (for multi-workspace sign-in). */
  createOtherWorkspaceToken(rng: Prng, now: number): string {
    const value = rng.string(56, ALPHANUMERIC);
    this.add('otherWorkspace', value, [...ALL_READ_WRITE_SCOPES], true, now, rng.uuid());
    this.byValue.get(value)!.workspace = 'other';
    return value;
  }

  get(value: string): Token | undefined {
    return this.byValue.get(value);
  }

  revoke(value: string): void {
    const token = this.byValue.get(value);
    if (token) token.active = false;
  }

  private add(name: string, value: string, scopes: string[], active: boolean, issuedAt: number, id: string, clientId = this.defaultClientId): void {
    this.byValue.set(value, { name, value, id, scopes: new Set(scopes), active, clientId, issuedAt });
  }
}

/**
 * Extracts the token from `Authorization: Bearer <t>` or `Basic base64(<t>:)`.
 * Returns null when the header is absent, '' when it is present but unusable.
 */
export function tokenFromHeader(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^(\w+)\s+(.*)$/.exec(header.trim());
  if (!match) return '';
  const [, scheme, credentials] = match;
  if (/^bearer$/i.test(scheme)) return credentials.trim();
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(credentials.trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? decoded : decoded.slice(0, colon);
  }
  return '';
}
