/**
 * The sealed `state`: what the broker must remember between /authorize and /token, kept by the browser instead of a
 * store. AES-256-GCM (authenticated encryption) under a key derived from SEALING_KEY with HKDF-SHA-256; a state that
 * was altered, made with another key, or sealed for another purpose does not open.
 *
 * Wire form: base64url( version byte 0x01 ‖ 12-byte random IV ‖ ciphertext+tag ).
 */
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './encoding';

/** What the state carries: where the browser goes back to, the extension's nonce, the PKCE challenge, the expiry. */
export interface SealedState {
  /** The callback URL, already checked against the allow-list. */
  callback: string;
  nonce: string;
  /** base64url SHA-256 of the extension's code verifier. */
  challenge: string;
  /** Expiry, in milliseconds since the epoch. */
  exp: number;
  /** The workspace the extension asked for, if it named one (not sent to Attio). */
  workspace?: string;
}

export const MIN_SEALING_KEY_LENGTH = 32;
const VERSION = 1;
const IV_BYTES = 12;
const PURPOSE = utf8('attio-explorer-broker/state/v1');
/** A state longer than this is refused before any crypto (a callback is ≤ 2 KB, so a real state is well below). */
export const MAX_STATE_LENGTH = 4096;

const keys = new Map<string, Promise<CryptoKey>>();

/** The AES-GCM key derived from the configured secret (cached per secret). */
export function sealingKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', utf8(secret), 'HKDF', false, ['deriveKey'])
      .then(material =>
        crypto.subtle.deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: PURPOSE },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        ),
      );
    keys.set(secret, key);
  }
  return key;
}

export async function seal(state: SealedState, key: CryptoKey): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const body = { v: VERSION, cb: state.callback, n: state.nonce, ch: state.challenge, exp: state.exp, ws: state.workspace };
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: PURPOSE }, key, utf8(JSON.stringify(body))));
  const out = new Uint8Array(1 + IV_BYTES + ciphertext.length);
  out[0] = VERSION;
  out.set(iv, 1);
  out.set(ciphertext, 1 + IV_BYTES);
  return toBase64Url(out);
}

export type OpenResult = { ok: true; state: SealedState } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** Opens a sealed state: authentic (made by this broker with this key) and unexpired at `now`, or a reason why not. */
export async function open(sealed: string, key: CryptoKey, now: number): Promise<OpenResult> {
  if (sealed.length === 0 || sealed.length > MAX_STATE_LENGTH) return { ok: false, reason: 'malformed' };
  const bytes = fromBase64Url(sealed);
  if (!bytes || bytes.length < 1 + IV_BYTES + 16 || bytes[0] !== VERSION) return { ok: false, reason: 'malformed' };
  let plain: Uint8Array;
  try {
    const iv = bytes.subarray(1, 1 + IV_BYTES);
    plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: PURPOSE }, key, bytes.subarray(1 + IV_BYTES)));
  } catch {
    return { ok: false, reason: 'forged' };
  }
  const state = parse(plain);
  if (!state) return { ok: false, reason: 'forged' };
  if (!(now < state.exp)) return { ok: false, reason: 'expired' };
  return { ok: true, state };
}

function parse(plain: Uint8Array): SealedState | undefined {
  try {
    const body = JSON.parse(fromUtf8(plain)) as Record<string, unknown>;
    const { v, cb, n, ch, exp, ws } = body;
    if (v !== VERSION || typeof cb !== 'string' || typeof n !== 'string' || typeof ch !== 'string' || typeof exp !== 'number') return undefined;
    if (ws !== undefined && typeof ws !== 'string') return undefined;
    return { callback: cb, nonce: n, challenge: ch, exp, ...(ws !== undefined ? { workspace: ws } : {}) };
  } catch {
    return undefined;
  }
}
