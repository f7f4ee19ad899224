/**
 * The files "Attio: Add a Typed Client to This Project" writes: a small fetch client typed by the generated module
 * (ES module or CommonJS import style, as the project's package.json says), `.env.example`, and the `.gitignore`
 * lines that keep the key out of git. Pure text: the surface decides where, and asks before replacing anything.
 */

import { ENV_API_KEY } from '../constants';

export type ModuleKind = 'esm' | 'commonjs';

/** The variable the client reads Attio's address from (default https://api.attio.com). */
const ENV_BASE_URL = 'ATTIO_BASE_URL';

/** package.json's `"type"`: `module` means ES modules; anything else (or no package.json) CommonJS. */
export function moduleKindOf(packageJson: string | undefined): ModuleKind {
  try {
    return packageJson && (JSON.parse(packageJson) as { type?: unknown }).type === 'module' ? 'esm' : 'commonjs';
  } catch {
    return 'commonjs';
  }
}

/**
 * The import specifier of the generated module from the client (`./attio.gen`, `../types/attio.gen`); ES modules
 * name the emitted file (`./attio.gen.js`), as Node and TypeScript's NodeNext resolution require.
 */
export function importSpecifier(fromDir: string, typesFile: string, kind: ModuleKind): string {
  const from = fromDir.split('/').filter(Boolean);
  const to = typesFile.replace(/\.ts$/, '').split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rel = [...(up ? Array(up).fill('..') : ['.']), ...to.slice(common)].join('/');
  return kind === 'esm' ? `${rel}.js` : rel;
}

export function clientSource(typesImport: string): string {
  return `// A small typed client for Attio's REST API, written by Attio Explorer ("Attio: Add a Typed Client to This Project").
// The types come from ${typesImport} ("Attio: Generate TypeScript Types"); the key from ATTIO_API_KEY (see .env.example).
import type { AttioListSlug, AttioListTypes, AttioObjectSlug, AttioObjectTypes } from '${typesImport}';

const BASE_URL = process.env.${ENV_BASE_URL} ?? 'https://api.attio.com';

export class AttioRequestError extends Error {
  constructor(readonly status: number, readonly code: string | undefined, what: string) {
    super(\`Attio \${what}: HTTP \${status}\${code ? \` (\${code})\` : ''}\`);
  }
}

async function attio<T>(method: string, path: string, body?: unknown): Promise<T> {
  const key = process.env.${ENV_API_KEY};
  if (!key) throw new Error('Set ${ENV_API_KEY} (see .env.example)');
  const response = await fetch(\`\${BASE_URL}\${path}\`, {
    method,
    headers: { authorization: \`Bearer \${key}\`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const error = (await response.json().catch(() => undefined)) as { code?: string } | undefined;
    throw new AttioRequestError(response.status, error?.code, \`\${method} \${path}\`);
  }
  return (await response.json()) as T;
}

export interface Query<Filter> {
  filter?: Filter;
  sorts?: { direction: 'asc' | 'desc'; attribute: string; field?: string }[];
  limit?: number;
  offset?: number;
}

/** Records of an object, filtered with the operators each attribute allows. */
export async function queryRecords<O extends AttioObjectSlug>(object: O, query: Query<AttioObjectTypes[O]['filter']> = {}): Promise<AttioObjectTypes[O]['record'][]> {
  return (await attio<{ data: AttioObjectTypes[O]['record'][] }>('POST', \`/v2/objects/\${object}/records/query\`, query)).data;
}

export async function getRecord<O extends AttioObjectSlug>(object: O, recordId: string): Promise<AttioObjectTypes[O]['record']> {
  return (await attio<{ data: AttioObjectTypes[O]['record'] }>('GET', \`/v2/objects/\${object}/records/\${encodeURIComponent(recordId)}\`)).data;
}

export async function createRecord<O extends AttioObjectSlug>(object: O, values: AttioObjectTypes[O]['create']): Promise<AttioObjectTypes[O]['record']> {
  return (await attio<{ data: AttioObjectTypes[O]['record'] }>('POST', \`/v2/objects/\${object}/records\`, { data: { values } })).data;
}

/** Updates the given attributes (multiselect values are appended; Attio's PUT replaces them). */
export async function updateRecord<O extends AttioObjectSlug>(object: O, recordId: string, values: AttioObjectTypes[O]['update']): Promise<AttioObjectTypes[O]['record']> {
  return (await attio<{ data: AttioObjectTypes[O]['record'] }>('PATCH', \`/v2/objects/\${object}/records/\${encodeURIComponent(recordId)}\`, { data: { values } })).data;
}

/** Entries of a list, filtered by the list's own attributes. */
export async function queryEntries<L extends AttioListSlug>(list: L, query: Query<AttioListTypes[L]['filter']> = {}): Promise<AttioListTypes[L]['entry'][]> {
  return (await attio<{ data: AttioListTypes[L]['entry'][] }>('POST', \`/v2/lists/\${list}/entries/query\`, query)).data;
}

/** Who the key is: its workspace and scopes (Attio's "verify the connection" step). */
export async function verifyConnection(): Promise<{ active: boolean; workspace_name?: string; scope?: string }> {
  return attio('GET', '/v2/self');
}
`;
}

export const ENV_EXAMPLE = `# Copy to .env and fill in (never commit .env). Create a key in Attio: Workspace settings > Developers.
ATTIO_API_KEY=
# ATTIO_BASE_URL=https://api.attio.com
`;

/** What .gitignore needs so that `.env` (and `.env.local`…) stay out of git but the example is kept. */
export const GITIGNORE_LINES = ['.env', '.env.*', '!.env.example'];

/** `.gitignore` with the lines it lacks appended (undefined when it has them all). */
export function withGitignoreLines(existing: string | undefined): string | undefined {
  const have = new Set((existing ?? '').split(/\r?\n/).map(l => l.trim()));
  const missing = GITIGNORE_LINES.filter(l => !have.has(l));
  if (!missing.length) return undefined;
  const base = existing ?? '';
  const sep = base === '' || base.endsWith('\n') ? '' : '\n';
  return `${base}${sep}${base ? '\n' : ''}# Attio API key (Attio Explorer)\n${missing.join('\n')}\n`;
}
