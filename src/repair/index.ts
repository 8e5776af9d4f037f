/**
 * The repair stage: OCR text of Swedish documents in, repaired text and an audit log of every
 * change out. See repair.ts for the steps and lexicon.ts for the word knowledge it uses.
 *
 * The site finders of the learned rules (markSwaps, yearRangeHyphens, gluedSentenceGlyphs …) and
 * the helpers the trainer counts with (knownWithDiacritics, diacriticRate, foldDiacritics) are
 * internal: scripts/train-repair.ts imports their modules directly.
 */
export type { RepairOptions } from './repair.js';
export { CALIBRATION_FEATURES, loadCalibration, type CalibrationFile, type RepairCalibration, type RuleCalibration } from './calibration.js';
export { repair } from './safe-repair.js';
export { RULES, isCorrectionRule, isWordRepair, ruleIds, type ModelKey, type RepairRule, type TrainerCounter } from './rules.js';
export { MAX_TOKEN, passedSpans, type PassedSpan } from './guard.js';
export { Lexicon, defaultLexicon, loadLexicon } from './lexicon.js';
export type { WordKnowledge } from './words.js';
export { decideOrthography, decideSpelling, type OrthographyDecision, type OrthographyEvidence, type PageOrthography, type Spelling, type TextOrthography } from './orthography.js';
export { spellingKey } from './old-swedish.js';
export { loadContextData, type ContextData } from './context-model.js';
