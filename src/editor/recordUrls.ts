/**
 * Recognition of Attio record URLs in plain text (no vscode): the ground under the editor's link and hover providers.
 *
 *   https://app.attio.com/<workspace-slug>/<object>/<record-id>[/more/path][?query][#fragment]
 *
 * `<object>` is what Attio puts in a record's `web_url`: the object's singular noun (`person`, `company`), although
 * links seen in the wild also use plural slugs (`deals`) and a `record/` segment before the id
 * (`/deals/record/<id>/notes`); both are accepted. `<record-id>` is a UUID (API-FACTS §3.1).
 *
 * Trailing path segments, query and fragment belong to the link; trailing punctuation (`.,;:!?`, quotes, unbalanced
 * closing brackets, Markdown emphasis) does not. A scan is an `indexOf` of each app origin and one sticky regex at
 * each hit: text without an origin in it costs one string search and allocates nothing but the empty result.
 */
import { Defaults } from '../constants';

export interface RecordUrl {
  /** The link as written, without trailing punctuation. */
  url: string;
  workspaceSlug: string;
  /** The object segment as written (`person`, `company`, a custom object's singular, or a plural slug). */
  object: string;
  /** Lower-case UUID, as the API's `record_id`. */
  recordId: string;
}

export interface RecordUrlMatch extends RecordUrl {
  /** Offset of the first character of the link (UTF-16 code units, as `TextDocument.offsetAt`). */
  start: number;
  /** Offset just past the last character of the link. */
  end: number;
}

