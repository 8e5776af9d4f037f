/**
 * A compound whose diacritics OCR stripped (`skargardsbatarna`, `ljusblaa`, `traningsbyxor`): the
 * vowel index (model.ts `skeletonIndexOf`) holds the corpus words, not every compound the lexicon
 * accepts, so a compound the corpus never writes whole gets no reading from it, and the channel
 * search rarely puts back three vowels in a long token. Here the token is cut in two at each
 * place; each half is looked up in the vowel index (the head also as a word and a linking `s`:
 * `skargards` = `skärgård` + `s`) or kept as written, and a pair whose join the lexicon knows as a
 * word (`skärgårdsbåtarna`, `ljusblåa`, `träningsbyxor`) is a reading. At least one half must come
 * from the index (a join of the halves as written is the token itself).
 *
 * Only letters the vowel index treats as confused vowels change (its keys star them), so a reading
 * is the token with vowels put back, priced by the channel as any reading of the index.
 */
import { skeleton } from './model.js';
import { unfoldings } from './number-tails.js';

/** The shortest half of a cut. */
const MIN_PART = 3;
/** The lookups of the pass over the lexicon's forms (lexiconTails): a head's and a tail's spellings. */
const LEXICON_TAIL_CHECKS = 64;

/**
 * The known words `lower` (a lower-case token) may be with its vowels put back in each half of a
 * cut in two, at most `maxChecks` lexicon lookups. `index`: skeleton → corpus words with
 * diacritics; `known`: the lexicon's test of a word (compounds included).
 */
export function compoundFoldings(lower: string, index: ReadonlyMap<string, readonly string[]>, known: (word: string) => boolean, maxChecks = 24): string[] {
  const out: string[] = [];
  let checks = 0;
  for (let i = MIN_PART; i <= lower.length - MIN_PART; i++) {
    const head = lower.slice(0, i);
    const tail = lower.slice(i);
    const tails = index.get(skeleton(tail));
    const heads = index.get(skeleton(head));
    const linked = head.endsWith('s') ? index.get(skeleton(head.slice(0, -1))) : undefined;
    if (!tails && !heads && !linked) continue;
    const headReadings = new Set<string>([head, ...(heads ?? []), ...(linked ?? []).map((h) => `${h}s`)]);
    const tailReadings = new Set<string>([tail, ...(tails ?? [])]);
    for (const h of headReadings) {
      for (const t of tailReadings) {
        const word = h + t;
        if (word === lower || word.length !== lower.length || out.includes(word)) continue;
        if (++checks > maxChecks) return out;
        if (known(word)) out.push(word);
      }
    }
  }
  return out.length > 0 ? out : lexiconTails(lower, known, LEXICON_TAIL_CHECKS);
}

/**
 * Halves no corpus word holds (`ljusblaa`: `blåa` is a form the lexicon knows, but the corpus never
 * writes it, so the vowel index lacks it; `adernatet`: nor `åder`): a head the lexicon knows as
 * written (`ljus`), else one with its diacritics put back (`åder`: number-tails.ts `unfoldings`),
 * then the tail's spellings with diacritics put back, a join the lexicon knows being a reading.
 * Tried only where the vowel index gave nothing, heads as written first, each pass cut by cut from
 * the longest head (a long head leaves a short tail, few spellings), at most `maxChecks` lookups.
 */
function lexiconTails(lower: string, known: (word: string) => boolean, maxChecks: number): string[] {
  const out: string[] = [];
  let checks = 0;
  /** Whether the lexicon knows `word`; null when the lookups are spent. */
  const ask = (word: string): boolean | null => (++checks > maxChecks ? null : known(word));
  const tails = (head: string, i: number): boolean => {
    for (const t of unfoldings(lower.slice(i))) {
      const k = ask(head + t);
      if (k === null) return false;
      if (k && !out.includes(head + t)) out.push(head + t);
    }
    return true;
  };
  const unknownHeads: number[] = [];
  for (let i = lower.length - MIN_PART; i >= MIN_PART; i--) {
    const k = ask(lower.slice(0, i));
    if (k === null) return out;
    if (!k) unknownHeads.push(i);
    else if (!tails(lower.slice(0, i), i)) return out;
  }
  if (out.length > 0) return out;
  for (const i of unknownHeads) {
    for (const h of unfoldings(lower.slice(0, i))) {
      const k = ask(h);
      if (k === null) return out;
      if (k && !tails(h, i)) return out;
    }
  }
  return out;
}
