/**
 * `repair` as the library, the CLI and the run call it: the rule pipeline of repair.ts behind the
 * guard that passes very long tokens and non-Latin stretches through untouched (guard.ts).
 */
import type { RepairResult } from '../types.js';
import { guardedRepair } from './guard.js';
import { repair as repairText, type RepairOptions } from './repair.js';

export function repair(text: string, options: RepairOptions = {}): RepairResult {
  return guardedRepair(text, options, repairText);
}
