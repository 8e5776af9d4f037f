/**
 * The broad-register context model of repair's word choice: which of two known words (`sitta` or
 * `sätta`, `han` or `hån`, `bar` or `har`) the sentence around a token wants. Official prose alone
 * (the lexicon's counts) says `sätta`, `hån` and `vår` far too often on text of other registers, so
 * the choice is scored by a word-triple model whose counts span registers:
 *
 * - P1(w): wordfreq's Swedish list (Wikipedia, subtitles, news, books, web): the prior;
 * - P2(z | y): the mean of two Dirichlet-smoothed pair models, one counted on official prose (the
 *   lexicon's bigram table) and one on modern fiction and news, each backing off to P1;
 * - P3(z | x y): word triples of the fiction and news, smoothed towards P2.
 *
 * The score of a word w between (l2 l1) and (r1 r2) is log P3(w | l2 l1) + log P3(r1 | l1 w) +
 * log P3(r2 | w r1): the part of the sentence's probability that depends on w. The data
 * (dictionaries/sv-context.bin, made by scripts/build-context-model.mjs) is hashed keys and
 * one-byte counts, loaded on first use.
 */
import { readFileSync } from 'node:fs';
import { ArkivError } from '../errors.js';
import { dictionaryFile } from './data-path.js';
import type { WordKnowledge } from './words.js';

/** FNV-1a over UTF-16 code units, 32 bits (as scripts/build-context-model.mjs). */
export function contextHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Count of a quantised byte (see the build script). */
const COUNT = new Float64Array(256).map((_, q) => (q <= 32 ? q : 32 * Math.pow(1.08, q - 32)));

class HashedTable {
  constructor(
    private readonly keys: Uint32Array,
    private readonly values: Uint8Array,
  ) {}

  /** The stored byte of `key`, 0 if absent. */
  byte(key: string): number {
    const h = contextHash(key);
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
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

  get size(): number {
    return this.keys.length;
  }
}

export interface ContextData {
  tokens: number;
  prior: HashedTable;
  heads: HashedTable;
  bigrams: HashedTable;
  trigrams: HashedTable;
  /** Word counts of the fiction and news (and of the sentence-mark tokens). */
  unigrams: HashedTable;
  /** Distinct tokens seen after a token, and after a pair (Witten–Bell smoothing); absent in a
   * model file of format 1, which is smoothed with fixed masses instead. */
  types: HashedTable | null;
  types2: HashedTable | null;
}

/** The tokens of sentence marks right after a word, as the counts have them (see the build script). */
export const MARK_TOKENS = ['<.>', '<,>', '<:>'] as const;
export type MarkToken = (typeof MARK_TOKENS)[number];
/** The token of a sentence mark (its first character). */
export function markToken(mark: string): MarkToken {
  return mark === ',' || mark === ';' ? '<,>' : mark === ':' ? '<:>' : '<.>';
}
const isMark = (t: string): boolean => t.charCodeAt(0) === 60 /* < */;

export function loadContextData(path = dictionaryFile('sv-context.bin')): ContextData {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (cause) {
    throw new ArkivError('IO', 'cannot read the context model (run scripts/build-context-model.mjs)', { file: path, cause });
  }
  if (buf.toString('latin1', 0, 4) !== 'ARKC') throw new ArkivError('IO', 'not a context model file', { file: path });
  // A copy aligned to 4 bytes, so the key arrays are views, not copies.
  const bytes = new Uint8Array(new ArrayBuffer(buf.length));
  bytes.set(buf);
  const dv = new DataView(bytes.buffer);
  const metaLength = dv.getUint32(4, true);
  const meta = JSON.parse(buf.toString('utf8', 8, 8 + metaLength)) as { tokens: number; format?: string };
  let p = 8 + metaLength;
  p += (4 - (p % 4)) % 4;
  const section = (): HashedTable => {
    const n = dv.getUint32(p, true);
    p += 4;
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
  const typed = meta.format === 'arkivtext-context-2';
  const types = typed ? section() : null;
  const types2 = typed ? section() : null;
  return { tokens: meta.tokens, prior, heads, bigrams, trigrams, unigrams, types, types2 };
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
/** The most a pair missing from the pruned official table was seen. */
const OFFICIAL_PRUNED = 2;
/** The prior of a word wordfreq does not list (rarer than 10^-8). */
const PRIOR_FLOOR = 1e-9;

/** A word's neighbours (lower case; a sentence mark right after a word is a token, `<.>`, `<,>`,
 * `<:>`; null where anything else, a line end or nothing stands). */
export interface Neighbours {
  l2: string | null;
  l1: string | null;
  r1: string | null;
  r2: string | null;
}

export class ContextModel {
  private readonly priorCache = new Map<string, number>();

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
      if (this.priorCache.size > 100_000) this.priorCache.clear();
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
    return this.data.unigrams.count(w) / this.data.tokens;
  }

  /** P1 of a token: the prior of a word, the share of a sentence mark in the fiction and news. */
  private p1(z: string): number {
    return isMark(z) ? Math.max(this.data.unigrams.count(z), 1) / this.data.tokens : this.prior(z);
  }

  /**
   * P2(z | y): official and broad pair models, each backing off to P1, averaged. The broad one is
   * smoothed by Witten–Bell (the mass left for unseen continuations is the number of distinct ones
   * seen, so after `var`, followed by thousands of different words, an unseen pair is no evidence
   * against a word, while after a rare word it is). The official table is pruned (pairs seen 3
   * times or more): a pair it lacks was seen at most twice, so it counts as the lesser of twice and
   * what chance would give. A sentence mark has no official counts: the broad model alone.
   */
  pair(y: string, z: string): number {
    const p1 = this.p1(z);
    const seen = this.data.bigrams.count(`${y} ${z}`);
    const t = this.data.types?.count(y) ?? 0;
    const broad = t > 0 ? (seen + t * p1) / (this.data.heads.count(y) + t) : (seen + MU_PAIR * p1) / (this.data.heads.count(y) + MU_PAIR);
    if (isMark(y) || isMark(z)) return broad;
    const fy = this.words.frequency(y);
    let paired = this.words.bigram(y, z);
    if (paired === 0 && this.data.types) paired = Math.min(OFFICIAL_PRUNED, fy * p1);
    const official = (paired + MU_PAIR * p1) / (fy + MU_PAIR);
    return 0.5 * broad + 0.5 * official;
  }

  /** P3(z | x y), or P2 when there is no x, or P1 when there is no y either. */
  triple(x: string | null, y: string | null, z: string): number {
    if (y === null) return this.p1(z);
    const p2 = this.pair(y, z);
    if (x === null) return p2;
    const history = `${x} ${y}`;
    const types2 = this.data.types2;
    if (types2) {
      const t = types2.count(history);
      return t > 0 ? (this.data.trigrams.count(`${history} ${z}`) + t * p2) / (this.data.bigrams.count(history) + t) : p2;
    }
    return (this.data.trigrams.count(`${history} ${z}`) + MU_TRIPLE * p2) / (this.data.bigrams.count(history) + MU_TRIPLE);
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
