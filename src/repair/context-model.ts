/**
 * The broad-register context model of repair's word choice: which of two known words (`sitta` or
 * `sätta`, `han` or `hån`, `bar` or `har`) the sentence around a token wants. Official prose alone
 * (the lexicon's counts) says `sätta`, `hån` and `vår` far too often on text of other registers, so
 * the choice is scored by a word-triple model whose counts span registers:
 *
 * - P1(w): wordfreq's Swedish list (Wikipedia, subtitles, news, books, web): the prior;
 * - P2(z | y): the mean of two pair models, one counted on official prose (the lexicon's bigram
 *   table) and one on modern fiction and news (Witten–Bell smoothed), each backing off to P1;
 * - P3(z | x y): word triples of the fiction and news, smoothed towards P2 (Witten–Bell).
 *
 * A sentence mark right after a word is a token of its own in the fiction and news counts (`<.>`
 * for . ! ? …, `<,>` for , ;, `<:>` for :), so `sa:` (said, before a quotation) and a word after a
 * full stop have their context.
 *
 * The score of a word w between (l2 l1) and (r1 r2) is log P3(w | l2 l1) + log P3(r1 | l1 w) +
 * log P3(r2 | w r1): the part of the sentence's probability that depends on w. The data
 * (dictionaries/sv-context.bin, made by scripts/build-context-model.ts) is hashed keys and
 * one-byte counts, loaded on first use.
 */
import { readFileSync } from 'node:fs';
import { ArkivError } from '../errors.js';
import { dictionaryFile } from '../dictionaries.js';
import type { WordKnowledge } from './words.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

/** FNV-1a state `h` carried on over the code units of `s` (a signed 32-bit state). */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a over UTF-16 code units, 32 bits: the keys of every table (scripts/build-context-model.ts hashes with it). */
export function contextHash(s: string): number {
  return fnv(FNV_OFFSET, s) >>> 0;
}

/** The FNV-1a state after `w` and a space: the start of the key of every pair or triple that
 * begins with w. A key is hashed from its words' states, never built as a string. */
function headState(w: string): number {
  return Math.imul(fnv(FNV_OFFSET, w) ^ SPACE, FNV_PRIME);
}

/** A count in one byte, as the build script stores it: exact to 32, then steps of 8 %. */
export function quantiseCount(n: number): number {
  if (n <= 32) return n;
  return Math.min(255, 32 + Math.round(Math.log(n / 32) / Math.log(1.08)));
}

/** The file's tables, in the order they are stored after the header (format 3; format 2 has the
 * first seven, format 1 the first five). `types`: distinct tokens seen after a token; `types2`:
 * after a pair; `shares`: word counts of the texts a document's officialness is measured against
 * (the fiction and news), when the counted texts are more than those. */
export const CONTEXT_SECTIONS = ['prior', 'heads', 'bigrams', 'trigrams', 'unigrams', 'types', 'types2', 'shares'] as const;
/** The formats this code reads, by the number of tables each has. */
export const CONTEXT_FORMATS: Readonly<Record<string, number>> = { 'arkivtext-context-1': 5, 'arkivtext-context-2': 7, 'arkivtext-context-3': 8 };
/** The format of a file with continuation types but no separate officialness reference. */
export const CONTEXT_FORMAT = 'arkivtext-context-2';
/** The format of a file with a separate officialness reference (`shares`). */
export const CONTEXT_FORMAT_SHARES = 'arkivtext-context-3';

/** The tokens of sentence marks right after a word, as the counts have them. */
export const MARK_TOKENS = ['<.>', '<,>', '<:>'] as const;
export type MarkToken = (typeof MARK_TOKENS)[number];
/** The token of a sentence mark (by its first character). */
export function markToken(mark: string): MarkToken {
  return mark === ',' || mark === ';' ? '<,>' : mark === ':' ? '<:>' : '<.>';
}
/** What may stand between a word and the next in one chain of the counts: white space, or a
 * sentence mark (then white space, or anything else that ends the chain after the mark). */
export const MARK_GAP = /^([.!?\u2026]+|[,;:])(\s*)(.*)$/su;
const isMark = (t: string): boolean => t.charCodeAt(0) === 60; /* < */

