/**
 * The broker on Node, for teams that host it themselves (`node dist/node.js`, started by nodeMain.ts), with the same
 * variables as the Worker (ATTIO_CLIENT_ID, ATTIO_CLIENT_SECRET, SEALING_KEY, …) plus PORT (default 8787), HOST
 * (default 127.0.0.1), PUBLIC_URL (the broker's origin as browsers see it, behind a proxy) and TRUST_PROXY=1 (take the
 * client IP from the last X-Forwarded-For entry, which the proxy in front appended). A tiny node:http adapter around
 * the same fetch handler; it logs one line when it listens and nothing per request.
 */
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_TOKEN_BODY_BYTES, createBroker } from './broker';
import type { Env } from './config';

const MAX_BODY_BYTES = MAX_TOKEN_BODY_BYTES + 1;

export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').map(s => s.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) break; // the handler refuses a body over its limit; the rest is not read
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export function startNodeBroker(env: Env & Record<string, string | undefined>): Promise<{ url: string; close(): Promise<void> }> {
  const broker = createBroker();
  const trustProxy = env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
        else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
      }
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
      const response = await broker.fetch(new Request(url, { method, headers, body }), env, clientIp(req, trustProxy));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    });
  });
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shown}:${address.port}`,
        close: () => new Promise<void>(done => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
