/**
 * The word step of repair: every unit's best reading, in two passes — each word alone, to give its
 * neighbours a provisional context, then left to right with the final left neighbour and the
 * provisional right one — and the edits of the word rules and of dehyphenation.
 */
import { characterClass, languageTable } from '../language.js';
import type { EditRule, WordRuleLabel } from '../types.js';
import { belowBar, calibrateEdit, channelSubstitutions } from './calibration.js';
import { round, type Edit } from './edits.js';
import { weighContext } from './context-gate.js';
import { decide, type Context, type Decision } from './ranking.js';
import { wordRuleFor } from './rules.js';
import type { RepairRun } from './run.js';
import { adjacent, type Unit } from './units.js';
import { attestedLogP } from './attested.js';
import type { Engines } from './engines.js';
import type { TokenHypotheses } from './hypotheses.js';
import type { RepairParams } from './model.js';
import { memoByObject } from '../memo.js';
import { whyLeftAlone, type WordChoice } from './word-checks.js';

let strippable: RegExp | undefined;
/** A known word with a letter an OCR without Swedish loses (dictionaries/sv/stripped-diacritics.txt)
 * survived the OCR intact: the document vouches for it (as for a known word with no other reading;
 * `for` in a stripped text may be `för`, so it does not). */
function survivedStripping(word: string): boolean {
  if (!strippable) {
    const letters = [...languageTable('sv/stripped-diacritics').keys()];
    strippable = characterClass([...letters, ...letters.map((c) => c.toUpperCase())]);
  }
  return strippable.test(word);
}
// How sure a repair must be to vouch for its word in the rest of the document, and the confidence
// of a line-end join whose word is known: the model's `decisions` settings
// (dictionaries/repair-settings.json; DecisionSettings in model-file.ts).

/** Why a found reading was not taken, for which it is still suggested (with `suggest`). */
export const SUGGESTED: ReadonlySet<string> = new Set(['below-threshold', 'against-context', 'repeated-name', 'used-word', 'attested-form', 'older-inflection', 'all-caps', 'compound-part', 'name-sequence', 'identifier', 'code-name', 'foreign-compound', 'foreign-word', 'english-passage', 'technical-twin', 'code-in-prose']);
/** The least (calibrated) confidence of a reading suggested below the bar. */
export const SUGGEST_MIN = 0.5;


/** How sure a non-word's reading alone must be for its substitutions to count as the document's
 * channel (the calibration's `channel` feature). */
export const CHANNEL_MIN = 0.99;

/** A plain word, fit to be bigram context. */
const WORD = /^\p{L}+$/u;

/**
 * Whether a document shows OCR damage: its non-words repaired (`repaired`: pass-1 decisions at the
 * confidence repair applies) per word unit (`units` of them) at `minRate` or more. Clean prose
 * repairs almost none (the seeds and training truths ≤ 0.003 per word); the Swedish-model training
 * OCR repairs ≥ 0.024.
 */
function showsDamage(repaired: number, units: number, minRate: number): boolean {
  return repaired >= minRate * units && repaired > 0;
}

/** The non-words whose pass-1 reading is at least `minConfidence` sure. */
function nonWordRepairs(units: Unit[], decisions: ReadonlyArray<Decision | null>, minConfidence: number): number {
  let repaired = 0;
  units.forEach((u, i) => {
    const d = decisions[i];
    if (d && !u.hyps!.original.known && d.best !== u.hyps!.original && d.confidence >= minConfidence) repaired++;
  });
  return repaired;
}


/** Per engines and weights (as JSON), the pass-1 decisions by readings object. */
const aloneDecisionsByParams = memoByObject((_eng: Engines): Map<string, WeakMap<TokenHypotheses, Decision | null>> => new Map());

/**
 * The decisions of words alone (no neighbours, no document words) for these engines and weights:
 * a token's readings are one cached object shared by all its occurrences (HypothesisMaker.for),
 * and alone its decision depends on nothing else (a unit's word is its readings' original), so it
 * is made once, not at every occurrence. The weights are a run's own object (the model's, with
 * options.params over them), so they are told apart by value.
 */
