/**
 * The values that flow through the pipeline: bytes → pages → text → clean text → fingerprints.
 * Every stage speaks in these types, so a stage can be used alone or composed.
 */

/** One change the repair stage made, against the text it was given (UTF-16 offsets, as JS strings). */
export interface Correction {
  /** Offset of the changed span in the repair stage's input text. */
  offset: number;
  /** Length of the changed span in the input text. */
  length: number;
  /** The input text of the span. */
  before: string;
  /** What the span became. */
  after: string;
  /** 0..1: how sure the model is that `after` is what the document said. */
  confidence: number;
  /** Which rule made the change, e.g. `normalize`, `dehyphenate`, `confusion`, `edit-distance`, `word-confusion`, `till-start`, `stripped-diacritics`, `sentence-mark`, `abbreviation`, `lone-glyph` (README: OCR repair). */
  rule: string;
}

export interface RepairResult {
  text: string;
  corrections: Correction[];
  /** The spelling the text (and each form-feed separated page) was read in, with its evidence. */
  orthography?: import('./repair/orthography.js').TextOrthography;
  /** What repair passed through unread (a very long token, a stretch of non-Latin script); absent when nothing. */
  warnings?: string[];
}

export type PageSource = 'text' | 'ocr' | 'hybrid';

/** The text of one PDF page and how it was got. */
export interface PageText {
  /** 1-based page number. */
  number: number;
  source: PageSource;
  text: string;
  /** Mean OCR word confidence 0..100, for OCR'd pages. */
  confidence?: number;
  /** Why the page was read the way it was, and anything that went wrong on it. */
  warnings: string[];
}

export interface ExtractResult {
  pages: PageText[];
  /** The pages' text joined by form feeds, normalised and (by default) repaired. */
  text: string;
  corrections: Correction[];
}
