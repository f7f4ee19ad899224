/**
 * The one redactor of the extension: known secrets (tokens, client secrets, OAuth codes) and credential-shaped
 * patterns (bearer headers, `code=` / `access_token=` query parameters, JSON token fields) become one placeholder.
 * Every log line and every error message passes through it. No `vscode` import.
 */
export const REDACTED = '«redacted»';

/** `text` with every secret of `secrets` (4+ characters) and every credential pattern replaced by {@link REDACTED}. */
export function redact(text: string, secrets: Iterable<string | undefined> = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join(REDACTED);
  return out
    .replace(/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`)
    .replace(/(authorization["']?\s*[:=]\s*["']?)[^"',;\s]+/gi, `$1${REDACTED}`)
    .replace(/((?:^|[?&#\s])(?:code|access_token|client_secret|token)=)[^&#\s"']+/gi, `$1${REDACTED}`)
    .replace(/("(?:access_token|client_secret|code|token)"\s*:\s*")[^"]+/gi, `$1${REDACTED}`);
}

/** Remembers the secrets this window has seen and hides them (and credential patterns) in any text. */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  redact(text: string): string {
    return redact(text, this.secrets);
  }
}
