/**
 * Writes the one TypeScript module of a workspace's types from its schema summary: the object and list slugs as
 * constants; per object and list the values as Attio returns them, the create and update inputs, the filter with
 * its operators; option and status titles and ids as string-literal unions; maps from slug to those types for a
 * typed client. No runtime dependency, compiles under `strict`; with `zod`, runtime validators of the records too.
 * Pure and synchronous: a 1,000-attribute workspace takes milliseconds.
 */
import { headerLines, literal } from './header';
import type { AttributeSummary, ChoiceSummary, SchemaSummary, TargetSummary, WorkspaceIdentity } from './schema';
import { PRELUDE, shapeOf, type ShapeContext } from './typeShapes';
import { zodSection } from './zod';

export interface GenerateOptions {
  workspace: WorkspaceIdentity;
  summary: SchemaSummary;
  generatedAt: Date;
  /** Adds zod validators (the generated module then imports `zod`). */
  zod?: boolean;
}

/** `deal_stage` → `DealStage`; a leading digit gets a prefix (`2fa` → `A2fa`). */
export function pascalName(slug: string): string {
  const name = slug
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(w => w[0].toUpperCase() + w.slice(1))
    .join('');
  return !name ? 'Unnamed' : /^[0-9]/.test(name) ? `A${name}` : name;
}

/** A property key: bare when it is an identifier, else a string literal. */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : literal(key);
}

/** Hands out unique type names (slugs that differ only in punctuation would otherwise clash). */
class Names {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string>) {
    for (const r of reserved) this.used.add(r);
  }

  /** A base name free together with every suffix that will be added to it. */
  base(wanted: string, suffixes: readonly string[]): string {
    for (let n = 1; ; n++) {
      const name = n === 1 ? wanted : `${wanted}${n}`;
      if (suffixes.every(s => !this.used.has(name + s))) {
        for (const s of suffixes) this.used.add(name + s);
        return name;
      }
    }
  }
}

const OBJECT_SUFFIXES = ['Record', 'Values', 'Create', 'Update', 'Filter', 'FilterConditions'] as const;
const LIST_SUFFIXES = ['', 'Values', 'Create', 'Update', 'Filter', 'FilterConditions'] as const;
const CHOICE_SUFFIXES = ['', 'Id'] as const;

const union = (items: string[]): string => (items.length ? [...new Set(items)].map(literal).join(' | ') : 'never');

interface TargetNames {
  base: string;
  typeNames: Record<string, string>;
}

function emitTarget(t: TargetSummary, kind: 'object' | 'list', names: Names, out: string[]): TargetNames {
  const base = kind === 'object' ? names.base(pascalName(t.slug), OBJECT_SUFFIXES) : names.base(`${pascalName(t.slug)}Entry`, LIST_SUFFIXES);
  const n = (suffix: string): string => base + suffix;
  const valueLines: string[] = [];
  const createLines: string[] = [];
  const filterLines: string[] = [];
  out.push('', `// ${kind} ${literal(t.slug)}`);
  for (const a of t.attributes) {
    const ctx = shapeContext(t, a, base, names, out);
    const shape = shapeOf(a.type);
    const key = propertyKey(a.slug);
    const value = shape.value(ctx);
    valueLines.push(`  ${key}?: ${a.multi ? `${value}[]` : `[] | [${value}]`};`);
    const input = shape.input?.(ctx);
    if (input && !a.readOnly) createLines.push(`  ${key}${a.required ? '' : '?'}: ${a.multi ? `(${input})[]` : `AttioWriteOne<${input}>`};`);
    filterLines.push(`  ${key}: ${shape.filter(ctx)};`);
  }
  const idField = kind === 'object' ? 'record_id' : 'entry_id';
  filterLines.push(`  ${idField}: string | AttioChoiceOps<string>;`);
  out.push(`/** The values of ${kind === 'object' ? 'a record' : 'an entry'} as Attio returns them (attribute slug → value objects). */`);
  out.push(`export interface ${n('Values')} {`, ...valueLines, '}');
  if (kind === 'object') {
    out.push(`export interface ${n('Record')} {`);
    out.push('  id: { workspace_id: string; object_id: string; record_id: string };', '  created_at: string;', '  web_url: string;', `  values: ${n('Values')};`, '}');
  } else {
    const parents = union(t.parents ?? []);
    out.push(`export interface ${n('')} {`);
    out.push('  id: { workspace_id: string; list_id: string; entry_id: string };', '  parent_record_id: string;', `  parent_object: ${parents};`, '  created_at: string;', `  entry_values: ${n('Values')};`, '}');
  }
  out.push(`/** What a create accepts as \`values\`${kind === 'list' ? ' (`entry_values` of an entry)' : ''}: the writable attributes, required ones required. */`);
  out.push(`export interface ${n('Create')} {`, ...createLines, '}');
  out.push(`export type ${n('Update')} = Partial<${n('Create')}>;`);
  out.push(`export interface ${n('FilterConditions')} {`, ...filterLines, '}');
  out.push(`export type ${n('Filter')} = AttioFilterOf<${n('FilterConditions')}>;`);
  return { base, typeNames: { record: n(kind === 'object' ? 'Record' : ''), values: n('Values'), create: n('Create'), update: n('Update'), filter: n('Filter') } };
}

