/**
 * How likely a word is, alone and beside its neighbours: a unigram prior from the corpus counts and
 * a smoothed pointwise-mutual-information bonus from the bigram counts. PMI rather than a
 * conditional bigram probability, because the bigram list is pruned: a missing pair must be
 * neutral, not a penalty, while a pair seen far less than chance (`bör och`) is evidence against.
 */
import type { WordKnowledge } from './words.js';
import { remember } from '../memo.js';

/** Total running words behind the official unigram counts (sv-official-unigrams.tsv). */
export const CORPUS_WORDS = 12_000_000;

/** Caches are cleared when they reach this size, so a long archive run keeps its memory bounded. */
const CACHE_LIMIT = 200_000;

export class LanguageModel {
  private readonly cache = new Map<string, number>();

  /** word → [log P(word) from its own count, log P(its last compound part) or -Infinity]. */
  private readonly priorCache = new Map<string, [number, number]>();

  constructor(
    private readonly words: WordKnowledge,
    private readonly total = CORPUS_WORDS,
  ) {}

  count(word: string): number {
    const key = word.toLowerCase();
    let n = this.cache.get(key);
    if (n === undefined) {
      n = remember(this.cache, key, this.words.frequency(key), CACHE_LIMIT);
    }
    return n;
  }

  /**
   * log P(word) for a known word, given lower-cased as `key` (add-½ smoothing). A compound never
   * seen whole (`integrationsrådet`) borrows its last part's frequency, discounted: the head
   * carries the word's meaning and inflection, and `rådet` is common where `integrationsrådet` is
   * not counted.
   */
  logPrior(key: string, compoundLogP: number): number {
    const p = this.priorTerms(key);
    return Math.max(p[0], p[1] + compoundLogP);
  }

  /** logPrior's two terms for `key`: [log P(key), log P(its last compound part) or -Infinity];
   * logPrior(key, c) = max(first, second + c). A caller that scores the word often keeps them. */
  priorTerms(key: string): readonly [number, number] {
    let p = this.priorCache.get(key);
    if (p === undefined) {
      p = [Math.log((this.count(key) + 0.5) / this.total), -Infinity];
      if (this.count(key) === 0 && this.words.compoundParts) {
        const parts = this.words.compoundParts(key);
        const last = parts?.[parts.length - 1];
        if (last) p[1] = Math.log((this.count(last) + 0.5) / this.total);
      }
      remember(this.priorCache, key, p, CACHE_LIMIT);
    }
    return p;
  }

  /** Smoothed PMI of the adjacent pair (la, lb), both lower-cased: > 0 when seen together more
   * than chance. */
  association(la: string, lb: string): number {
    // Keyed by the two words in two maps: a concatenated key would be built and hashed per call.
    let after = this.pairCache.get(la);
    if (!after) {
      after = new Map();
      this.pairCache.set(la, after);
    }
    let pmi = after.get(lb);
    if (pmi === undefined) {
      const fa = this.count(la);
      const fb = this.count(lb);
      pmi = 0;
      if (fa > 0 && fb > 0) {
        const expected = (fa * fb) / this.total;
        const seen = this.words.bigram(la, lb);
        pmi = Math.log((seen + 1) / (expected + 1));
      }
      if (this.pairs >= CACHE_LIMIT) {
        this.pairCache.clear();
        after.clear();
        this.pairs = 0;
        this.pairCache.set(la, after);
      }
      after.set(lb, pmi);
      this.pairs++;
    }
    return pmi;
  }

  /** lower-case a → lower-case b → PMI of the pair; `pairs` entries in all. */
  private readonly pairCache = new Map<string, Map<string, number>>();
  private pairs = 0;
}
