/** PKCE (RFC 7636) with the S256 method only: the verifier's form and its challenge. */
import { toBase64Url, utf8 } from './encoding';

/** RFC 7636 §4.1: 43–128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
/** base64url of a SHA-256 digest: 32 bytes → exactly 43 characters, no padding. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function isValidVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

export function isValidChallenge(challenge: string): boolean {
  return CHALLENGE.test(challenge);
}

/** BASE64URL(SHA256(ASCII(code_verifier))), RFC 7636 §4.2. */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8(verifier));
  return toBase64Url(new Uint8Array(digest));
}
