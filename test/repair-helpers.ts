import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repair, type RepairOptions } from '../src/repair/index.js';
import type { Correction } from '../src/types.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

/** Document classes forced, for sentences too short to show their own. */
export const STRIPPED = { documentClass: 'stripped' as const };
export const NORMAL = { documentClass: 'normal' as const };
/** The repaired text alone. */
export const fix = (text: string, options = {}): string => repair(text, options).text;
/** What repair changed, as [before, after, rule] triples in text order. */
export const changesOf = (text: string, options: RepairOptions = {}): Array<[string, string, string]> =>
  repair(text, options).corrections.map((c) => [c.before, c.after, c.rule]);

/** Character error rate, as the official scorer counts it (src/eval/metrics.ts). */
export { cer } from '../src/eval/metrics.js';

/** The input with the corrections applied: what the audit log promises reproduces the output. */
export { applyEdits as applyCorrections } from '../src/normalise/index.js';

/** Corrections must be sorted, non-overlapping and name exactly the input text they replace. */
export function checkCorrections(input: string, corrections: readonly Correction[]): void {
  let end = 0;
  for (const c of corrections) {
    if (c.offset < end) throw new Error(`correction at ${c.offset} overlaps the previous one (ends ${end})`);
    if (input.slice(c.offset, c.offset + c.length) !== c.before) throw new Error(`correction at ${c.offset}: before '${c.before}' is not the input's '${input.slice(c.offset, c.offset + c.length)}'`);
    if (!(c.confidence >= 0 && c.confidence <= 1)) throw new Error(`confidence ${c.confidence} out of range`);
    end = c.offset + c.length;
  }
}
