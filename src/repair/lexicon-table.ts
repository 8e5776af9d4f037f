/**
 * A read-only lookup table over a text of `key<TAB>value` lines, searched in place: the
 * frequency tables (95 k unigrams, 280 k bigrams). Indexing the line starts into a Uint32Array and
 * the keys' hashes into an open-addressing Int32Array costs a few ms where a Map of the keys would
 * cost ~100 ms; a lookup is one hash and (nearly always) one key comparison, where a binary search
 * compared ~18 keys (the repair's first pass makes ~100 k lookups).
 * Keys must be distinct (the shipped tables are also sorted; lookups do not rely on that).
 */
import { hashKey } from './lexicon-hash.js';

export class SortedTable {
  private readonly text: string;
  private readonly starts: Uint32Array;
  /** Hash slot → line index + 1 in the low `lineBits` bits (0: empty), the key hash's top bits
   * above them (a tag: a probe passes a slot of another key without reading its line); linear
   * probing. */
  private readonly slots: Int32Array;
  private readonly lineBits: number;
  private readonly tagShift: number;

  constructor(text: string) {
    this.text = text;
    let n = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
    if (text.length > 0 && !text.endsWith('\n')) n++;
    const starts = new Uint32Array(n + 1);
    let k = 0;
    let pos = 0;
    while (k < n) {
      starts[k++] = pos;
      const nl = text.indexOf('\n', pos);
      pos = nl === -1 ? text.length + 1 : nl + 1;
    }
    starts[n] = pos; // sentinel: one past the last line's newline
    this.starts = starts;
    let size = 16;
    while (size < 2 * n) size *= 2;
    this.slots = new Int32Array(size);
    this.lineBits = 32 - Math.clz32(n + 1);
    // The tag: the hash's top bits that fit beside the line number in a positive Int32 (none for a
    // table of 2^30 lines or more; then every probe reads its line, as without tags).
    this.tagShift = this.lineBits >= 31 ? 32 : 32 - (31 - this.lineBits);
    for (let i = 0; i < n; i++) {
      const start = starts[i]!;
      const end = starts[i + 1]! - 1;
      const tab = text.indexOf('\t', start);
      const h = hashKey(text, start, tab === -1 || tab >= end ? Math.min(end, text.length) : tab);
      let slot = h & (size - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.slots[slot] = (i + 1) | (this.tagOf(h) << this.lineBits);
    }
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** Compares `key` with the key of line `i` (the part before TAB or end of line). */
  private compare(key: string, i: number): number {
    const t = this.text;
    let p = this.starts[i] ?? 0;
    for (let j = 0; ; j++, p++) {
      const c = p < t.length ? t.charCodeAt(p) : 10;
      const lineEnded = c === 9 || c === 10;
      if (j === key.length) return lineEnded ? 0 : -1;
      if (lineEnded) return 1;
      const d = key.charCodeAt(j) - c;
      if (d !== 0) return d;
    }
  }

  /** The tag of a key by its hash (0 when the table has no room for tags). */
  private tagOf(h: number): number {
    return this.tagShift >= 32 ? 0 : h >>> this.tagShift;
  }

  /** Line index of `key`, or -1. */
  indexOf(key: string): number {
    const mask = this.slots.length - 1;
    const h = hashKey(key);
    const tag = this.tagOf(h);
    const lineBits = this.lineBits;
    const lineMask = lineBits >= 31 ? 0x7fffffff : (1 << lineBits) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = this.slots[slot]!;
      if (v === 0) return -1;
      if (v >>> lineBits === tag && this.compare(key, (v & lineMask) - 1) === 0) return (v & lineMask) - 1;
    }
  }

  /** The value text of line `i` (after the TAB; '' when the line has none). */
  valueAt(i: number): string {
    const start = this.starts[i] ?? 0;
    const end = (this.starts[i + 1] ?? start + 1) - 1;
    const tab = this.text.indexOf('\t', start);
    return tab === -1 || tab >= end ? '' : this.text.slice(tab + 1, end);
  }

  keyAt(i: number): string {
    const start = this.starts[i] ?? 0;
    const end = (this.starts[i + 1] ?? start + 1) - 1;
    const tab = this.text.indexOf('\t', start);
    return this.text.slice(start, tab === -1 || tab >= end ? end : tab);
  }

  /** The value of `key` as a number (0 when absent or not numeric). */
  number(key: string, radix = 10): number {
    const i = this.indexOf(key);
    if (i < 0) return 0;
    if (radix === 10) {
      // The counts' digits read in place (what parseInt reads: the digits up to the first other
      // character), without a copy of the value; any other start is left to parseInt.
      const t = this.text;
      const end = this.starts[i + 1]! - 1;
      let p = t.indexOf('\t', this.starts[i]!) + 1;
      if (p > 0 && p < end) {
        let c = t.charCodeAt(p);
        if (c >= 48 && c <= 57) {
          let v = 0;
          for (; p < end && c >= 48 && c <= 57; c = t.charCodeAt(++p)) v = v * 10 + (c - 48);
          if (Number.isSafeInteger(v)) return v;
        }
      }
    }
    const v = Number.parseInt(this.valueAt(i), radix);
    return Number.isFinite(v) ? v : 0;
  }
}
