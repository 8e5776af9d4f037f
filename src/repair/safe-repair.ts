/**
 * `repair` as the library, the CLI and the run call it: the rule pipeline of repair.ts behind the
 * guard that passes very long tokens and non-Latin stretches through untouched (guard.ts).
 */
import type { RepairResult } from '../types.js';
import { checkBooleanOption, checkNumberOption, checkObjectOption, checkOneOf, checkOptions, checkString } from '../validate.js';
import { DOC_CLASSES } from './model-file.js';
import { guardedRepair } from './guard.js';
import { repair as repairText, type RepairOptions } from './repair.js';

export function repair(text: string, options: RepairOptions = {}): RepairResult {
  checkRepairArgs(text, options);
  return guardedRepair(text, options, repairText);
}

/** What `repair` is given, checked before any work (see validate.ts). */
function checkRepairArgs(text: unknown, options: unknown): void {
  checkString('repair', 'text', text);
  checkOptions('repair', options);
  checkNumberOption('repair', options, 'minConfidence', { min: 0, max: 1 });
  for (const key of ['dehyphenate', 'normalize', 'explain']) checkBooleanOption('repair', options, key);
  checkOneOf('repair', options, 'documentClass', DOC_CLASSES);
  checkOneOf('repair', options, 'spelling', ['auto', 'modern', 'pre-1906']);
  for (const key of ['lexicon', 'params', 'model', 'oldParams', 'context']) checkObjectOption('repair', options, key);
  // `calibration: null` asks for the raw scores.
  if ((options as { calibration?: unknown } | undefined)?.calibration !== null) checkObjectOption('repair', options, 'calibration');
}
