import type { PageSource } from '../types.js';
import type { TextScore } from './score.js';
import type { PageGraphics } from './graphics.js';

export type OcrMode = 'auto' | 'always' | 'never';

export interface PageDecision {
  /** Whether the page is to be OCR'd. */
  ocr: boolean;
  source: PageSource;
  /** Why, in words, for the page's warnings. */
  reasons: string[];
}

/** Fewer characters (or letters) than this is no text layer to speak of (a page number, a date). */
export const MIN_LETTERS = 30;
/** This share of replacement/private-use/control characters means the layer's encoding is broken. */
export const MAX_BAD_SHARE = 0.05;
/** Below this share of known words (with enough words to judge) the layer is garbage: born pages in train score ≥ 0.89, even English-model OCR with å/ä/ö lost ≥ 0.62; text in a shifted font encoding next to nothing. */
export const MIN_WORD_SHARE = 0.5;
export const MIN_WORDS_TO_JUDGE = 20;
/**
 * A layer whose letters are mostly of another script than Latin is no Swedish text: a font whose
 * ToUnicode map is broken reads as rare CJK (Extension A, compatibility ideographs) or a jumble of
 * scripts, and such text has no white space for the word test to judge. OCR reads the glyphs.
 */
export const MAX_FOREIGN_SHARE = 0.5;
/**
 * A text layer over a full-page scan is kept only when at least this share of its words are known
 * to the lexicon: the 5th percentile of born-digital pages in /work/shared/train (70 pages with 20+
 * words: min 0.894, 5% 0.940, median 0.966). Tesseract's Swedish OCR of those scans scores 0.88–0.95
 * (median 0.926), English-model OCR 0.62–0.77: an old OCR layer is redone, a born layer kept.
 */
export const GOOD_LAYER_WORD_SHARE = 0.94;
export const GOOD_LAYER_LETTERS = 200;
/** A layer this much hidden (invisible, or under the image) is an OCR layer, not text typed on the page. */
export const HIDDEN_LAYER = 0.5;
/** An image covering this share of the page makes it a scan. */
export const SCAN_COVER = 0.5;
/** A page with no text but this many drawn paths may carry text as outlines. */
export const OUTLINED_TEXT_PATHS = 300;

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Why a text layer cannot be used, or undefined when it can. */
export function layerProblem(score: TextScore): string | undefined {
  if (score.chars < MIN_LETTERS) return score.chars === 0 ? 'no text layer' : `text layer has only ${score.chars} characters`;
  if (score.badShare > MAX_BAD_SHARE) return `text layer is garbage: ${pct(score.badShare)} replacement/private-use/control characters (font without a ToUnicode map?)`;
  if (score.foreignShare > MAX_FOREIGN_SHARE) {
    return `text layer is garbage: ${pct(score.foreignShare)} of its letters are not Latin script, implausible for Swedish (a broken ToUnicode map?)`;
  }
  if (score.cidRefs >= 3) return `text layer is garbage: ${score.cidRefs} (cid:…) glyph references (font without a ToUnicode map)`;
  if (score.words >= MIN_WORDS_TO_JUDGE && score.wordShare < MIN_WORD_SHARE) {
    return `text layer is garbage: only ${pct(score.wordShare)} of ${score.words} words are words (wrong font encoding?)`;
  }
  if (score.letters < MIN_LETTERS) return `text layer has only ${score.letters} letters`;
  return undefined;
}

/**
 * The per-page decision. `auto` keeps a good text layer, OCRs a page whose layer is missing or
 * garbage, and OCRs a scanned page that also has text (an old OCR layer, typed words on a scan)
 * as `hybrid` unless that layer is clearly good.
 */
export function decidePage(score: TextScore, graphics: PageGraphics, mode: OcrMode, options: { lexicon: boolean } = { lexicon: true }): PageDecision {
  const problem = layerProblem(score);
  const scan = graphics.imageCover >= SCAN_COVER;
  // A layer to speak of: enough characters, whatever their quality.
  const hasText = score.chars >= MIN_LETTERS;
  const scanNote = `an image covers ${pct(graphics.imageCover)} of the page`;
  if (mode === 'always') {
    return { ocr: true, source: hasText ? 'hybrid' : 'ocr', reasons: [`ocr: always${hasText ? '; the text layer was not used' : ''}`] };
  }
  let wanted: PageDecision;
  if (problem === undefined && !scan) {
    wanted = { ocr: false, source: 'text', reasons: [] };
  } else if (problem === undefined && scan) {
    const hidden = graphics.invisibleText >= HIDDEN_LAYER;
    // Without a lexicon (the shape test) an OCR layer scores as well as a born one: not judged, redone.
    const good = options.lexicon && score.wordShare >= GOOD_LAYER_WORD_SHARE && score.letters >= GOOD_LAYER_LETTERS;
    if (!hidden && score.letters >= GOOD_LAYER_LETTERS) {
      wanted = { ocr: false, source: 'text', reasons: [`${scanNote}, with visible text drawn over it (a background or letterhead image); kept the text layer`] };
    } else if (hidden && good) {
      wanted = { ocr: false, source: 'text', reasons: [`${scanNote}; its hidden text layer reads well (${pct(score.wordShare)} known words); kept it`] };
    } else {
      const what = hidden ? `a hidden text layer (an earlier OCR) of doubtful quality (${pct(score.wordShare)} known words)` : `a few typed words (${score.letters} letters)`;
      wanted = { ocr: true, source: 'hybrid', reasons: [`${scanNote} and has ${what}; OCR'd`] };
    }
  } else if (scan) {
    wanted = hasText
      ? { ocr: true, source: 'hybrid', reasons: [`${scanNote}; ${problem}; OCR'd`] }
      : { ocr: true, source: 'ocr', reasons: [`${scanNote}; ${problem}; OCR'd`] };
  } else if (hasText) {
    wanted = { ocr: true, source: 'ocr', reasons: [`${problem}; OCR'd the rendered page`] };
  } else if (graphics.paths >= OUTLINED_TEXT_PATHS) {
    wanted = { ocr: true, source: 'ocr', reasons: [`${problem}, but ${graphics.paths} drawn paths (text as outlines?); OCR'd the rendered page`] };
  } else {
    wanted = { ocr: false, source: 'text', reasons: graphics.images > 0 || score.chars > 0 ? [`${problem}; nothing to OCR`] : ['empty page'] };
  }
  if (mode === 'never' && wanted.ocr) {
    return { ocr: false, source: 'text', reasons: [...wanted.reasons.map((r) => r.replace(/; OCR'd.*$/, '')), 'needs OCR, but ocr: never; used the text layer as it is'] };
  }
  return wanted;
}
