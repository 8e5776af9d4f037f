/**
 * Known words within one or two edits of a token, for OCR damage the confusion channel cannot
 * explain (`skillmader`, `vikgt`, `integrabionsarbete`): a symmetric-delete index (SymSpell).
 *
 * Words are indexed folded (lower-case, å/ä→a, ö→o, é→e), so an OCR that also stripped the
 * diacritics (`Mangtald` for `Mångfald`) is one edit away, not three. Each word contributes the
 * hashes of its prefix with up to two letters deleted; a query looks up the same deletes of the
 * token's prefix and verifies each hit with a bounded edit distance. Hashes in flat typed arrays
 * rather than a Map of strings: ~90 k words make ~2 M deletes, which a Map would hold in hundreds
 * of megabytes and build far slower.
 */
import { fmix32 } from '../hash.js';
import { foldDiacritics } from './model.js';

/** Deletes are taken from this many first letters only (SymSpell's prefix trick): a longer word's
 * tail adds no recall worth its deletes, and verification sees the whole word anyway. */
const PREFIX = 6;
/** log2 of the number of hash buckets. */
const BUCKET_BITS = 18;

export class EditIndex {
  /** The indexed words as given (lower-case, with diacritics). */
  private readonly words: string[];
  private readonly folded: string[];
  /** Bucket b's entries are `entries[offsets[b] .. offsets[b + 1])`. */
  private readonly offsets: Uint32Array;
  private readonly entryWord: Uint32Array;
  private readonly entryHash: Uint32Array;
  /** Each word's folded length (capped at 255). */
  private readonly lengths: Uint8Array;
  /** The last query that met each word, and the number of queries so far. */
  private readonly seen: Uint32Array;
  private query = 0;

  /** `words`: lower-case, in order of preference (near() returns equally near words in this order). */
  constructor(words: readonly string[]) {
    this.words = [...words];
    this.folded = this.words.map(foldDiacritics);
    // At most 1 + 7 + 21 deletes of a 7-letter prefix per word.
    let capacity = 0;
    for (const f of this.folded) {
      const n = Math.min(f.length, PREFIX);
      capacity += 1 + n + (n * (n - 1)) / 2;
    }
    const hashes = new Uint32Array(capacity);
    const owners = new Uint32Array(capacity);
    let count = 0;
    const deletes = new Uint32Array(1 + PREFIX + (PREFIX * (PREFIX - 1)) / 2);
    const lengths = new Uint8Array(this.folded.length);
    for (let w = 0; w < this.folded.length; w++) {
      const f = this.folded[w]!;
      lengths[w] = Math.min(f.length, 255);
      const k = prefixDeletes(f, 2, deletes);
      // A doubled letter (`kommun`) yields the same delete twice; the copy costs a few bytes,
      // removing it a quadratic loop per word, and near() meets each word once per query anyway.
      for (let a = 0; a < k; a++) {
        hashes[count] = deletes[a]!;
        owners[count++] = w;
      }
    }
    this.lengths = lengths;
    // Counting sort into buckets: O(n), no comparison sort of millions of entries.
    const buckets = 1 << BUCKET_BITS;
    const offsets = new Uint32Array(buckets + 1);
    for (let i = 0; i < count; i++) offsets[(hashes[i]! >>> (32 - BUCKET_BITS)) + 1]!++;
    for (let b = 0; b < buckets; b++) offsets[b + 1]! += offsets[b]!;
    const fill = offsets.slice(0, buckets);
    const entryWord = new Uint32Array(count);
    const entryHash = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const h = hashes[i]!;
      const at = fill[h >>> (32 - BUCKET_BITS)]!++;
      entryWord[at] = owners[i]!;
      entryHash[at] = h;
    }
    this.offsets = offsets;
    this.entryWord = entryWord;
    this.entryHash = entryHash;
    this.seen = new Uint32Array(this.words.length);
  }

  get size(): number {
    return this.words.length;
  }

  /** The indexed words whose folded form is within `maxDistance` edits (Damerau: a swap is one)
   * of the folded token, nearest first, then in the order given (most frequent first, as
   * WordKnowledge.vocabulary gives them). The token itself (folded) is not excluded. */
  near(token: string, maxDistance: 1 | 2): Array<{ word: string; distance: number }> {
    const f = foldDiacritics(token);
    const k = prefixDeletes(f, maxDistance, queryDeletes);
    // Each word once per query: a stamp per word instead of a Set of hits.
    const stamp = ++this.query;
    const out: Array<{ word: string; distance: number; rank: number }> = [];
    const length = Math.min(f.length, 255);
    letterCounts.fill(0);
    for (let i = 0; i < f.length; i++) letterCounts[f.charCodeAt(i) & 63]!++;
    for (let a = 0; a < k; a++) {
      const h = queryDeletes[a]!;
      const b = h >>> (32 - BUCKET_BITS);
      for (let i = this.offsets[b]!, end = this.offsets[b + 1]!; i < end; i++) {
        if (this.entryHash[i] !== h) continue;
        const w = this.entryWord[i]!;
        // Most hits share only a prefix (`samh…`): their length rules them out without reading
        // the word, and most of the rest share too few letters for the DP to be worth running.
        if (Math.abs(this.lengths[w]! - length) > maxDistance || this.seen[w] === stamp) continue;
        this.seen[w] = stamp;
        const g = this.folded[w]!;
        if (!sharesEnoughLetters(f, g, maxDistance)) continue;
        const d = boundedDistance(f, g, maxDistance);
        if (d <= maxDistance) out.push({ word: this.words[w]!, distance: d, rank: w });
      }
    }
    return out.sort((a, b) => a.distance - b.distance || a.rank - b.rank).map(({ word, distance }) => ({ word, distance }));
  }
}

