/**
 * Edits and their composition with the normalisation step, so every correction is reported against
 * the ORIGINAL input: applying the corrections to the input gives exactly the output.
 */
import { applyEdits } from '../normalise/index.js';
import type { Correction, CorrectionRule, EditRule, SkipReason } from '../types.js';
import { countWork } from '../work.js';

/** A change to a text: replace [offset, offset+length) by `after`. */
export interface Edit {
  offset: number;
  length: number;
  after: string;
  confidence: number;
  rule: EditRule;
  /** A suggestion's reason for not being applied (word-decisions.ts; calibration.ts maps its
   * confidence by it). */
  held?: SkipReason;
  /** Its confidence is already the calibrated probability (calibration.ts). */
  calibrated?: boolean;
  /** A word rule's reading of a token no reading of the lexicon knows as written (word-decisions.ts):
   * the token cannot be right as written unless the lexicon lacks the word, so its fix risks less
   * than a change of a known word (calibration.ts: the non-word bar). */
  nonWord?: boolean;
  /** Calibrated: the word as written cannot be right (calibration.ts `notAWord`): the non-word bar holds. */
  notAWord?: boolean;
}

/** A normalisation change against the input (same shape as normalise's NormalizeChange). */
export interface InputChange {
  offset: number;
  length: number;
  before: string;
  after: string;
  kind: string;
}

/**
 * Corrections against `input`, given the normalisation changes (input → normalised) and the repair
 * edits (normalised → output). A repair edit that touches a normalised span is merged with it into
 * one correction carrying the repair rule, so no correction ever refers to text that is not in the input.
 */
export function composeCorrections(input: string, normalised: string, changes: readonly InputChange[], edits: readonly Edit[]): Correction[] {
  // Each normalisation change's span in the normalised text.
  interface Span { s: number; e: number; is: number; ie: number; change?: InputChange; edit?: Edit }
  const spans: Span[] = [];
  let delta = 0;
  for (const c of changes) {
    const s = c.offset + delta;
    spans.push({ s, e: s + c.after.length, is: c.offset, ie: c.offset + c.length, change: c });
    delta += c.after.length - c.length;
  }
  // Map a position of the normalised text outside any change back to the input: by the last change
  // that ends at or before it. The spans' ends rise with their starts (the changes are sorted and
  // apart), so a binary search finds it — one scan per correction made repair quadratic in a text
  // with many of both (random bytes read as Latin-1).
  const toInput = (pos: number): number => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (spans[mid]!.e <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? pos : pos + spans[lo - 1]!.ie - spans[lo - 1]!.e;
  };
  const items: Span[] = [...spans];
  for (const e of edits) items.push({ s: e.offset, e: e.offset + e.length, is: -1, ie: -1, edit: e });
  items.sort((a, b) => a.s - b.s || a.e - b.e);
  countWork(items.length);
  const out: Correction[] = [];
  let i = 0;
  while (i < items.length) {
    const group = [items[i]!];
    let end = items[i]!.e;
    let hasInsertion = items[i]!.s === items[i]!.e;
    let j = i + 1;
    // Overlapping or touching spans (an insertion at a boundary) form one correction.
    const touches = (next: Span): boolean => next.s < end || (next.s === end && (next.s === next.e || hasInsertion));
    while (j < items.length && touches(items[j]!)) {
      end = Math.max(end, items[j]!.e);
      if (items[j]!.s === items[j]!.e) hasInsertion = true;
      group.push(items[j]!);
      j++;
    }
    i = j;
    // Loops, not Math.min(...group): a group can be as long as the text (a spread that long overflows the stack).
    let s = Infinity;
    let normStart = Infinity;
    let normEnd = -Infinity;
    for (const g of group) {
      if (g.s < s) s = g.s;
      if (g.change) {
        if (g.is < normStart) normStart = g.is;
        if (g.ie > normEnd) normEnd = g.ie;
      }
    }
    const e = end;
    const repairs = group.filter((g) => g.edit).map((g) => g.edit!);
    const is = Math.min(toInput(s), normStart);
    const ie = Math.max(toInput(e), normEnd);
    const inner = repairs.map((r) => ({ offset: r.offset - s, length: r.length, after: r.after }));
    const after = applyEdits(normalised.slice(s, e), inner);
    const before = input.slice(is, ie);
    if (before === after) continue;
    const main = repairs[0];
    out.push({
      offset: is,
      length: ie - is,
      before,
      after,
      confidence: main ? repairs.reduce((m, r) => Math.min(m, r.confidence), Infinity) : 1,
      // Two edits in one correction (their spans overlap through a normalisation change): both rules.
      rule: main ? ([...new Set(repairs.map((r) => r.rule))].join('+') as CorrectionRule) : 'normalize',
    });
  }
  return out;
}

/** The input offsets of positions of the normalised text (ascending, each outside any
 * normalisation change), given the normalisation changes (input → normalised). */
export function inputOffsets(changes: readonly InputChange[], positions: readonly number[]): number[] {
  const out: number[] = [];
  let k = 0;
  let delta = 0; // normalised − input length of the changes passed so far
  for (const pos of positions) {
    for (; k < changes.length; k++) {
      const c = changes[k]!;
      if (c.offset + delta + c.after.length > pos) break;
      delta += c.after.length - c.length;
    }
    out.push(pos - delta);
  }
  return out;
}

/** A confidence as reported: three decimals. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