function aloneDecisions(eng: Engines, params: RepairParams): WeakMap<TokenHypotheses, Decision | null> {
  const byParams = aloneDecisionsByParams(eng);
  const key = JSON.stringify(params);
  let decisions = byParams.get(key);
  if (decisions === undefined) {
    // A fit tries many weights: only the last few are kept.
    if (byParams.size >= 4) byParams.clear();
    decisions = new WeakMap();
    byParams.set(key, decisions);
  }
  return decisions;
}

/** Decides every unit of `run` and adds the edits of the word rules and dehyphenation. */
export function decideWords(run: RepairRun): void {
  const { units, eng, params, minConfidence, model, docClass, wordText: wt, text: t } = run;
  // Pass 1: each word alone (prior only), to give its neighbours a provisional context.
  const alone: Context = { left: null, right: null, documentWords: null };
  const decidedAlone = aloneDecisions(eng, params);
  const firstDecisions = units.map((u): Decision | null => {
    const hyps = u.hyps;
    // Alone, a unit's decision is its readings' (the token's, shared by its every occurrence).
    if (hyps === null || hyps.original.text !== u.word) return decide(u, alone, eng, params);
    let d = decidedAlone.get(hyps);
    if (d === undefined) {
      d = decide(u, alone, eng, params);
      decidedAlone.set(hyps, d);
    }
    return d;
  });
  // A known word read as another known word is weighed only where the document shows OCR damage
  // (see word-checks.ts); in a diacritic-stripped document it always does.
  const repaired = nonWordRepairs(units, firstDecisions, minConfidence);
  const weighKnownWords = docClass === 'stripped' || showsDamage(repaired, units.length, model.markMinRepairRate);
  // How damaged the document is (a feature of every correction's calibration): its non-words
  // repaired alone, per word.
  run.damageRate = repaired / Math.max(1, units.length);
  // The document's own OCR channel: the substitutions its surest non-word readings make.
  units.forEach((u, i) => {
    const d = firstDecisions[i];
    if (d && !u.hyps!.original.known && d.best !== u.hyps!.original && d.confidence >= CHANNEL_MIN) {
      const own = channelSubstitutions(run, u.word, d.best.text);
      for (const s of own) run.channel.set(s, (run.channel.get(s) ?? 0) + 1);
      run.channelOwn.set(u.start, own);
    }
  });
  const weighed = (u: Unit): boolean => weighKnownWords || !u.hyps?.original.known;
  const knownMinConfidence = Math.max(minConfidence, params.knownMinConfidence);
  const threshold = (u: Unit): number => (u.hyps?.original.known ? knownMinConfidence : minConfidence);
  const documentWords = new Set<string>();
  const provisional = units.map((u, i) => {
    const d = weighed(u) ? firstDecisions[i]! : null;
    // Short words (`den`, `för`) are in every document: their use here says nothing.
    if (u.word.length >= model.decisions.documentWordMinLength) {
      if (d && d.confidence >= model.decisions.documentWordConfidence && d.best !== u.hyps!.original) documentWords.add(d.best.text.toLowerCase());
      else if (u.hyps?.original.known && (survivedStripping(u.word) || u.hyps.alternatives.length === 0)) documentWords.add(u.word.toLowerCase());
    }
    // (A provisional reading is a guess for context, not an edit: the calibrated bar is applied to
    // the word's own decision in pass 2. Applied here too it cost held-out cut and saved no word.)
    return d && d.confidence >= threshold(u) ? d.best.text : u.word;
  });
  run.provisional = provisional;
  // Pass 2: left to right, with the final left neighbour and the provisional right one.
  const chosen = run.chosen;
  const explain = run.leftAlone;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    // Neighbours only for a unit with something to decide (most have not).
    const open = u.hyps !== null && u.hyps.alternatives.length > 0;
    const left = open && i > 0 && adjacent(wt, units[i - 1], u) && WORD.test(chosen[i - 1]!) ? chosen[i - 1]!.toLowerCase() : null;
    const right = open && adjacent(wt, u, units[i + 1]) && WORD.test(provisional[i + 1]!) ? provisional[i + 1]!.toLowerCase() : null;
    const weighedContext = weighContext(run, i, left, right, provisional, weighed(u) ? decide(u, { left, right, documentWords }, eng, params) : null, threshold(u));
    const d = weighedContext.decision;
    let word = u.word;
    let rule: WordRuleLabel | null = null;
    let confidence = 1;
    const hyps = u.hyps;
    // A word the lexicon lacks but older Swedish attests: weighed again with the prior of that use.
    let attested = false;
    if (d && hyps && d.best !== hyps.original && !hyps.original.known) {
      const originalLogP = attestedLogP(u.word);
      if (originalLogP !== null) {
        const again = decide(u, { left, right, documentWords, originalLogP }, eng, params);
        attested = again === null || again.best === hyps.original || again.confidence < weighedContext.threshold;
      }
    }
    const why = hyps === null ? u.leftAlone! : whyLeftAlone({ run, index: i, unit: u as WordChoice['unit'], decision: d, weighKnownWords, threshold: weighedContext.threshold, againstContext: weighedContext.againstContext, knownSwap: weighedContext.knownSwap, usedWord: weighedContext.usedWord === true, attested, provisional });
    if (why === null) {
      word = d!.best.text;
      const wordRule = wordRuleFor(d!.best, hyps!.original);
      rule = wordRule;
      // Say so when the document's own use of the word decided it (the reviewer can check there).
      if (documentWords.has(word.toLowerCase())) {
        const without = decide(u, { left, right, documentWords: null }, eng, params);
        if (!without || without.best !== d!.best || without.confidence < threshold(u)) rule = `${wordRule}+document`;
      }
      confidence = d!.confidence;
    } else {
      if (explain && (hyps === null || hyps.alternatives.length > 0 || !hyps.original.known)) explain.push({ offset: u.start, word: u.word, reason: why });
      // A reading found but not taken, listed for the archivist (`suggest`).
      if (run.suggestions && d && hyps && d.best !== hyps.original && SUGGESTED.has(why) && (why !== 'below-threshold' || d.confidence >= SUGGEST_MIN)) {
        run.suggestions.push({ offset: u.start, length: u.end - u.start, after: d.best.text, confidence: round(d.confidence), rule: wordRuleFor(d.best, hyps.original), held: why });
      }
    }
    let editRule: EditRule | null = rule;
    if (u.joinedHyphen) {
      const known = u.hyps?.original.known || rule !== null;
      editRule = rule ? `dehyphenate+${rule}` : 'dehyphenate';
      confidence = Math.min(confidence, known ? model.decisions.knownJoin : model.hyphenJoin);
      // A colon read for the hyphen: no likelier than training found it.
      if (wt !== t && t[u.start + u.raw.indexOf('-')] === ':') confidence = Math.min(confidence, model.colonHyphen);
      if (confidence < minConfidence) {
        if (explain) {
          if (explain[explain.length - 1]?.offset === u.start) explain.pop();
          explain.push({ offset: u.start, word: u.word, reason: 'below-threshold' });
        }
        // Not joined, so not read either: the word as written is its neighbours' context.
        chosen.push(u.word);
        continue;
      }
    }
    if (u.joinedWords) {
      // A word split across a line break, joined (join-words): no surer than the join.
      const join = run.joins.find((j) => j.start === u.start)!;
      editRule = rule ? `join-words+${rule}` : 'join-words';
      confidence = Math.min(confidence, join.p);
    }
    if (word !== u.raw) {
      const nonWord = rule !== null && !u.joinedHyphen && !u.joinedWords && hyps !== null && !hyps.original.known;
      const edit: Edit = { offset: u.start, length: u.end - u.start, after: word, confidence: round(confidence), rule: editRule!, ...(nonWord ? { nonWord } : {}) };
      // The calibrated bar, here and not after all rules ran: a reading held back is a suggestion,
      // and its word as written (not the reading) is the context of the words after it.
      const held = run.calibration ? calibrateEdit(run, edit, true) : null;
      if (held && belowBar(run.calibration!, held)) {
        heldBack(run, held);
        word = u.word;
        rule = null;
      } else run.edits.push(held ?? edit);
    }
    chosen.push(word);
    if (rule) run.wordRepairs++;
  }
}

/** A word edit below the calibrated bar: listed as a suggestion (with `suggest`), and with
 * `explain` its word says `below-threshold`. */
function heldBack(run: RepairRun, e: Edit): void {
  run.suggestions?.push(e);
  const explain = run.leftAlone;
  if (!explain) return;
  const entry = { offset: e.offset, word: run.text.slice(e.offset, e.offset + e.length).replace(/-\s+/gu, ''), reason: 'below-threshold' as const };
  if (explain[explain.length - 1]?.offset === e.offset) explain[explain.length - 1] = entry;
  else explain.push(entry);
}