/** Count of a quantised byte (the inverse of quantiseCount). */
const COUNT = new Float64Array(256).map((_, q) => (q <= 32 ? q : 32 * Math.pow(1.08, q - 32)));
/** The count a quantised byte stands for (the inverse of quantiseCount). */
export const countOfByte = (q: number): number => COUNT[q]!;

class HashedTable {
  /** Bucket b (a key's top `bits` bits) holds `keys[directory[b] .. directory[b + 1])`: the keys are
   * uniform hashes, so a bucket holds a few keys and a lookup is a short search in one of them,
   * where a binary search of the whole table took ~19 cache-missing steps. Built on first lookup. */
  private directory: Uint32Array | undefined;
  private shift = 0;

  constructor(
    private readonly keys: Uint32Array,
    private readonly values: Uint8Array,
  ) {}

  private buildDirectory(): Uint32Array {
    const keys = this.keys;
    // ~4 keys a bucket (at least 1 bit, so the shift stays below 32).
    const bits = Math.max(1, Math.min(22, Math.floor(Math.log2(Math.max(keys.length, 1))) - 2));
    this.shift = 32 - bits;
    const directory = new Uint32Array((1 << bits) + 1);
    for (let i = 0; i < keys.length; i++) directory[(keys[i]! >>> this.shift) + 1]!++;
    for (let b = 0; b < 1 << bits; b++) directory[b + 1]! += directory[b]!;
    this.directory = directory;
    return directory;
  }

  /** The stored byte of `key`, 0 if absent. */
  byte(key: string): number {
    return this.byteOfHash(contextHash(key));
  }

  /** The stored byte of the key whose hash is `h` (unsigned), 0 if absent. */
  byteOfHash(h: number): number {
    const keys = this.keys;
    const directory = this.directory ?? this.buildDirectory();
    const bucket = h >>> this.shift;
    let lo = directory[bucket]!;
    let hi = directory[bucket + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < h) lo = mid + 1;
      else if (k > h) hi = mid - 1;
      else return this.values[mid]!;
    }
    return 0;
  }

  count(key: string): number {
    return COUNT[this.byte(key)]!;
  }

  /** The count of the key whose FNV-1a state is `h`. */
  countOfState(h: number): number {
    return COUNT[this.byteOfHash(h >>> 0)]!;
  }

  get size(): number {
    return this.keys.length;
  }
}

export interface ContextData {
  tokens: number;
  /** Whether the pair model mixes in official prose (the lexicon's bigram counts); false: the
   * fiction and news pairs alone (bench/repair-loro.mjs, official prose left out). */
  official: boolean;
  prior: HashedTable;
  heads: HashedTable;
  bigrams: HashedTable;
  trigrams: HashedTable;
  /** Word counts of the fiction and news (and of the sentence-mark tokens). */
  unigrams: HashedTable;
  /** Distinct tokens seen after a token, and after a pair (Witten–Bell smoothing); null in a file of
   * format 1, which is smoothed with fixed masses instead. */
  types: HashedTable | null;
  types2: HashedTable | null;
  /** Word counts of the fiction and news alone and their running words (format 3), against which
   * a document's officialness is measured when the model counts other registers too; null: the
   * unigrams are those counts. */
  shares: { table: HashedTable; tokens: number } | null;
}

/** Reads a context model file (default: the shipped one). `official: false` leaves official prose
 * out of the pair model (an experiment: the shipped model mixes it in). */