/** The type context of one attribute; writes its option/status unions first when it has any. */
function shapeContext(t: TargetSummary, a: AttributeSummary, base: string, names: Names, out: string[]): ShapeContext {
  const targets = a.targets?.length ? union(a.targets) : 'string';
  if (!a.choices) return { titles: 'never', ids: 'never', liveChoices: 'never', targets };
  const live = a.choices.filter(c => !c.archived);
  const archived = a.choices.filter(c => c.archived);
  const word = a.type === 'status' ? 'Status' : 'Option';
  const name = names.base(`${base}${pascalName(a.slug)}${word}`, CHOICE_SUFFIXES);
  const titles = (cs: ChoiceSummary[]): string[] => cs.map(c => c.title);
  const ids = (cs: ChoiceSummary[]): string[] => cs.map(c => c.id);
  out.push(`/** ${a.type === 'status' ? 'Statuses' : 'Options'} of ${literal(t.slug)}.${literal(a.slug)}: titles, then ids${archived.length ? ' (archived ones only in values Attio returns)' : ''}. */`);
  out.push(`export type ${name} = ${union(titles(live))};`, `export type ${name}Id = ${union(ids(live))};`);
  const withArchived = (own: string, extra: string[]): string => (extra.length ? `${own} | ${union(extra)}` : own);
  return {
    titles: withArchived(name, titles(archived)),
    ids: withArchived(`${name}Id`, ids(archived)),
    liveChoices: `${name} | ${name}Id`,
    targets,
  };
}

function slugConstants(name: string, slugs: string[], doc: string): string[] {
  return [
    `/** ${doc} */`,
    `export const ${name} = {${slugs.map(s => ` ${propertyKey(s)}: ${literal(s)},`).join('')} } as const;`,
  ];
}

function typeMap(name: string, targets: TargetSummary[], named: TargetNames[], key: 'record' | 'entry'): string[] {
  const rows = targets.map((t, i) => {
    const n = named[i].typeNames;
    return `  ${propertyKey(t.slug)}: { ${key}: ${n.record}; values: ${n.values}; create: ${n.create}; update: ${n.update}; filter: ${n.filter} };`;
  });
  return [`export interface ${name} {`, ...rows, '}'];
}

const PRELUDE_NAMES = [...PRELUDE.matchAll(/export (?:interface|type) (\w+)/g)].map(m => m[1]);
const RESERVED = [...PRELUDE_NAMES, 'AttioObjects', 'AttioLists', 'AttioObjectSlug', 'AttioListSlug', 'AttioObjectTypes', 'AttioListTypes'];

/** The whole module. */
export function generateModule(opts: GenerateOptions): string {
  const { summary } = opts;
  const names = new Names(RESERVED);
  const out: string[] = [...headerLines(opts.workspace, summary, opts.generatedAt), '/* eslint-disable */', ''];
  if (opts.zod) out.push("import { z } from 'zod';", '');
  out.push(...slugConstants('AttioObjects', summary.objects.map(o => o.slug), 'The workspace\'s objects by API slug.'));
  out.push('export type AttioObjectSlug = (typeof AttioObjects)[keyof typeof AttioObjects];');
  out.push(...slugConstants('AttioLists', summary.lists.map(l => l.slug), 'The workspace\'s lists by API slug.'));
  out.push('export type AttioListSlug = (typeof AttioLists)[keyof typeof AttioLists];', '', PRELUDE.trimEnd());
  const objects = summary.objects.map(o => emitTarget(o, 'object', names, out));
  const lists = summary.lists.map(l => emitTarget(l, 'list', names, out));
  out.push('', '/** Object slug → its record, values, create and update inputs and filter. */', ...typeMap('AttioObjectTypes', summary.objects, objects, 'record'));
  out.push('/** List slug → its entry, values, create and update inputs and filter. */', ...typeMap('AttioListTypes', summary.lists, lists, 'entry'));
  if (opts.zod) out.push('', ...zodSection(summary, [...objects, ...lists].map(n => n.base)));
  return `${out.join('\n')}\n`;
}
