/** Port helpers: always bind 127.0.0.1 and let the OS pick when the preferred port is taken. */
import * as http from 'http';
import * as net from 'net';

function tryListen(port: number): Promise<number | undefined> {
  return new Promise(resolve => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(undefined));
    srv.listen(port, '127.0.0.1', () => {
      const addr = srv.address();
      const got = typeof addr === 'object' && addr ? addr.port : undefined;
      srv.close(() => resolve(got));
    });
  });
}

/** `preferred` if it is free, else a free port chosen by the OS (listen on port 0). */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred) {
    const p = await tryListen(preferred);
    if (p) return p;
  }
  const p = await tryListen(0);
  if (!p) throw new Error('could not find a free port');
  return p;
}

/** Polls `url` until it answers any HTTP status, or rejects after `timeoutMs`. `abort` stops early (e.g. process died). */
export async function waitForHttp(url: string, timeoutMs: number, abort?: () => Error | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>(resolve => {
      const req = http.get(url, { timeout: 2000 }, res => {
        res.resume();
        resolve(true);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    });
    if (ok) return;
    const aborted = abort?.();
    if (aborted) throw aborted;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${url}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

/** Races `promise` against a timeout; the timer never keeps the process alive. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves after `ms`; the timer never keeps the process alive. */
export function delay(ms: number): Promise<void> {
  return new Promise(resolve => {
    const t: NodeJS.Timeout = setTimeout(resolve, ms);
    t.unref();
  });
}
