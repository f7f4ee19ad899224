/**
 * What inert Markdown looks up more than once on one line of a note (the bracket closing a `[`, the run closing a code
 * span), computed on first use in one pass over the line, so that a line costs time in proportion to its length
 * whatever it holds: a line of 40,000 `[` once took seconds, because each `[` rescanned the rest of the line.
 * Pure: no `vscode`.
 */
export class LineIndex {
  private s = '';
  /** For each offset holding a `[` that is not escaped: the offset of its `]` (-1: none). Valid up to `s.length` when `bracketsReady`. */
  private close = new Int32Array(0);
  /** 1 where the brackets opened at that offset hold another pair. */
  private nested = new Uint8Array(0);
  /** The offsets of the `[` not closed yet, while `close` is worked out. */
  private open = new Int32Array(0);
  private bracketsReady = false;
  private closeParen?: number;
  /** Start offsets of the maximal backtick runs by length, a cursor per length, and the offsets of every `|`. */
  private ticks?: { runs: Map<number, number[]>; next: Map<number, number>; pipes: number[] };

  /** Starts on another line. The arrays are kept (and grown): the lines of a note share them. */
  reset(s: string): this {
    this.s = s;
    this.closeParen = undefined;
    this.bracketsReady = false;
    this.ticks = undefined;
    return this;
  }

  get text(): string {
    return this.s;
  }

  /** Offset of the line's last `)` (-1: none). */
  get lastCloseParen(): number {
    if (this.closeParen === undefined) this.closeParen = this.s.lastIndexOf(')');
    return this.closeParen;
  }

  /** The `]` closing the `[` at `open` (nesting counted, backslash escapes skipped), or undefined. */
  closingBracket(open: number): number | undefined {
    this.bracketPairs();
    const m = this.close[open];
    return m >= 0 ? m : undefined;
  }

  /** True when the brackets opened at `open` hold another pair (so their text is no reference label). */
  holdsBrackets(open: number): boolean {
    this.bracketPairs();
    return this.nested[open] === 1;
  }

  /** End (exclusive) of the code span whose opening run of `run` backticks ends at `k`, if it closes on this line and cannot be split by a table. */
  codeSpanEnd(k: number, run: number): number | undefined {
    const t = this.backtickRuns();
    const starts = t.runs.get(run);
    if (!starts) return undefined;
    // callers ask left to right, so each length's cursor only moves forward
    let at = t.next.get(run) ?? 0;
    while (at < starts.length && starts[at] < k) at++;
    t.next.set(run, at);
    if (at === starts.length) return undefined;
    const j = starts[at];
    const pipe = t.pipes[firstAtOrAfter(t.pipes, k)];
    return pipe !== undefined && pipe < j ? undefined : j + run;
  }

  private bracketPairs(): void {
    if (this.bracketsReady) return;
    const { s } = this;
    if (this.close.length < s.length) {
      const size = Math.max(s.length, 2 * this.close.length);
      this.close = new Int32Array(size);
      this.nested = new Uint8Array(size);
      this.open = new Int32Array(size);
    }
    const { close, nested, open } = this;
    close.fill(-1, 0, s.length);
    nested.fill(0, 0, s.length);
    let depth = 0;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === 0x5b) {
        if (depth) nested[open[depth - 1]] = 1;
        open[depth++] = j;
      } else if (c === 0x5d && depth) close[open[--depth]] = j;
    }
    this.bracketsReady = true;
  }

  private backtickRuns(): { runs: Map<number, number[]>; next: Map<number, number>; pipes: number[] } {
    if (this.ticks) return this.ticks;
    const { s } = this;
    const runs = new Map<number, number[]>();
    const pipes: number[] = [];
    for (let j = 0; j < s.length; ) {
      const c = s.charCodeAt(j);
      if (c !== 0x60) {
        if (c === 0x7c) pipes.push(j);
        j++;
        continue;
      }
      const start = j;
      while (s.charCodeAt(j) === 0x60) j++;
      const list = runs.get(j - start);
      if (list) list.push(start);
      else runs.set(j - start, [start]);
    }
    return (this.ticks = { runs, next: new Map(), pipes });
  }
}

/** Index of the first element of the ascending `sorted` that is at least `value` (`sorted.length` when none is). */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