export function loadContextData(path = dictionaryFile('sv-context.bin'), options: { official?: boolean } = {}): ContextData {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (cause) {
    throw new ArkivError('IO', 'cannot read the context model (run scripts/build-context-model.ts)', { file: path, cause });
  }
  if (buf.toString('latin1', 0, 4) !== 'ARKC') throw new ArkivError('IO', 'not a context model file', { file: path });
  // A copy aligned to 4 bytes, so the key arrays are views, not copies.
  const bytes = new Uint8Array(new ArrayBuffer(buf.length));
  bytes.set(buf);
  const dv = new DataView(bytes.buffer);
  const metaLength = dv.getUint32(4, true);
  const meta = JSON.parse(buf.toString('utf8', 8, 8 + metaLength)) as { tokens: number; format?: string; shareTokens?: number };
  // A format this version does not know is refused rather than misread.
  const tables = CONTEXT_FORMATS[meta.format ?? ''];
  if (tables === undefined) {
    throw new ArkivError('IO', `context model of an unknown format ${JSON.stringify(meta.format)} (this version reads ${Object.keys(CONTEXT_FORMATS).join(', ')})`, { file: path });
  }
  const broken = (): ArkivError => new ArkivError('IO', 'context model file is truncated or corrupt (its tables do not fill the file)', { file: path });
  let p = 8 + metaLength;
  p += (4 - (p % 4)) % 4;
  const section = (): HashedTable => {
    if (p + 4 > bytes.length) throw broken();
    const n = dv.getUint32(p, true);
    p += 4;
    if (p + 5 * n > bytes.length) throw broken();
    const keys = new Uint32Array(bytes.buffer, p, n);
    p += 4 * n;
    const values = new Uint8Array(bytes.buffer, p, n);
    p += n;
    p += (4 - (p % 4)) % 4;
    return new HashedTable(keys, values);
  };
  const prior = section();
  const heads = section();
  const bigrams = section();
  const trigrams = section();
  const unigrams = section();
  const types = tables >= 7 ? section() : null;
  const types2 = tables >= 7 ? section() : null;
  const shares = tables >= 8 ? section() : null;
  if (p !== bytes.length) throw broken();
  return {
    tokens: meta.tokens,
    official: options.official !== false,
    prior,
    heads,
    bigrams,
    trigrams,
    unigrams,
    types,
    types2,
    shares: shares && meta.shareTokens ? { table: shares, tokens: meta.shareTokens } : null,
  };
}

let shared: ContextData | undefined;
/** The shipped context data, loaded once on first use (~20 ms). */
export function defaultContextData(): ContextData {
  shared ??= loadContextData();
  return shared;
}

/** Smoothing mass of the pair models and of the triple model. */
const MU_PAIR = 50;
const MU_TRIPLE = 10;
/** The most a pair missing from the pruned official table was seen (the table keeps pairs seen 3
 * times or more). */
const OFFICIAL_PRUNED = 2;
/** The prior of a word wordfreq does not list (rarer than 10^-8). */
const PRIOR_FLOOR = 1e-9;

/** A word's neighbours (lower case; a sentence mark right after a word is its token, `<.>`, `<,>`,
 * `<:>`; null where anything else, a line end or nothing stands). */
export interface Neighbours {
  l2: string | null;
  l1: string | null;
  r1: string | null;
  r2: string | null;
}

/** Caches are cleared when they pass this size, so a long archive run keeps its memory bounded. */
const CACHE_LIMIT = 100_000;

/** What the model looks up of a word once (NaN: not yet). */
class WordEntry {
  /** FNV-1a state after the word and a space (see headState). */
  readonly head: number;
  /** Its count as the first word of a pair in the fiction and news. */
  heads = Number.NaN;
  /** The distinct tokens seen after it there (Witten–Bell). */
  types = Number.NaN;
  /** Its official frequency (WordKnowledge.frequency). */
  frequency = Number.NaN;
  /** P2(z | this word), by z. */
  readonly pairs = new Map<string, number>();

  constructor(w: string) {
    this.head = headState(w);
  }
}

export class ContextModel {
  // Caches per word source (as LanguageModel's): the document's pairs recur in one logOdds (the
  // pair right of the word is the same for both words weighed) and across an archive. Keys are
  // hashed from each word's entry: no key string is built.
  private readonly priorCache = new Map<string, number>();
  private readonly entries = new Map<string, WordEntry>();
  private pairsCached = 0;

  constructor(
    private readonly words: WordKnowledge,
    private readonly data: ContextData = defaultContextData(),
  ) {}

  /** P1(w): the broad-register prior. */
  prior(w: string): number {
    let p = this.priorCache.get(w);
    if (p === undefined) {
      const b = this.data.prior.byte(w);
      p = b === 0 ? PRIOR_FLOOR : Math.pow(10, (-4 * b) / 100);
      if (this.priorCache.size > CACHE_LIMIT) this.priorCache.clear();
      this.priorCache.set(w, p);
    }
    return p;
  }

