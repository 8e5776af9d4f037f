/**
 * Candidate generation from the noisy channel: every way of reading the OCR token back through the
 * learned confusions, cheapest first. A beam search over positions, because one token may hold
 * several confusions (`Ostergdtland` = O→Ö and d→ö) and a chunk may span characters (`ii`→`ä`).
 */
import { memoByObject } from '../memo.js';
import type { Alternative, ChannelTable } from './model.js';

export interface Reading {
  text: string;
  /** −log P(ocr token | text) under the channel. */
  cost: number;
}

/**
 * The partial readings of a search, as the columns of one arena kept between searches (grown as
 * needed): partial `k` reads the token so far as its `prev` partial's text and then `piece`, at
 * channel cost `cost` (−log P(ocr | text)) and search cost `search` (−log P(text | ocr), which
 * orders the beam), its last two letters `t1`, `t2` as lower-case char codes (`^` before the
 * first) for the trigram test. A search builds thousands of them: as objects with their text
 * they were a fifth of all a first pass allocated; a text is spelled out only for the readings
 * returned.
 */
let arenaSize = 4096;
let pCost = new Float64Array(arenaSize);
let pSearch = new Float64Array(arenaSize);
let pT1 = new Int32Array(arenaSize);
let pT2 = new Int32Array(arenaSize);
let pPrev = new Int32Array(arenaSize);
const pPiece: string[] = new Array<string>(arenaSize).fill('');
/** Partials in the arena in this search. */
let partials = 0;

function growArena(): void {
  const size = arenaSize * 2;
  const grown = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
    const b = make(size);
    b.set(a);
    return b;
  };
  pCost = grown(pCost, (k) => new Float64Array(k));
  pSearch = grown(pSearch, (k) => new Float64Array(k));
  pT1 = grown(pT1, (k) => new Int32Array(k));
  pT2 = grown(pT2, (k) => new Int32Array(k));
  pPrev = grown(pPrev, (k) => new Int32Array(k));
  for (let k = arenaSize; k < size; k++) pPiece.push('');
  arenaSize = size;
}

/** A new partial: its index in the arena. */
function partial(prev: number, piece: string, cost: number, search: number, t1: number, t2: number): number {
  if (partials === arenaSize) growArena();
  const k = partials++;
  pPrev[k] = prev;
  pPiece[k] = piece;
  pCost[k] = cost;
  pSearch[k] = search;
  pT1[k] = t1;
  pT2[k] = t2;
  return k;
}

/** The pieces of one partial's text, first to last (kept between calls). */
const chain: string[] = [];

/** The text partial `k` reads. */
function textOf(k: number): string {
  let count = 0;
  for (let j = k; j >= 0; j = pPrev[j]!) count++;
  chain.length = count;
  for (let j = k; j >= 0; j = pPrev[j]!) chain[--count] = pPiece[j]!;
  return chain.join('');
}

/** Whether partial `k` reads `ocr` as it stands (compared piece by piece from the end). */
function reads(k: number, ocr: string): boolean {
  let end = ocr.length;
  for (; k >= 0; k = pPrev[k]!) {
    const piece = pPiece[k]!;
    if (piece.length > end || !ocr.startsWith(piece, end - piece.length)) return false;
    end -= piece.length;
  }
  return end === 0;
}

/**
 * A set of letter trigrams (`^ab`, `abc`, `bc$`) as a bit array over the small alphabet its
 * trigrams use (~60 code units): a lookup is three array reads, where a Set of numeric keys costs a
 * hash of a 48-bit double. The beam search asks it ~5 million times on a first pass over 85 texts.
 */
export class TrigramSet {
  /** Code unit → 1 + its place in the alphabet; 0 for a code unit no trigram has. */
  private readonly code = new Uint16Array(65536);
  private readonly side: number;
  private readonly bits: Uint8Array;
  /** Number of trigrams (0: no filter). */
  readonly size: number;

  constructor(trigrams: Iterable<string>) {
    const list = [...trigrams].filter((t) => t.length === 3);
    let letters = 0;
    for (const t of list) for (let i = 0; i < 3; i++) if (this.code[t.charCodeAt(i)] === 0) this.code[t.charCodeAt(i)] = ++letters;
    this.side = letters + 1;
    this.bits = new Uint8Array(Math.ceil(this.side ** 3 / 8));
    for (const t of list) {
      const k = this.key(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2));
      this.bits[k >>> 3]! |= 1 << (k & 7);
    }
    this.size = list.length;
  }

  private key(a: number, b: number, c: number): number {
    return (this.code[a]! * this.side + this.code[b]!) * this.side + this.code[c]!;
  }

  /** Whether the trigram of the three code units is in the set. */
  has(a: number, b: number, c: number): boolean {
    const ca = this.code[a]!;
    const cb = this.code[b]!;
    const cc = this.code[c]!;
    if (ca === 0 || cb === 0 || cc === 0) return false;
    const k = (ca * this.side + cb) * this.side + cc;
    return (this.bits[k >>> 3]! & (1 << (k & 7))) !== 0;
  }
}

