/**
 * Normalisation: what PDF text layers and mis-decoded files do to Swedish text, undone — NFC,
 * ligatures, mojibake, split diacritics, invisible and odd characters — leaving clean text
 * byte-identical.
 */
import type { Edit } from './edits.js';
import { checkBooleanOption, checkOptions, checkString } from '../validate.js';
import { runPipeline, type NormalizeOptions } from './pipeline.js';

export type { NormalizeOptions } from './pipeline.js';
export { decodeText, describeInvalidBytes, readTextFile, type DecodedText } from './decode.js';
export { applyEdits } from './edits.js';

/** One change, against the INPUT: `length` code units at `offset` (`before`) became `after`. */
export interface NormalizeChange {
  offset: number;
  length: number;
  before: string;
  after: string;
  /** What kind of damage: mojibake, ligature, diacritic, nfc, line-end, invisible, space, control (joined with '+' when one change did several). */
  kind: string;
}

/** Normalised text; clean text comes back identical (the same string). Never throws. */
export function normalize(text: string, options: NormalizeOptions = {}): string {
  checkNormalizeArgs('normalize', text, options);
  return runPipeline(text, options, false).text;
}

/** Normalised text and the changes against the input, sorted and non-overlapping. */
export function normalizeDetailed(text: string, options: NormalizeOptions = {}): { text: string; changes: NormalizeChange[] } {
  checkNormalizeArgs('normalizeDetailed', text, options);
  const result = runPipeline(text, options, true);
  const changes = (result.edits as Edit[]).map((e) => ({
    offset: e.offset,
    length: e.length,
    before: text.slice(e.offset, e.offset + e.length),
    after: e.after,
    kind: e.kind,
  }));
  return { text: result.text, changes };
}

/** What `normalize` is given, checked before any work (see validate.ts). */
function checkNormalizeArgs(fn: string, text: unknown, options: unknown): void {
  checkString(fn, 'text', text);
  checkOptions(fn, options);
  for (const key of ['mojibake', 'ligatures', 'diacritics', 'whitespace']) checkBooleanOption(fn, options, key);
}