  /** Whether real text uses the word (lower case): wordfreq lists it at `minPrior` or more, or the
   * fiction and news have it `minCount` times. */
  used(w: string, minPrior: number, minCount = 3): boolean {
    return this.prior(w) >= minPrior || this.data.unigrams.count(w) >= minCount;
  }

  /** The share of a word (lower case) among the words of the fiction and news; 0 if unseen. */
  broadShare(w: string): number {
    const shares = this.data.shares;
    return shares ? shares.table.count(w) / shares.tokens : this.data.unigrams.count(w) / this.data.tokens;
  }

  /** P1 of a token: the prior of a word, the share of a sentence mark in the fiction and news. */
  private p1(z: string): number {
    return isMark(z) ? Math.max(this.data.unigrams.count(z), 1) / this.data.tokens : this.prior(z);
  }

  private entry(w: string): WordEntry {
    let e = this.entries.get(w);
    if (e === undefined) {
      if (this.entries.size > CACHE_LIMIT || this.pairsCached > CACHE_LIMIT) {
        this.entries.clear();
        this.pairsCached = 0;
      }
      e = new WordEntry(w);
      this.entries.set(w, e);
    }
    return e;
  }

  /**
   * P2(z | y): official and broad pair models, each backing off to P1, averaged. The broad one is
   * smoothed by Witten–Bell: the mass left for unseen continuations is the number of distinct ones
   * seen, so after `var`, followed by thousands of different words, an unseen pair is little
   * evidence against a word, while after a rare word it is more. The official table is pruned: a
   * pair it lacks was seen at most twice, so it counts as the lesser of twice and what chance would
   * give. A sentence mark has no official counts: the broad model alone.
   */
  pair(y: string, z: string): number {
    const e = this.entry(y);
    let p = e.pairs.get(z);
    if (p === undefined) {
      const p1 = this.p1(z);
      if (Number.isNaN(e.heads)) e.heads = this.data.heads.count(y);
      if (Number.isNaN(e.types)) e.types = this.data.types?.count(y) ?? 0;
      const seen = this.data.bigrams.countOfState(fnv(e.head, z));
      const broad = e.types > 0 ? (seen + e.types * p1) / (e.heads + e.types) : (seen + MU_PAIR * p1) / (e.heads + MU_PAIR);
      if (isMark(y) || isMark(z) || !this.data.official) p = broad;
      else {
        if (Number.isNaN(e.frequency)) e.frequency = this.words.frequency(y);
        let paired = this.words.bigram(y, z);
        if (paired === 0 && this.data.types) paired = Math.min(OFFICIAL_PRUNED, e.frequency * p1);
        const official = (paired + MU_PAIR * p1) / (e.frequency + MU_PAIR);
        p = 0.5 * broad + 0.5 * official;
      }
      e.pairs.set(z, p);
      this.pairsCached++;
    }
    return p;
  }

  /** P3(z | x y), or P2 when there is no x, or P1 when there is no y either. */
  triple(x: string | null, y: string | null, z: string): number {
    if (y === null) return this.p1(z);
    const p2 = this.pair(y, z);
    if (x === null) return p2;
    const xy = fnv(this.entry(x).head, y);
    const seen = this.data.trigrams.countOfState(fnv(Math.imul(xy ^ SPACE, FNV_PRIME), z));
    const types2 = this.data.types2;
    if (types2) {
      // Witten–Bell, as P2: an unseen history is P2 itself.
      const t = types2.countOfState(xy);
      return t > 0 ? (seen + t * p2) / (this.data.bigrams.countOfState(xy) + t) : p2;
    }
    return (seen + MU_TRIPLE * p2) / (this.data.bigrams.countOfState(xy) + MU_TRIPLE);
  }

  /** log of the part of the sentence's probability that depends on the word w (lower case). */
  score(w: string, n: Neighbours): number {
    let s = Math.log(this.triple(n.l2, n.l1, w));
    if (n.r1 !== null) {
      s += Math.log(this.triple(n.l1, w, n.r1));
      if (n.r2 !== null) s += Math.log(this.triple(w, n.r1, n.r2));
    }
    return s;
  }

  /** log P(sentence with `b`) − log P(sentence with `a`): > 0 when the context prefers `b`. */
  logOdds(a: string, b: string, n: Neighbours): number {
    return this.score(b, n) - this.score(a, n);
  }
}