const CARET = 94; // '^'
const DOLLAR = 36; // '$'

/**
 * How Swedish words begin and end: the model's 4-grams at word edges (`^kom`, `ing$`), kept as two
 * trigram bit arrays (the letters after `^`, the letters before `$`), so a test builds no string.
 */
export class WordEdges {
  private readonly starts: TrigramSet;
  private readonly ends: TrigramSet;
  /** A model without edge 4-grams (older ones) lets every word through. */
  private readonly enabled: boolean;

  constructor(grams: Set<string>) {
    this.enabled = grams.has('^och');
    const starts: string[] = [];
    const ends: string[] = [];
    for (const g of grams) {
      if (g.length !== 4) continue;
      if (g[0] === '^') starts.push(g.slice(1));
      if (g[3] === '$') ends.push(g.slice(0, 3));
    }
    this.starts = new TrigramSet(starts);
    this.ends = new TrigramSet(ends);
  }

  /** Whether a (lower-case) word begins and ends as Swedish words do; words under 3 letters pass. */
  plausible(lowerWord: string): boolean {
    const n = lowerWord.length;
    if (n < 3 || !this.enabled) return true;
    const w = lowerWord;
    return this.starts.has(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)) && this.ends.has(w.charCodeAt(n - 3), w.charCodeAt(n - 2), w.charCodeAt(n - 1));
  }
}

/**
 * The `limit` most likely readings of `ocr` (by P(text | ocr)) whose search cost stays within
 * `maxCost` of the token read as itself; each carries its channel cost for scoring. `trigrams`
 * prunes readings Swedish spelling rules out.
 */
export function readings(
  ocr: string,
  table: ChannelTable,
  options: { beam?: number; limit?: number; maxCost?: number; maxStep?: number; trigrams?: TrigramSet } = {},
): Reading[] {
  // The defaults serve other callers (tests, experiments): repair passes the budgets of the model's
  // `search` settings (dictionaries/repair-settings.json) for each of them.
  const beam = options.beam ?? 48;
  // A single confusion rarer than this is not worth a branch of the search.
  const maxStep = options.maxStep ?? 8;
  const n = ocr.length;
  // Prune a partial reading as soon as it writes a letter trigram Swedish never has: exact with
  // respect to the final plausibility test, and it keeps the beam for readings that can be words.
  const tri = options.trigrams && options.trigrams.size ? options.trigrams : undefined;
  const extend = (into: Bucket, s: number, piece: string, lowerPiece: string, cost: number, search: number): void => {
    const total = pSearch[s]! + search;
    if (total >= into.cutoff) return;
    let t1 = pT1[s]!;
    let t2 = pT2[s]!;
    if (tri) {
      for (let i = 0; i < lowerPiece.length; i++) {
        const c = lowerPiece.charCodeAt(i);
        if (t1 >= 0 && !tri.has(t1, t2, c)) return;
        t1 = t2;
        t2 = c;
      }
    }
    into.add(partial(s, piece, pCost[s]! + cost, total, t1, t2));
  };
  const chunks = chunkTreeOf(table.byOcr);
  // Every position but the last keeps only its `beam` best partial readings; the last keeps all.
  const buckets: Bucket[] = Array.from({ length: n + 1 }, (_, pos) => new Bucket(pos < n ? beam : Infinity));
  partials = 0;
  buckets[0]!.add(partial(-1, '', 0, 0, -1, CARET));
  for (let pos = 0; pos < n; pos++) {
    const bucket = buckets[pos]!.best();
    if (bucket.length === 0) continue;
    const c = ocr[pos]!;
    const lc = c.toLowerCase();
    const keep = table.keepCost(c);
    const keepSearch = table.keepSearch(c);
    const next = buckets[pos + 1]!;
    for (const s of bucket) extend(next, s, c, lc, keep, keepSearch);
    // The chunks starting here, shortest first: a walk down the tree of the table's chunks.
    let node = chunks.get(ocr.charCodeAt(pos));
    for (let len = 1; node && len <= table.maxChunk && pos + len <= n; len++) {
      const alternatives = node.alternatives;
      if (alternatives) {
        const target = buckets[pos + len]!;
        for (const alt of alternatives) {
          if (alt.search > maxStep) break; // sorted by search cost
          for (const s of bucket) extend(target, s, alt.truth, alt.lower, alt.cost, alt.search);
        }
      }
      node = pos + len < n ? node.next?.get(ocr.charCodeAt(pos + len)) : undefined;
    }
    buckets[pos]!.clear();
  }
  const done = buckets[n]!.best();
  sortBySearch(done);
  const seen = new Set<string>();
  const out: Reading[] = [];
  const limit = options.limit ?? 64;
  let base = 0;
  for (const s of done) {
    if (reads(s, ocr)) {
      base = pSearch[s]!;
      break;
    }
  }
  const maxCost = base + (options.maxCost ?? 14);
  for (const s of done) {
    if (pSearch[s]! > maxCost || out.length >= limit) break;
    if (tri && pT1[s]! >= 0 && !tri.has(pT1[s]!, pT2[s]!, DOLLAR)) continue;
    const text = textOf(s);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, cost: pCost[s]! });
  }
  return out;
}

