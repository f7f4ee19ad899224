import * as vscode from 'vscode';

/** Hides credentials in any text: known secrets (tokens, client secrets, OAuth codes) and bearer/query-string patterns. */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('«redacted»');
    return out
      .replace(/(Bearer|Basic)\s+[^\s"',]+/gi, '$1 «redacted»')
      .replace(/([?&#](?:code|access_token|client_secret|token)=)[^&#\s"']+/gi, '$1«redacted»')
      .replace(/("(?:access_token|client_secret|code|token)"\s*:\s*")[^"]+/gi, '$1«redacted»');
  }
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** `[Component] message` lines on the "Attio" LogOutputChannel, always redacted. */
export class Logger {
  constructor(
    private readonly channel: vscode.LogOutputChannel,
    private readonly redactor: Redactor,
    private readonly component?: string,
  ) {}

  child(component: string): Logger {
    return new Logger(this.channel, this.redactor, component);
  }

  log(level: LogLevel, message: string): void {
    const line = this.redactor.redact(this.component ? `[${this.component}] ${message}` : message);
    this.channel[level](line);
  }

  trace(m: string): void { this.log('trace', m); }
  debug(m: string): void { this.log('debug', m); }
  info(m: string): void { this.log('info', m); }
  warn(m: string): void { this.log('warn', m); }
  error(m: string | Error): void { this.log('error', m instanceof Error ? `${m.name}: ${m.message}` : m); }
}
