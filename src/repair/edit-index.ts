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
/** Numbers per entry (see EditIndex.entries); word indices fit in the low 24 bits of the second. */
const ENTRY = 3;
const WORD_LIMIT = 1 << 24;
const WORD_MASK = WORD_LIMIT - 1;
/** log2 of the number of hash buckets. */
const BUCKET_BITS = 18;

export class EditIndex {
  /** The indexed words as given (lower-case, with diacritics). */
  private readonly words: string[];
  private readonly folded: string[];
  /** Bucket b's entries are `entries[offsets[b] .. offsets[b + 1])`. */
  private readonly offsets: Uint32Array;
  /** Entry i is `entries[3i]`, its delete's hash, `entries[3i + 1]`, its word's index and (in the
   * top 8 bits) folded length, and `entries[3i + 2]`, the word's letterSet: a bucket is read front
   * to back from one array, where arrays by entry and by word cost a cache miss each. */
  private readonly entries: Uint32Array;
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
    for (let w = 0; w < this.folded.length; w++) lengths[w] = Math.min(this.folded[w]!.length, 255);
    // Which letters each folded word holds (bit `code & 31`): a cheaper bound than sharesEnoughLetters.
    const letterSets = new Uint32Array(this.folded.length);
    for (let w = 0; w < this.folded.length; w++) letterSets[w] = letterSet(this.folded[w]!);
    // Entries are made shortest word first, and the bucket sort below is stable: within a bucket
    // they stay in order of length, so a query reads only the stretch of lengths it can match
    // (the words of a common prefix, `forsor…`, fill a bucket with all their lengths).
    for (const w of byLength(lengths)) {
      const f = this.folded[w]!;
      const k = prefixDeletes(f, 2, deletes);
      // A doubled letter (`kommun`) yields the same delete twice; the copy costs a few bytes,
      // removing it a quadratic loop per word, and near() meets each word once per query anyway.
      for (let a = 0; a < k; a++) {
        hashes[count] = deletes[a]!;
        owners[count++] = w;
      }
    }
    // Counting sort into buckets: O(n), no comparison sort of millions of entries.
    const buckets = 1 << BUCKET_BITS;
    const offsets = new Uint32Array(buckets + 1);
    for (let i = 0; i < count; i++) offsets[(hashes[i]! >>> (32 - BUCKET_BITS)) + 1]!++;
    for (let b = 0; b < buckets; b++) offsets[b + 1]! += offsets[b]!;
    const fill = offsets.slice(0, buckets);
    if (this.words.length >= WORD_LIMIT) throw new RangeError(`an edit index holds at most ${WORD_LIMIT - 1} words`);
    const entries = new Uint32Array(ENTRY * count);
    for (let i = 0; i < count; i++) {
      const h = hashes[i]!;
      const at = fill[h >>> (32 - BUCKET_BITS)]!++;
      const w = owners[i]!;
      entries[ENTRY * at] = h;
      entries[ENTRY * at + 1] = (w | (lengths[w]! << 24)) >>> 0;
      entries[ENTRY * at + 2] = letterSets[w]!;
    }
    this.offsets = offsets;
    this.entries = entries;
    this.seen = new Uint32Array(this.words.length);
  }

  /** The first entry in `[start, end)` (ordered by length) whose word is at least `min` long. */
  private firstOfLength(start: number, end: number, min: number): number {
    let lo = start;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[ENTRY * mid + 1]! >>> 24 < min) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
    const letters = letterSet(f);
    letterCounts.fill(0);
    for (let i = 0; i < f.length; i++) letterCounts[f.charCodeAt(i) & 63]!++;
    for (let a = 0; a < k; a++) {
      const h = queryDeletes[a]!;
      const b = h >>> (32 - BUCKET_BITS);
      const end = this.offsets[b + 1]!;
      // Most hits share only a prefix (`samh…`): the bucket's entries are in order of length, so
      // those too short are skipped by a binary search and those too long end the scan.
      for (let i = this.firstOfLength(this.offsets[b]!, end, length - maxDistance); i < end; i++) {
        const e = ENTRY * i;
        const entry = this.entries[e + 1]!;
        if (entry >>> 24 > length + maxDistance) break;
        if (this.entries[e] !== h) continue;
        // A letter one word has and the other lacks takes an edit (one substitution can mend one
        // such letter on each side): more such letters than edits allowed rule the word out (at
        // each of its entries alike, so before the word's stamp is looked at).
        const other = this.entries[e + 2]!;
        if (popcount(letters & ~other) > maxDistance || popcount(other & ~letters) > maxDistance) continue;
        const w = entry & WORD_MASK;
        if (this.seen[w] === stamp) continue;
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

/** The set of a word's letters as bits (`code & 31`; letters that share a bit count as one). */
function letterSet(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) bits |= 1 << (s.charCodeAt(i) & 31);
  return bits >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** The query's letters counted by code mod 64. */
const letterCounts = new Int16Array(64);

/**
 * A cheap lower bound first: an edit changes the letters held in common by at most one, so words
 * that share too few letters with the query (counted as a multiset) are too far without the DP.
 */
function sharesEnoughLetters(f: string, g: string, max: number): boolean {
  let common = 0;
  for (let i = 0; i < g.length; i++) if (letterCounts[g.charCodeAt(i) & 63]!-- > 0) common++;
  // Put the query's counts back (cheaper than copying all 64 for every word).
  for (let i = 0; i < g.length; i++) letterCounts[g.charCodeAt(i) & 63]!++;
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

/** Word indices ordered by length, shortest first, in given order among equals (a counting sort). */
function byLength(lengths: Uint8Array): Uint32Array {
  const starts = new Uint32Array(257);
  for (const n of lengths) starts[n + 1]!++;
  for (let n = 0; n < 256; n++) starts[n + 1]! += starts[n]!;
  const order = new Uint32Array(lengths.length);
  for (let w = 0; w < lengths.length; w++) order[starts[lengths[w]!]!++] = w;
  return order;
}

/** Scratch rows for boundedDistance (grown as needed; one thread, no re-entry). */
let rows = new Int32Array(3 * 64);

/**
 * Optimal-string-alignment distance of `a` and `b`, or `max + 1` once it must exceed `max`. Only
 * the diagonal band |i − j| ≤ max of the table is computed: a cell outside it costs more than
 * `max` anyway (Ukkonen), and the band is 2·max + 1 cells wide where a row is a whole word.
 */
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
  const far = max + 1;
  if (rows.length < 3 * (m + 1)) rows = new Int32Array(6 * (m + 1));
  let prev2 = 0;
  let prev = m + 1;
  let cur = 2 * (m + 1);
  for (let j = 0; j <= m; j++) rows[prev + j] = j <= max ? j : far;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    // The cells just outside the band are read by this row and the next: "too far".
    rows[cur] = i <= max ? i : far;
    if (lo > 1) rows[cur + lo - 1] = far;
    if (hi < m) rows[cur + hi + 1] = far;
    let rowMin = far;
    const ai = a.charCodeAt(start + i - 1);
    const aPrev = i > 1 ? a.charCodeAt(start + i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(start + j - 1);
      let d = Math.min(rows[prev + j - 1]! + (ai === bj ? 0 : 1), rows[prev + j]! + 1, rows[cur + j - 1]! + 1);
      if (i > 1 && j > 1 && ai === b.charCodeAt(start + j - 2) && aPrev === bj) d = Math.min(d, rows[prev2 + j - 2]! + 1);
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return far;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(rows[prev + m]!, far);
}
