/**
 * The word-form table: ~830 k sorted forms, front-coded, searched without building a string per form.
 *
 * File format (sv-forms.fc.txt.gz, Latin-1, made by scripts/build-lexicon.ts): one entry a line,
 * `<p><m><suffix>` where <p> is the length of the prefix shared with the previous form as the
 * character U+0030 + length, <m> the form's role bits as the character U+0030 + bits, and <suffix>
 * the rest of the form. At least every BLOCK-th entry has p = 0 (a full form), so a lookup binary-searches those
 * block heads and then walks one block. Loading is a gunzip, one UTF-8 decode and a scan for the
 * heads (~40 ms for 830 k forms); a Map of the forms would take ~0.8 s to build.
 */
import { hashKey, KeyFilter } from './lexicon-hash.js';

const ZERO = 48; // '0': prefix length 0

/** The slot of a string's first two code units (the second 0 when it has one), or -1 when one is
 * beyond Latin-1 (the table's text is Latin-1; such keys search all heads). */
function prefixSlot(s: string): number {
  const c0 = s.charCodeAt(0);
  const c1 = s.length > 1 ? s.charCodeAt(1) : 0;
  return c0 < 256 && c1 < 256 ? c0 * 256 + c1 : -1;
}

export class FrontCodedTable {
  private readonly text: string;
  private readonly heads: string[] = [];
  private readonly headAt: number[] = [];
  private readonly filter: KeyFilter | undefined;

  private readonly extra: ReadonlyMap<string, number>;
  /**
   * `firstHead[c0 * 256 + c1]`: the first block head whose first two code units are (c0, c1) or
   * greater (c1 = 0 for a one-letter head; Latin-1 keys only). A lookup binary-searches only the
   * heads of its own two-letter prefix (a few hundred at most, not 26 k): string comparisons of the
   * heads were half the cost of finding a listed word.
   */
  private readonly firstHead = new Int32Array(256 * 256 + 1);

  /** `text` is the decoded file; `extra` holds forms kept outside it (the non-Latin-1 ones). */
  constructor(text: string, filter?: KeyFilter, extra: ReadonlyMap<string, number> = new Map()) {
    this.text = text;
    this.filter = filter;
    this.extra = extra;
    // Block heads are lines starting with '0' (shared prefix 0): found by a native search.
    for (let p = 0; p < text.length; ) {
      if (text.charCodeAt(p) === ZERO) {
        const nl = text.indexOf('\n', p);
        const end = nl === -1 ? text.length : nl;
        this.heads.push(text.slice(p + 2, end));
        this.headAt.push(p);
      }
      const next = text.indexOf('\n0', p);
      if (next === -1) break;
      p = next + 1;
    }
    // Heads are sorted, so their two-letter prefixes are too: fill each slot with the first head
    // at or after it (a sweep over 65 k slots and the heads once).
    let h = 0;
    for (let slot = 0; slot <= 256 * 256; slot++) {
      while (h < this.heads.length && prefixSlot(this.heads[h]!) < slot) h++;
      this.firstHead[slot] = h;
    }
  }

  /** The role bits of `key` (> 0), or 0 when the form is not listed. */
  mask(key: string): number {
    return this.filter ? this.maskHashed(key, hashKey(key)) : this.maskHashed(key, 0);
  }

  /** mask(key) for a key whose hashKey the caller has (`hash`; ignored without a filter). */
  maskHashed(key: string, hash: number): number {
    if (this.filter && !this.filter.mayHaveHash(hash)) return 0;
    if (this.extra.size > 0) {
      const m = this.extra.get(key);
      if (m !== undefined) return m;
    }
    // Last head <= key: among the heads of the key's two-letter prefix, or else the last head
    // before them.
    const heads = this.heads;
    let lo = 0;
    let hi = heads.length - 1;
    const slot = prefixSlot(key);
    if (slot >= 0) {
      lo = this.firstHead[slot]!;
      hi = this.firstHead[slot + 1]! - 1;
    }
    let block = lo - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = heads[mid] ?? '';
      if (h <= key) {
        block = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (block < 0) return 0;
    const t = this.text;
    let p = this.headAt[block] ?? 0;
    let matched = 0; // chars of `key` equal to the current form's first chars (current < key)
    const klen = key.length;
    while (p < t.length) {
      const pl = t.charCodeAt(p) - ZERO;
      const m = t.charCodeAt(p + 1);
      let q = p + 2;
      if (pl < matched) return 0; // differs earlier than the previous form, and upwards: past the key
      if (pl === matched) {
        // Compare the suffix with key[matched..].
        let j = matched;
        for (;;) {
          const c = t.charCodeAt(q);
          const ended = q >= t.length || c === 10;
          if (j === klen) {
            if (ended) return m - ZERO; // found
            return 0; // the form is longer than the key: past it
          }
          if (ended) break; // the form is a prefix of the key: still below it
          const d = key.charCodeAt(j) - c;
          if (d < 0) return 0; // form > key
          if (d > 0) break; // form < key
          j++;
          q++;
        }
        matched = j;
      }
      // pl > matched: shares more with the previous form, so it is still below the key; skip it.
      const nl = t.indexOf('\n', q);
      if (nl === -1) return 0;
      p = nl + 1;
    }
    return 0;
  }

  /** All forms, decoded (tests and tools; slow). */
  *entries(): Generator<[string, number]> {
    let prev = '';
    const t = this.text;
    for (let p = 0; p < t.length; ) {
      const nl = t.indexOf('\n', p);
      const end = nl === -1 ? t.length : nl;
      const pl = t.charCodeAt(p) - ZERO;
      const m = t.charCodeAt(p + 1);
      prev = prev.slice(0, pl) + t.slice(p + 2, end);
      yield [prev, m - ZERO];
      p = end + 1;
    }
  }
}
