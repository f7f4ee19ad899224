/**
 * Typed code for a workspace (vscode-free, shared by the editor's command and the CLI): read the schema through the
 * data layer, write one TypeScript module, and tell whether an existing module still matches the workspace.
 */
import { parseHeader, withoutTime } from './header';
import { generateModule, type GenerateOptions } from './emit';
import { diffSchemas, fingerprint, type SchemaChange, type SchemaSummary } from './schema';

export { HEADER_MARK, parseHeader, withoutTime, type ParsedHeader } from './header';
export { generateModule, pascalName, type GenerateOptions } from './emit';
export {
  describeChange,
  diffSchemas,
  fingerprint,
  readSchema,
  schemaReaderOf,
  type SchemaChange,
  type SchemaDataParts,
  type SchemaReader,
  type SchemaSummary,
  type WorkspaceIdentity,
} from './schema';

/** How an existing generated module compares with the workspace now. */
export type ModuleStatus =
  | { kind: 'current' }
  /** Not a generated module (no header). */
  | { kind: 'notGenerated' }
  /** The schema changed: what changed (empty when the old summary could not be read). */
  | { kind: 'stale'; changes: SchemaChange[] }
  /** Same schema, different text (edited by hand, or made by another version of the generator). */
  | { kind: 'edited' };

/** Compares `existing` with what `opts` generates now (the time line aside). */
export function moduleStatus(existing: string, opts: GenerateOptions): ModuleStatus {
  const header = parseHeader(existing);
  if (!header) return { kind: 'notGenerated' };
  if (header.fingerprint !== fingerprint(opts.summary)) return { kind: 'stale', changes: header.summary ? diffSchemas(header.summary, opts.summary) : [] };
  return withoutTime(existing) === withoutTime(generateModule(opts)) ? { kind: 'current' } : { kind: 'edited' };
}

/** Whether the module's schema (by its header) differs from `summary`, and how; undefined when it matches or is not generated. */
export function staleChanges(existing: string, summary: SchemaSummary): SchemaChange[] | undefined {
  const header = parseHeader(existing);
  if (!header || header.fingerprint === fingerprint(summary)) return undefined;
  return header.summary ? diffSchemas(header.summary, summary) : [];
}