/** A part of the text to scan, as offsets: `[start, end)`. */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * First path segments that are followed by a UUID in Attio's web app but are not records: call recordings
 * (`/<ws>/calls/<meeting>/<recording>`, the OpenAPI document's `web_url` of a call recording) and lists
 * (`/<ws>/collection/<list-id>`, community evidence).
 */
const NOT_RECORD_OBJECTS: ReadonlySet<string> = new Set(['calls', 'collection', 'collections']);

/** Longest workspace or object slug segment recognised (Attio's slugs are far shorter). */
const MAX_SEGMENT = 128;
/** Longest path, query and fragment after the record id kept in a link; a longer tail is left out and the link ends at the id. */
const MAX_TAIL = 2048;
/** What a URL's tail may hold: anything but whitespace and characters no URL carries unescaped. */
const TAIL_CHAR = '[^\\s<>"\'`\\[\\]{}|\\\\^]';
const IS_TAIL_CHAR = new RegExp(TAIL_CHAR);

/** Characters that may precede an `https://` without making it part of a longer scheme or word (`xhttps://`). */
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

/** Trailing characters that end a sentence or wrap a link rather than belong to it. */
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', '*', '_', '~', "'", '"']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `https://App.Attio.com/` → `https://app.attio.com`; undefined for anything that is not an http(s) origin. */
function normalizeOrigin(origin: string): string | undefined {
  try {
    const u = new URL(origin.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds record URLs of one or more Attio app origins. Build one per configuration and reuse it: the constructor
 * compiles the regex, scans allocate nothing until an origin is found.
 */
export class RecordUrlScanner {
  readonly origins: readonly string[];
  /** No record URL is longer than this: a scan for the links near an offset starts at most this far before it. */
  readonly maxLinkLength: number;
  private readonly pattern: RegExp;

  /** `https://app.attio.com` is always recognised; `extraOrigins` (such as a configured app origin) are added. */
  constructor(extraOrigins: readonly string[] = []) {
    const origins = new Set<string>([Defaults.appUrl]);
    for (const o of extraOrigins) {
      const normalized = normalizeOrigin(o);
      if (normalized) origins.add(normalized);
    }
    this.origins = [...origins];
    this.maxLinkLength = Math.max(...this.origins.map(o => o.length)) + 2 * (1 + MAX_SEGMENT) + '/record/'.length + 36 + MAX_TAIL;
    const seg = `[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_SEGMENT - 1}}`;
    const hex = (n: number) => `[0-9A-Fa-f]{${n}}`;
    const uuid = `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
    this.pattern = new RegExp(
      `(?:${this.origins.map(escapeRegExp).join('|')})` +
        `/(${seg})/(${seg})/(?:record/)?(${uuid})` +
        // The id ends here: not followed by more of a word (a longer, malformed id, or `-x`).
        '(?![\\w-]*[A-Za-z0-9])' +
        // Path, query and fragment, up to MAX_TAIL characters.
        `((?:[/?#]${TAIL_CHAR}{0,${MAX_TAIL - 1}})?)`,
      'y',
    );
  }

  /**
   * Every record URL in `text`, in order. With `range`, only those that overlap it (the visible text): the scan
   * starts at the beginning of the range's first line, since a link never spans lines.
   */
  find(text: string, range?: OffsetRange): RecordUrlMatch[] {
    const to = Math.min(range?.end ?? text.length, text.length);
    let from = Math.max(range?.start ?? 0, 0);
    if (from > 0) {
      // from the start of the line, but no further back than the longest link: a long line is not scanned whole
      const window = Math.max(0, from - this.maxLinkLength);
      from = window + text.slice(window, from).lastIndexOf('\n') + 1;
    }
    const found: RecordUrlMatch[] = [];
    const { origins } = this;
    let pos = from;
    while (pos < to) {
      let at = -1;
      for (let i = 0; i < origins.length; i++) {
        const hit = text.indexOf(origins[i], pos);
        if (hit !== -1 && (at === -1 || hit < at)) at = hit;
      }
      if (at === -1 || at >= to) break;
      const hit = this.matchAt(text, at);
      if (hit && hit.link.end > (range?.start ?? 0)) found.push(hit.link);
      pos = hit ? hit.scanned : at + 1;
    }
    return found;
  }

  /** The record URL that is exactly `url` (surrounding whitespace ignored), or undefined. */
  parse(url: string): RecordUrl | undefined {
    const text = url.trim();
    const match = this.matchAt(text, 0)?.link;
    if (!match || match.end !== text.length) return undefined;
    return { url: match.url, workspaceSlug: match.workspaceSlug, object: match.object, recordId: match.recordId };
  }

  /** The record URL starting at `at`, and where the scan goes on (past a tail too long to be part of the link). */
  private matchAt(text: string, at: number): { link: RecordUrlMatch; scanned: number } | undefined {
    if (at > 0 && SCHEME_CHAR.test(text[at - 1])) return undefined;
    this.pattern.lastIndex = at;
    const m = this.pattern.exec(text);
    if (!m || NOT_RECORD_OBJECTS.has(m[2])) return undefined;
    const idEnd = at + m[0].length - m[4].length;
    // a tail longer than MAX_TAIL is no part of the link (a bounded scan, whatever follows)
    const tailCut = m[4].length === MAX_TAIL && IS_TAIL_CHAR.test(text[at + m[0].length] ?? '');
    const end = tailCut ? idEnd : trimTrailing(text, idEnd, at + m[0].length);
    const link = { start: at, end, url: text.slice(at, end), workspaceSlug: m[1], object: m[2], recordId: m[3].toLowerCase() };
    return { link, scanned: tailCut ? at + m[0].length : end };
  }
}

/**
 * End of the link once trailing punctuation is dropped from the tail `[tailStart, end)`: sentence punctuation,
 * quotes and emphasis marks, and closing brackets that have no opening partner inside the link. One count of the
 * brackets, then one step back per character dropped: linear however many `)` end the link.
 */
function trimTrailing(text: string, tailStart: number, end: number): number {
  // per bracket kind: openers minus closers inside the link
  let paren = 0;
  let square = 0;
  let curly = 0;
  for (let i = tailStart; i < end; i++) {
    switch (text.charCodeAt(i)) {
      case 0x28: paren++; break;
      case 0x29: paren--; break;
      case 0x5b: square++; break;
      case 0x5d: square--; break;
      case 0x7b: curly++; break;
      case 0x7d: curly--; break;
    }
  }
  for (; end > tailStart; end--) {
    const c = text[end - 1];
    if (TRAILING_PUNCTUATION.has(c)) continue;
    // a closing bracket without its opener in the link is not part of it
    if (c === ')' && paren < 0) paren++;
    else if (c === ']' && square < 0) square++;
    else if (c === '}' && curly < 0) curly++;
    else break;
  }
  return end;
}

const defaultScanner = new RecordUrlScanner();
let lastScanner: { key: string; scanner: RecordUrlScanner } | undefined;

/** The default scanner, or one for `appOrigins` (the last one is kept, so a caller with a fixed origin compiles once). */
function scannerFor(appOrigins: readonly string[] | undefined): RecordUrlScanner {
  if (!appOrigins?.length) return defaultScanner;
  const key = appOrigins.join('\n');
  if (lastScanner?.key !== key) lastScanner = { key, scanner: new RecordUrlScanner(appOrigins) };
  return lastScanner.scanner;
}

/** Every record URL of https://app.attio.com (and `appOrigins`) in `text`, or only those overlapping `range`. */
export function findRecordUrls(text: string, options: { appOrigins?: readonly string[]; range?: OffsetRange } = {}): RecordUrlMatch[] {
  return scannerFor(options.appOrigins).find(text, options.range);
}

/** The record URL that `url` is, or undefined (a near miss, another host, not a record). */
export function parseRecordUrl(url: string, options: { appOrigins?: readonly string[] } = {}): RecordUrl | undefined {
  return scannerFor(options.appOrigins).parse(url);
}
