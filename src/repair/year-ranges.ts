/**
 * A span of years written with an en dash (`2021–2025`), read by OCR as a hyphen (`2021-2025`):
 * the English model has no en dash of its own on a photocopy, and the Swedish one rarely reads it.
 * Swedish typography sets a span with an en dash, and official prose keeps to it: the training
 * truths write a year span with one 62 times and with a hyphen 3 times.
 *
 * This module only finds the places: two years from 1800 to 2099 joined by a hyphen, the second
 * the later, standing alone (not inside a date `2021-05-03`, a reference number `4064-2007`, a
 * bank giro `5052-1897` or a path). How often such a hyphen was an en dash is counted on the
 * training OCR by scripts/train-repair.ts (`RepairModel.yearRangeDash`), which calls this same
 * function, and repair puts the dash back at that learned rate in a document whose words show
 * OCR damage (in clean text the hyphen is the author's).
 */

// Before: no letter, digit or joining mark (`/`, `.`, `:`, `-`); after: no digit, joining mark,
// or a mark followed by a digit (`2021-2025.3`).
const YEAR_SPAN = /(?<![\p{L}\p{N}/.:-])(1[89]\d\d|20\d\d)-(1[89]\d\d|20\d\d)(?![\p{L}\p{N}/-]|[.:,]\p{N})/gu;

/** Offsets of the hyphens in `text` that join a span of years (see above), in order. */
export function yearRangeHyphens(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(YEAR_SPAN)) {
    if (Number(m[2]) > Number(m[1])) out.push(m.index + 4);
  }
  return out;
}
