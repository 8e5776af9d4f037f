/**
 * Edits and their composition with the normalisation step, so every correction is reported against
 * the ORIGINAL input: applying the corrections to the input gives exactly the output.
 */
import { applyEdits } from '../normalise/index.js';
import type { Correction, CorrectionRule, EditRule } from '../types.js';

/** A change to a text: replace [offset, offset+length) by `after`. */
export interface Edit {
  offset: number;
  length: number;
  after: string;
  confidence: number;
  rule: EditRule;
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
  // Map a position of the normalised text outside any change back to the input.
  const toInput = (pos: number): number => {
    let d = 0;
    for (const sp of spans) {
      if (!sp.change) continue;
      if (sp.e <= pos) d = sp.ie - sp.e;
      else break;
    }
    return pos + d;
  };
  const items: Span[] = [...spans];
  for (const e of edits) items.push({ s: e.offset, e: e.offset + e.length, is: -1, ie: -1, edit: e });
  items.sort((a, b) => a.s - b.s || a.e - b.e);
  const out: Correction[] = [];
  let i = 0;
  while (i < items.length) {
    const group = [items[i]!];
    let end = items[i]!.e;
    let j = i + 1;
    // Overlapping or touching spans (an insertion at a boundary) form one correction.
    const touches = (next: Span): boolean => next.s < end || (next.s === end && (next.s === next.e || group.some((g) => g.s === g.e)));
    while (j < items.length && touches(items[j]!)) {
      end = Math.max(end, items[j]!.e);
      group.push(items[j]!);
      j++;
    }
    i = j;
    const s = Math.min(...group.map((g) => g.s));
    const e = end;
    const repairs = group.filter((g) => g.edit).map((g) => g.edit!);
    const norm = group.filter((g) => g.change);
    const is = norm.length ? Math.min(toInput(s), ...norm.map((g) => g.is)) : toInput(s);
    const ie = norm.length ? Math.max(toInput(e), ...norm.map((g) => g.ie)) : toInput(e);
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
      confidence: main ? Math.min(...repairs.map((r) => r.confidence)) : 1,
      // Two edits in one correction (their spans overlap through a normalisation change): both rules.
      rule: main ? (repairs.map((r) => r.rule).filter((r, k, all) => all.indexOf(r) === k).join('+') as CorrectionRule) : 'normalize',
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
