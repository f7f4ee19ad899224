/**
 * Export: every record of an object, or every entry of a list (filtered or not), as a table whose columns are the
 * workspace's attribute titles and whose cells are the values as the detail page renders them; then CSV or a Markdown
 * table. No `vscode`: the surface asks for the file and shows the progress.
 *
 * Requests: pages of {@link EXPORT_PAGE_SIZE} (10,000 records = 20 pages), the first alone and then
 * {@link PARALLEL_PAGES} at a time (so a large export runs near the read limit; at most PARALLEL_PAGES - 1 pages past
 * the end come back empty); the attributes once (cached); the titles of referenced records and of a list's parent
 * records once per object for the whole export; the members once (cached).
 */
import type { AttioAttribute, AttioValues, Page } from '../attio';
import { wantTitle, type WantedTitles } from './titles';
import { mdEscape } from './markdown';
import type { DataContext } from './context';
import type { RecordQuery } from './recordFilter';
import type { RecordsData } from './records';

/** Records per request: Attio's documented default (and the most the extension asks for in one page). */
export const EXPORT_PAGE_SIZE = 500;
/** Pages asked for at once after the first. */
const PARALLEL_PAGES = 4;
/** Most pages an export reads (200,000 rows): a server that never ends a listing is not followed for ever. */
const MAX_EXPORT_PAGES = 400;

export type ExportTarget = { kind: 'objects'; object: string } | { kind: 'lists'; list: string };
export type ExportFormat = 'csv' | 'markdown';

/** The words of the columns that are not attributes (the surface's language). */
export interface ExportHeadings {
  record: string;
  recordId: string;
  entryId: string;
}

export interface ExportTable {
  columns: string[];
  rows: string[][];
}

/** Called with the number of rows read so far. */
export type ExportProgress = (rowsRead: number) => void;

export class Exporter {
  constructor(private readonly ctx: DataContext, private readonly records: RecordsData) {}

  /** Reads every page and renders the rows; the signal cancels (the rejection is a cancellation). */
  async table(target: ExportTarget, query: RecordQuery | undefined, headings: ExportHeadings, opts: { signal?: AbortSignal; progress?: ExportProgress } = {}): Promise<ExportTable> {
    const client = this.ctx.client();
    const q = { ...(query?.filter ? { filter: query.filter } : {}), ...(query?.sorts ? { sorts: query.sorts } : {}) };
    const attrTarget = target.kind === 'objects' ? target.object : target.list;
    const attrs = (await this.records.attributes(target.kind, attrTarget)).filter(a => !a.is_archived);
    const progress = opts.progress ?? (() => undefined);
    if (target.kind === 'objects') {
      const records = await readAll(offset => client.queryRecords(target.object, { ...q, limit: EXPORT_PAGE_SIZE, offset }, opts.signal), progress, opts.signal);
      const cells = await this.render(records.map(r => r.values), attrs);
      return { columns: [...attrs.map(a => a.title), headings.recordId], rows: records.map((r, i) => [...cells[i], r.id.record_id]) };
    }
    const entries = await readAll(offset => client.queryEntries(target.list, { ...q, limit: EXPORT_PAGE_SIZE, offset }, opts.signal), progress, opts.signal);
    const parents: WantedTitles = new Map();
    for (const e of entries) if (!this.ctx.titles.has(e.parent_object, e.parent_record_id)) wantTitle(parents, e.parent_object, e.parent_record_id);
    await this.records.fetchTitles(parents, opts.signal);
    const cells = await this.render(entries.map(e => e.entry_values ?? {}), attrs);
    return {
      columns: [headings.record, ...attrs.map(a => a.title), headings.entryId],
      rows: entries.map((e, i) => [this.ctx.titles.get(e.parent_object, e.parent_record_id) ?? e.parent_record_id, ...cells[i], e.id.entry_id]),
    };
  }

  /** One cell per attribute per row, the values as the detail page shows them (several joined by "; "). */
  private async render(all: AttioValues[], attrs: AttioAttribute[]): Promise<string[][]> {
    const out: string[][] = [];
    for (let i = 0; i < all.length; i++) {
      // the first row resolves every reference of the export at once; the rest read the titles it cached
      const rows = await this.records.values.build(all[i], attrs, i === 0 ? all : [all[i]]);
      const bySlug = new Map(rows.map(r => [r.slug, r.texts.join('; ')]));
      out.push(attrs.map(a => bySlug.get(a.api_slug) ?? ''));
    }
    return out;
  }
}

/** Every page: the first alone, then PARALLEL_PAGES at a time until one has no more after it. */
async function readAll<T>(load: (offset: number) => Promise<Page<T>>, progress: ExportProgress, signal?: AbortSignal): Promise<T[]> {
  const first = await load(0);
  const out: T[] = [...first.items];
  progress(out.length);
  let more = first.hasMore;
  for (let next = 1; more && next < MAX_EXPORT_PAGES; next += PARALLEL_PAGES) {
    signal?.throwIfAborted();
    const count = Math.min(PARALLEL_PAGES, MAX_EXPORT_PAGES - next);
    const batch = await Promise.all(Array.from({ length: count }, (_, i) => load((next + i) * EXPORT_PAGE_SIZE)));
    for (const page of batch) {
      out.push(...page.items);
      if (!page.hasMore) {
        more = false;
        break;
      }
    }
    progress(out.length);
  }
  return out;
}

/** Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) unless neutralised. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number (e.g. `-12.5`) is data a spreadsheet reads as a number, not a formula: left as it is. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** One CSV field: a leading formula mark neutralised with `'`, quoted when it holds `"`, `,` or a line break. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV (CRLF line ends), the header row first. */
export function toCsv(table: ExportTable): string {
  return [table.columns, ...table.rows].map(r => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A GitHub-flavoured Markdown table. */
export function toMarkdownTable(table: ExportTable): string {
  const line = (cells: string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
  return [line(table.columns), `|${table.columns.map(() => ' --- |').join('')}`, ...table.rows.map(line)].join('\n') + '\n';
}