/** A node of the tree of a channel's OCR chunks (by code unit): the alternatives of the chunk
 * that ends here, and the nodes of the chunks that go on. */
interface ChunkNode {
  alternatives: readonly Alternative[] | undefined;
  next: Map<number, ChunkNode> | undefined;
}

/** The tree of the OCR chunks of `byOcr` (the empty chunk left out), from its first code units:
 * the search finds the chunks at a position by walking the token, not by a slice and a lookup for
 * every length. */
const chunkTreeOf = memoByObject((byOcr: ReadonlyMap<string, readonly Alternative[]>): Map<number, ChunkNode> => {
  const root = new Map<number, ChunkNode>();
  for (const [chunk, alternatives] of byOcr) {
    let level = root;
    let node: ChunkNode | undefined;
    for (let k = 0; k < chunk.length; k++) {
      const c = chunk.charCodeAt(k);
      node = level.get(c);
      if (!node) level.set(c, (node = { alternatives: undefined, next: undefined }));
      if (k < chunk.length - 1) level = node.next ??= new Map();
    }
    if (node) node.alternatives = alternatives;
  }
  return root;
});

/**
 * The partial readings that reach one position, of which only the `beam` best (by search cost,
 * earlier arrivals first among equals, as a stable sort orders them) go on. Until more than `beam`
 * have arrived they are kept in arrival order (as the search has always visited them); from then on
 * the bucket holds the `beam` best in order, and an arrival no cheaper than the worst of them
 * (`cutoff`) could never make it in, so it is not even built. The same partials in the same order
 * as sorting everything once, without building the many that would be cut.
 */
class Bucket {
  /** Partials (arena indices). */
  private items: number[] = [];
  /** Sorted and holding exactly `beam` partials (more than `beam` have arrived). */
  private full = false;
  /** Partials costing this much or more are refused. */
  cutoff = Infinity;

  constructor(private readonly beam: number) {}

  add(p: number): void {
    const items = this.items;
    if (!this.full) {
      items.push(p);
      if (items.length > this.beam) {
        sortBySearch(items);
        items.length = this.beam;
        this.full = true;
        this.cutoff = pSearch[items[this.beam - 1]!]!;
      }
      return;
    }
    // p's search < cutoff: it goes after every partial no dearer than it, and the worst one leaves.
    const search = pSearch[p]!;
    let lo = 0;
    let hi = this.beam - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pSearch[items[mid]!]! <= search) lo = mid + 1;
      else hi = mid;
    }
    for (let k = this.beam - 1; k > lo; k--) items[k] = items[k - 1]!;
    items[lo] = p;
    this.cutoff = pSearch[items[this.beam - 1]!]!;
  }

  /** The partials that go on: in arrival order if no more than `beam` came, else the best, cheapest first. */
  best(): number[] {
    return this.items;
  }

  clear(): void {
    this.items = [];
  }
}

/** Scratch space of sortBySearch's merges (grown as needed, never shrunk). */
let mergeScratch: number[] = [];

/**
 * Sorts partials by search cost, equal costs keeping their order: the stable order Array#sort gives,
 * without the work arrays it allocates on every call (a first pass sorts ~10 k small arrays).
 * Insertion sort for short runs, then bottom-up merges through one reused scratch array.
 */
function sortBySearch(items: number[]): void {
  const n = items.length;
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const p = items[i]!;
      let j = i - 1;
      while (j >= lo && pSearch[items[j]!]! > pSearch[p]!) {
        items[j + 1] = items[j]!;
        j--;
      }
      items[j + 1] = p;
    }
  }
  if (n <= RUN) return;
  if (mergeScratch.length < n) mergeScratch = new Array<number>(n).fill(0);
  let from = items;
  let to = mergeScratch;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      let k = lo;
      // Take from the left run on ties: that is what keeps equal costs in order.
      while (a < mid && b < hi) to[k++] = pSearch[from[b]!]! < pSearch[from[a]!]! ? from[b++]! : from[a++]!;
      while (a < mid) to[k++] = from[a++]!;
      while (b < hi) to[k++] = from[b++]!;
    }
    [from, to] = [to, from];
  }
  if (from !== items) for (let k = 0; k < n; k++) items[k] = from[k]!;
}
