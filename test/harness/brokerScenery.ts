/**
 * The team's sign-in broker for the extension's integration and UI tests: the real broker (broker/dist/node.js, built from
 * broker/src first) as a child process, configured for the local Attio server, behind a recording proxy so
 * every request that reaches the broker (from the extension and from the browser) can be scanned for secrets.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import { createServer, request, type RequestListener, type Server } from 'http';
import { createServer as createTlsServer } from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import type { AttioTestServer } from '../server';

const BROKER_DIR = path.resolve(__dirname, '..', '..', '..', 'broker');
const NODE_BROKER = path.join(BROKER_DIR, 'dist', 'node.js');

/** One request the broker received through the proxy. */
export interface BrokerRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: string;
  body: string;
}

export interface BrokerScenery {
  /** The address a user types (the proxy in front of the broker). */
  url: string;
  appName: string;
  requests: BrokerRequest[];
  /** The broker's own output (it prints one line when it listens). */
  output: string[];
  close(): Promise<void>;
}

export interface BrokerOptions {
  /**
   * Serve the broker's address over https, with a certificate made for this run (the browser must accept it: the UI
   * harness's Chromium ignores certificate errors). A web window's extension host (the web worker) may fetch only
   * https addresses and http on localhost / 127.0.0.1 (its iframe's Content-Security-Policy), and a remote window
   * tunnels what it opens on those two: an https address is what a team's broker has anyway.
   */
  https?: boolean;
}

/** A self-signed certificate for [::1], valid for a day (openssl). */
function loopbackCertificate(): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attio-broker-tls-'));
  try {
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:::1'], { stdio: 'ignore' });
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the broker for `attio`, forwarding callbacks to `callbackOrigin` (this window's host) besides VS Code's own. */
export async function startBroker(attio: AttioTestServer, callbackOrigin: string, options: BrokerOptions = {}): Promise<BrokerScenery> {
  execFileSync(process.execPath, ['build.mjs'], { cwd: BROKER_DIR, stdio: 'ignore' }); // about a second; never a stale build
  const requests: BrokerRequest[] = [];
  let target = '';
  const forward: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: JSON.stringify(req.headers), body: body.toString('utf8') });
      const out = request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, up => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      out.end(body);
    });
  };
  const proxy: Server = options.https ? createTlsServer(loopbackCertificate(), forward) : createServer(forward);
  // [::1], not 127.0.0.1: a window with a remote host tunnels what `openExternal` opens on localhost / 127.0.0.1
  // through its port forwarding, which rewrites the URL and with it the callback nested in its query. A team's broker
  // is an https address that is opened as it is; so is this one.
  await new Promise<void>(r => proxy.listen(0, '::1', r));
  const url = `${options.https ? 'https' : 'http'}://[::1]:${(proxy.address() as AddressInfo).port}`;
  const appName = 'Northwind Explorer';
  const env = {
    PATH: process.env.PATH ?? '',
    ATTIO_CLIENT_ID: attio.oauth.clientId,
    ATTIO_CLIENT_SECRET: attio.oauth.clientSecret,
    SEALING_KEY: 'extension-integration-sealing-key-0123456789',
    ATTIO_AUTHORIZE_URL: attio.oauth.authorizeUrl,
    ATTIO_TOKEN_URL: attio.oauth.tokenUrl,
    SCOPES: 'object_configuration:read record_permission:read',
    APP_NAME: appName,
    ALLOWED_CALLBACK_ORIGINS: callbackOrigin,
    PUBLIC_URL: url,
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '100',
  };
  const child: ChildProcess = spawn(process.execPath, [NODE_BROKER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
  target = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output.push(c.toString());
      const m = /listening on (http:\/\/\S+)/.exec(output.join(''));
      if (m) resolve(m[1]);
    });
    child.once('exit', code => reject(new Error(`the broker exited (${code}): ${output.join('')}`)));
  });
  attio.allowRedirectUri(`${url}/callback`);
  return {
    url,
    appName,
    requests,
    output,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      proxy.closeAllConnections(); // the browser keeps its connections open
      await new Promise(r => proxy.close(r));
    },
  };
}
