import * as vscode from 'vscode';
import type { LogLevel, Redactor } from '../attio';

/** `[Component] message` lines on the "Attio" LogOutputChannel, always redacted. */
export class Logger {
  constructor(
    private readonly channel: vscode.LogOutputChannel,
    private readonly redactor: Redactor,
    private readonly component?: string,
    /** Also receives every line (the integration tests count lines here instead of waiting for the log file). */
    private readonly tap?: (line: string) => void,
  ) {}

  child(component: string): Logger {
    return new Logger(this.channel, this.redactor, component, this.tap);
  }

  log(level: LogLevel, message: string): void {
    const line = this.redactor.redact(this.component ? `[${this.component}] ${message}` : message);
    this.channel[level](line);
    this.tap?.(line);
  }

  trace(m: string): void { this.log('trace', m); }
  debug(m: string): void { this.log('debug', m); }
  info(m: string): void { this.log('info', m); }
  warn(m: string): void { this.log('warn', m); }
  error(m: string | Error): void { this.log('error', m instanceof Error ? `${m.name}: ${m.message}` : m); }
}
