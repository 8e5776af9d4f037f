/**
 * The prefixes of a set of words in a one-hash bit filter. The compound analyser asks whether every
 * stretch of a candidate word is a listed part; walking the word one letter at a time against this
 * filter tells, without building a substring, where no listed part can reach any more, so only the
 * stretches up to there are looked up.
 */
import { FNV_OFFSET, fnvStep, KeyFilter } from './lexicon-hash.js';

export class PrefixFilter {
  readonly filter: KeyFilter;

  /** `prefixes`: about how many distinct prefixes will be added (sizes the filter); or the filter
   * of prefixes itself. */
  constructor(prefixes: number | KeyFilter) {
    this.filter = typeof prefixes === 'number' ? KeyFilter.forKeys(prefixes) : prefixes;
  }

  /** A filter with the same prefixes (more may be added to either without touching the other). */
  copy(): PrefixFilter {
    return new PrefixFilter(this.filter.copy());
  }

  /** Adds every non-empty prefix of `word`. */
  add(word: string): void {
    let h = FNV_OFFSET;
    for (let j = 0; j < word.length; j++) {
      h = fnvStep(h, word.charCodeAt(j));
      this.filter.addHash(h >>> 0);
    }
  }
}

/**
 * How far a word added to `a` or `b` may reach in `word` from `start`: none of them that begins
 * there is longer than the returned number of code units. (A filter can say yes wrongly, never no,
 * so this is an upper bound, and the stretches beyond it need no lookup.) With `hashes`, also
 * writes `hashes[k]` = the FNV-1a hash of `word[start, start + k + 1)` for each k below the reach.
 */
export function prefixReach(word: string, start: number, a: PrefixFilter, b?: PrefixFilter, hashes?: Int32Array): number {
  let h = FNV_OFFSET;
  let j = start;
  for (; j < word.length; j++) {
    h = fnvStep(h, word.charCodeAt(j));
    if (!a.filter.mayHaveHash(h) && !(b?.filter.mayHaveHash(h) ?? false)) break;
    if (hashes) hashes[j - start] = h;
  }
  return j - start;
}
