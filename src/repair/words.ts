/**
 * What repair needs to know about words. The Lexicon implements it; repair depends on this
 * interface only, so a caller may pass any word source (an archive's own vocabulary, a test list).
 */
export interface WordKnowledge {
  /** Known word (case-tolerant, compounds included). */
  has(word: string): boolean;
  /** Known exactly as written (case-sensitive). */
  hasExact(word: string): boolean;
  /** Listed as an abbreviation exactly as written (`RÖK`, not `DÖ`). */
  isAbbreviation?(word: string): boolean;
  /** Listed as a name exactly as written: a municipality, region or authority (`Trafikverket`). */
  isName?(word: string): boolean;
  /** Corpus count of the word, case-folded; 0 if unseen. */
  frequency(word: string): number;
  /** Corpus count of the lower-cased adjacent pair; 0 if unseen. */
  bigram(a: string, b: string): number;
  /** Known and fit to be proposed as a correction (not an offensive or very rare form). */
  suggestable?(word: string): boolean;
  /** Corpus and learned words (lower-case, 4+ letters), most frequent first, to search by edit
   * distance; without it,
   * repair proposes only what the confusion channel explains. */
  vocabulary?(): readonly string[];
  /** The parts of a compound the lexicon knows only by its parts, or null. */
  compoundParts?(word: string): string[] | null;
}
