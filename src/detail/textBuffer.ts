/**
 * A string written a character or a piece at a time, as UTF-16 code units in a fixed buffer that becomes a string
 * every few thousand units: a line of a million escaped characters costs a million array writes, not a million
 * string pieces for the garbage collector. Pure: no `vscode`.
 */
const UTF16 = new TextDecoder('utf-16le');

export class TextBuffer {
  private readonly units = new Uint16Array(8192);
  private used = 0;
  /** True when `units` holds a surrogate: decoding would replace a lone one, so such a buffer is copied instead. */
  private surrogates = false;
  private readonly done: string[] = [];

  /** Appends one UTF-16 code unit. */
  unit(code: number): void {
    if (this.used === this.units.length) this.flush();
    if ((code & 0xf800) === 0xd800) this.surrogates = true;
    this.units[this.used++] = code;
  }

  /** Appends `text[from, to)` (all of `text` by default). */
  add(text: string, from = 0, to = text.length): void {
    if (to - from > 256) {
      // a long piece is kept as a string (a slice shares the text's memory)
      this.flush();
      this.done.push(from === 0 && to === text.length ? text : text.slice(from, to));
      return;
    }
    for (let i = from; i < to; i++) this.unit(text.charCodeAt(i));
  }

  /** Everything appended since the last `take`, as one string; the buffer starts empty again. */
  take(): string {
    this.flush();
    const text = this.done.length === 1 ? this.done[0] : this.done.join('');
    this.done.length = 0;
    return text;
  }

  private flush(): void {
    if (!this.used) return;
    const units = this.units.subarray(0, this.used);
    // decoding is several times faster than fromCharCode, but it would turn a lone surrogate (or half of a pair cut
    // at the buffer's end) into U+FFFD
    this.done.push(this.surrogates ? String.fromCharCode.apply(null, units as unknown as number[]) : UTF16.decode(units));
    this.used = 0;
    this.surrogates = false;
  }
}
