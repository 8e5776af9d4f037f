/**
 * arkivtext — the public API. One stage a module, in the order data flows:
 * bytes → pages (extract) → text → clean text (normalise, repair) → fingerprints (dedupe), and the
 * archive run that composes them.
 */
export type { Correction, CorrectionRule, EditRule, LeftAlone, RepairResult, RuleId, SkipReason, WordRuleId, WordRuleLabel, PageSource, PageText, ExtractResult } from './types.js';
export { ArkivError, type ArkivErrorCode } from './errors.js';
export * from './normalise/index.js';
export * from './repair/index.js';
export * from './extract/index.js';
export * from './dedupe/index.js';
export * from './run/index.js';
export * from './pipeline/index.js';
// How close a text is to its truth (CER, word alignment, words fixed and damaged): the measures the
// benchmarks, tests and training scripts share, for anyone scoring arkivtext on their own corpus.
export * from './eval/metrics.js';
