/**
 * The repair stage: OCR text of Swedish documents in, repaired text and an audit log of every
 * change out. See repair.ts for the steps and lexicon.ts for the word knowledge it uses.
 */
export { knownWithDiacritics, type RepairOptions } from './repair.js';
export { repair } from './safe-repair.js';
export { RULES, isCorrectionRule, isWordRepair, ruleIds, type ModelKey, type RepairRule, type TrainerCounter } from './rules.js';
export { MAX_TOKEN, passedSpans, type PassedSpan } from './guard.js';
export { Lexicon, defaultLexicon, loadLexicon } from './lexicon.js';
export type { WordKnowledge } from './words.js';
export { diacriticRate } from './doc-class.js';
export { markSwaps, type MarkSwap, type MarkSwapKind } from './sentence-marks.js';
export { abbreviationSites, damagedAbbreviations, type AbbreviationSite, type AbbreviationRepair, type LearnedAbbreviation } from './dotted-abbreviations.js';
export { colonLineBreaks, gluedSentenceGlyphs, loneGlyphs, sentenceInitialGlyphs, type ColonBreak, type GluedGlyph, type LoneGlyph } from './glyph-words.js';
export { yearRangeHyphens } from './year-ranges.js';
export { tillReadings, type TillReading, type TillStartKind } from './till-glyphs.js';
export { foldDiacritics } from './model.js';
export { decideOrthography, decideSpelling, orthographyModel, type OrthographyDecision, type OrthographyEvidence, type PageOrthography, type Spelling, type TextOrthography } from './orthography.js';
export { oldSwedishEdits, oldSwedishWords, readOldToken, spellingKey, frakturChannel, channelCost, type FrakturChannel, type OldRepairParams } from './old-swedish.js';
