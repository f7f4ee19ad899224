/**
 * "Copy as cURL" and "Copy as fetch": the request that fetches an item, ready to paste in a shell or a TypeScript
 * file. Pure: built from the client's own request builder without a token, so the key can only appear as the
 * `$ATTIO_API_KEY` placeholder (cURL) or `process.env.ATTIO_API_KEY` (fetch), never as itself.
 */
import { buildRequest, endpoints, type BuiltRequest } from '../attio';
import type { ApiCall } from '../data';
import { ENV_API_KEY } from '../constants';

/** An "Open as JSON" document's text: the answer pretty-printed (2-space indent, a final newline), nothing else. */
export function jsonText(answer: unknown): string {
  return JSON.stringify(answer, null, 2) + '\n';
}

/** The request for `call` at `baseUrl`, with no Authorization header (the snippets add the placeholder). */
export function snippetRequest(call: ApiCall, baseUrl: string): BuiltRequest {
  return buildRequest(endpoints[call.endpoint], { baseUrl, ...call.params });
}

/** A POSIX shell word: single-quoted, a `'` inside written as `'\''`. Newlines and unicode stay literal. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `curl` with the key read from the environment (`"$ATTIO_API_KEY"` expands in the shell, at run time). */
export function toCurl(req: BuiltRequest): string {
  const lines = [`curl --request ${req.method}`, `--url ${shellQuote(req.url)}`, `--header "Authorization: Bearer $${ENV_API_KEY}"`];
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() !== 'authorization') lines.push(`--header ${shellQuote(`${k}: ${v}`)}`);
  if (req.body !== undefined) lines.push(`--data ${shellQuote(req.body)}`);
  return lines.join(' \\\n  ') + '\n';
}

/** TypeScript `fetch` (Node 18+, browsers) with the key from `process.env.ATTIO_API_KEY`. */
export function toFetch(req: BuiltRequest): string {
  const lit = (s: string): string => JSON.stringify(s);
  const headers = [`    Authorization: \`Bearer \${process.env.${ENV_API_KEY}}\`,`];
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() !== 'authorization') headers.push(`    ${/^[A-Za-z_$][\w$]*$/.test(k) ? k : lit(k)}: ${lit(v)},`);
  const out = [`const response = await fetch(${lit(req.url)}, {`, `  method: ${lit(req.method)},`, '  headers: {', ...headers, '  },'];
  if (req.body !== undefined) {
    // the body as an object literal (JSON is valid TypeScript), indented under `body:`
    const pretty = JSON.stringify(JSON.parse(req.body), null, 2).replace(/\n/g, '\n  ');
    out.push(`  body: JSON.stringify(${pretty}),`);
  }
  out.push('});', `if (!response.ok) throw new Error(\`Attio answered \${response.status}: \${await response.text()}\`);`, 'const json = await response.json();', '');
  return out.join('\n');
}
