import { countWork } from '../work.js';

/**
 * The key hash shared by the lexicon's build script (scripts/build-lexicon.ts imports it) and its
 * lookup tables: FNV-1a over UTF-16 code units. A test checks that the shipped filter holds every
 * shipped form.
 */
export function hashKey(key: string, start = 0, end = key.length): number {
  countWork(end - start);
  let h = FNV_OFFSET;
  for (let j = start; j < end; j++) h = fnvStep(h, key.charCodeAt(j));
  return h >>> 0;
}

/** The FNV-1a hash of the empty key. */
export const FNV_OFFSET = 0x811c9dc5;

/** One FNV-1a step: from the hash of a key to the hash of the key one code unit longer, so the
 * hashes of all prefixes of a word cost one step each (`>>> 0` of the result is hashKey's value). */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** A one-hash bitset filter: `mayHave` is false only for keys certainly not in the set. Bytes, not
 * words, so the shipped file reads the same on any endianness. Bit b is bit (b & 7) of byte b >> 3. */
export class KeyFilter {
  readonly bytes: Uint8Array;
  private readonly mask: number;

  constructor(bytes: Uint8Array) {
    if (bytes.length === 0 || (bytes.length & (bytes.length - 1)) !== 0) throw new Error('filter size must be a power of two');
    this.bytes = bytes;
    this.mask = bytes.length * 8 - 1;
  }

  static forKeys(count: number, bitsPerKey = 16): KeyFilter {
    let n = 64;
    while (n * 8 < count * bitsPerKey) n *= 2;
    return new KeyFilter(new Uint8Array(n));
  }

  /** A filter with the same bits (adding to either leaves the other as it is). */
  copy(): KeyFilter {
    return new KeyFilter(this.bytes.slice());
  }

  addHash(h: number): void {
    const b = h & this.mask;
    this.bytes[b >>> 3] = (this.bytes[b >>> 3] ?? 0) | (1 << (b & 7));
  }

  mayHave(key: string): boolean {
    return this.mayHaveHash(hashKey(key));
  }

  /** mayHave for a key given by its hash (hashKey, or fnvStep steps). */
  mayHaveHash(h: number): boolean {
    const b = h & this.mask;
    return ((this.bytes[b >>> 3] ?? 0) & (1 << (b & 7))) !== 0;
  }
}