const BASE = 0x01000193;
/** Scratch for a query's deletes. */
const queryDeletes = new Uint32Array(1 + PREFIX + (PREFIX * (PREFIX - 1)) / 2);
/** Scratch space for prefixDeletes (one thread, no re-entry). */
const prefixHash = new Int32Array(PREFIX + 1);
const power = new Int32Array(PREFIX + 1);
power[0] = 1;
for (let i = 1; i <= PREFIX; i++) power[i] = Math.imul(power[i - 1]!, BASE);

/** Polynomial hash of `s[a..b)` from the prefix hashes (mod 2³², so a deletion costs O(1)). */
const span = (a: number, b: number): number => (prefixHash[b]! - Math.imul(prefixHash[a]!, power[b - a]!)) | 0;
/** Joins the hashes of two adjacent pieces, the second `len` letters long. */
const join = (h: number, g: number, len: number): number => (Math.imul(h, power[len]!) + g) | 0;

/** The query's letters counted by code mod 64, and a working copy. */
const letterCounts = new Int16Array(64);
const letterWork = new Int16Array(64);

/**
 * A cheap lower bound first: an edit changes the letters held in common by at most one, so words
 * that share too few letters with the query (counted as a multiset) are too far without the DP.
 */
function sharesEnoughLetters(f: string, g: string, max: number): boolean {
  letterWork.set(letterCounts);
  let common = 0;
  for (let i = 0; i < g.length; i++) if (letterWork[g.charCodeAt(i) & 63]!-- > 0) common++;
  return f.length + g.length - 2 * common <= 2 * max;
}

/**
 * Writes into `out` the hashes of `s`'s first PREFIX letters with 0, 1 and (if `maxDeletes` is 2)
 * 2 letters deleted; returns how many.
 */
function prefixDeletes(s: string, maxDeletes: number, out: Uint32Array): number {
  const n = Math.min(s.length, PREFIX);
  for (let i = 0; i < n; i++) prefixHash[i + 1] = (Math.imul(prefixHash[i]!, BASE) + s.charCodeAt(i)) | 0;
  let k = 0;
  out[k++] = fmix32(prefixHash[n]!);
  for (let i = 0; i < n; i++) {
    const before = prefixHash[i]!;
    out[k++] = fmix32(join(before, span(i + 1, n), n - i - 1));
    if (maxDeletes < 2) continue;
    for (let j = i + 1; j < n; j++) out[k++] = fmix32(join(join(before, span(i + 1, j), j - i - 1), span(j + 1, n), n - j - 1));
  }
  return k;
}

/** Scratch rows for boundedDistance (grown as needed; one thread, no re-entry). */
let rows = new Int32Array(3 * 64);

/** Optimal-string-alignment distance of `a` and `b`, or `max + 1` once it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  let n = a.length;
  let m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  // A shared prefix and suffix cost nothing (the index's hits share a prefix with the token).
  let start = 0;
  while (start < n && start < m && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (n > start && m > start && a.charCodeAt(n - 1) === b.charCodeAt(m - 1)) {
    n--;
    m--;
  }
  n -= start;
  m -= start;
  if (n === 0 || m === 0) return Math.min(n + m, max + 1);
  if (rows.length < 3 * (m + 1)) rows = new Int32Array(6 * (m + 1));
  let prev2 = 0;
  let prev = m + 1;
  let cur = 2 * (m + 1);
  for (let j = 0; j <= m; j++) rows[prev + j] = j;
  for (let i = 1; i <= n; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(start + i - 1);
    const aPrev = i > 1 ? a.charCodeAt(start + i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(start + j - 1);
      let d = Math.min(rows[prev + j - 1]! + (ai === bj ? 0 : 1), rows[prev + j]! + 1, rows[cur + j - 1]! + 1);
      if (i > 1 && j > 1 && ai === b.charCodeAt(start + j - 2) && aPrev === bj) d = Math.min(d, rows[prev2 + j - 2]! + 1);
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(rows[prev + m]!, max + 1);
}
