/**
 * Where repair's word choice meets the broad-register context model (context-model.ts): a known
 * word read as another known word (`sitta` → `sätta`, `han` → `hån`, `bar` → `har`) is replaced
 * only where the sentence prefers the other word by a clear margin, and its confidence is then the
 * calibrated probability that the replacement is right (context-calibration.ts). A word the
 * lexicon lacks but real text uses (`voro`, `äro`: older plurals; loans) is replaced only where the
 * sentence prefers the replacement by the same margin. Without the calibration file repair decides
 * as before.
 */
import { memoByObject, remember } from '../memo.js';
import { calibrated, contextCalibration } from './context-calibration.js';
import { markToken, type ContextModel, type Neighbours } from './context-model.js';
import type { Engines } from './engines.js';
import { CORPUS_WORDS } from './language-model.js';
import type { Decision } from './ranking.js';
import { wordRuleFor } from './rules.js';
import type { RepairRun } from './run.js';
import { adjacent, isSpaceCode, midSentence, type Unit } from './units.js';

/** A plain word, fit to be context. */
const WORD = /^\p{L}+$/u;
/** The broad-register prior from which a word the lexicon lacks counts as used by real text. */
const LISTED_PRIOR = 1e-7;
/** A capitalised word of plain letters, none a glyph an OCR writes for a Swedish vowel (`G`, `d`). */
const PLAIN_NAME = /^[A-FH-Z][a-ce-z]+$/u;
/** Times a document repeats such a word mid-sentence for it to count as a name. */
const NAME_REPEATS = 2;
const STARTS_UPPER = /^\p{Lu}/u;
/** (Module constants: the bundler builds a `\p{…}` literal inside a function anew at every call.) */
const LOWER_LETTER = /\p{Ll}/u;
/** A capitalised or all-caps word of plain ASCII letters: how a name, an abbreviation or a foreign
 * word is written (`Star`, `LANG`, `Sd`); no glyph an OCR writes for a Swedish letter (`é`, `6`). */
const PLAIN_CAPITALISED = /^[A-Z][A-Za-z]*$/u;
/** The broad-register prior from which such a word, met mid-sentence, is taken as written. */
const USED_NAME_PRIOR = 1e-6;

export interface Weighed {
  /** The decision, its confidence calibrated where the context model weighed it. */
  decision: Decision | null;
  /** The bar the (calibrated) confidence must reach. */
  threshold: number;
  /** The sentence does not prefer the reading clearly enough (the word keeps its spelling). */
  againstContext: boolean;
  /** A word real text uses, read by plain edits (the word keeps its spelling). */
  usedWord?: boolean;
  /** For a known word read as another known word: the context model's log-odds of the reading
   * against the word, and what the neighbours add to them beyond the two words' broad priors
   * (technical.ts: a technical text's twin needs that support). */
  knownSwap?: { logOdds: number; lift: number };
}

/** Whether the word is capitalised and continues a sentence (a name, often). */
function capitalMid(run: RepairRun, u: Unit): boolean {
  return STARTS_UPPER.test(u.word) && midSentence(run.wordText, u.start);
}

/** Whether the word at `start` follows a lower-case letter on its own line (mid-sentence, not after a comma). */
function afterLowerWord(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && i < start - 1 && LOWER_LETTER.test(text[i]!);
}

/** A sentence mark right after a word (`sa:`, `kant.`, `rad,`): then white space, or a quote or
 * dash that ends the chain (as the context model's counts have it). */
const MARK_AFTER = /^([.!?\u2026]+|[,;:])(?![\p{L}\p{N}])/u;

/** Whether `text[from, to)` is white space within one paragraph (at most one line break). */
function spaceBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  let newlines = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!isSpaceCode(c)) return false;
    if (c === 10) newlines++;
  }
  return newlines < 2;
}

/** The neighbours of unit i: final words on the left, provisional ones on the right, and a
 * sentence mark beside the word as a token of its own (`sa` before `:`, a word after `.`). */
function neighbours(run: RepairRun, i: number, left: string | null, right: string | null, provisional: readonly string[]): Neighbours {
  const { units, chosen, wordText: wt } = run;
  const u = units[i]!;
  const n: Neighbours = {
    l2: left !== null && i > 1 && adjacent(wt, units[i - 2], units[i - 1]) && WORD.test(chosen[i - 2]!) ? chosen[i - 2]!.toLowerCase() : null,
    l1: left,
    r1: right,
    r2: right !== null && adjacent(wt, units[i + 1], units[i + 2]) && WORD.test(provisional[i + 2]!) ? provisional[i + 2]!.toLowerCase() : null,
  };
  const after = MARK_AFTER.exec(wt.slice(u.end, u.end + 8));
  if (after) {
    const next = units[i + 1];
    const markEnd = u.end + after[0].length;
    n.r1 = markToken(after[1]!);
    n.r2 = next && WORD.test(provisional[i + 1]!) && spaceBetween(wt, markEnd, next.start) ? provisional[i + 1]!.toLowerCase() : null;
  }
  const prev = units[i - 1];
  if (left === null && prev) {
    const before = MARK_AFTER.exec(wt.slice(prev.end, prev.end + 8));
    if (before && spaceBetween(wt, prev.end + before[0].length, u.start)) {
      n.l1 = markToken(before[1]!);
      n.l2 = WORD.test(chosen[i - 1]!) ? chosen[i - 1]!.toLowerCase() : null;
    }
  }
  return n;
}

/** Weighs unit i's decision by the context model (see the module comment). */
export function weighContext(run: RepairRun, i: number, left: string | null, right: string | null, provisional: readonly string[], d: Decision | null, threshold: number): Weighed {
  const u = run.units[i]!;
  const original = u.hyps?.original;
  const plain: Weighed = { decision: d, threshold, againstContext: false };
  if (!d || !original || d.best === original) return plain;
  const cal = contextCalibration(run.docClass);
  const eng = run.eng;
  const knownSwap = original.known && d.best.known && d.best.source !== 'edit-distance';
  const lower = u.word.toLowerCase();
  // Only what is weighed is looked up: most words never reach the context model.
  const weighsUnknown = !original.known && d.confidence >= threshold && cal !== null && eng.context().used(lower, LISTED_PRIOR);
  if (!(knownSwap && cal) && !weighsUnknown && !run.trace) return plain;
  const n = neighbours(run, i, left, right, provisional);
  const logOdds = eng.context().logOdds(lower, d.best.text.toLowerCase(), n);
  let result = plain;
  if (knownSwap && cal) {
    const p = d.confidence >= cal.floor ? calibrated(cal, d.confidence, logOdds, officialness(run), capitalMid(run, u), strippedShare(run)) : 0;
    const against = logOdds <= cal.minLogOdds || sentenceAgainstConfusion(eng.context(), lower, d.best.text.toLowerCase(), logOdds, cal.minLogOdds);
    const lift = logOdds - Math.log(eng.context().prior(d.best.text.toLowerCase()) / eng.context().prior(lower));
    result = { decision: { best: d.best, confidence: p }, threshold: Math.max(run.minConfidence, cal.min), againstContext: against, knownSwap: { logOdds, lift } };
  } else if (weighsUnknown && PLAIN_CAPITALISED.test(u.word) && STARTS_UPPER.test(d.best.text) && afterLowerWord(run.wordText, u.start) && eng.context().prior(lower) >= USED_NAME_PRIOR) {
    // A capitalised word right after a lower-case word on its line, read as another capitalised
    // word, that broad text uses at least once in a million words (`Star Wars`, `Ange LANG`,
    // `Sc och Sd`): a name, an abbreviation or a loan the lexicon lacks, kept as written (train:
    // 1 such reading right, `Pa` → `På`; a reading that lower-cases it, `Over` → `över`, is OCR
    // damage of its first letter and stays a repair).
    result = { ...plain, usedWord: true };
  } else if (weighsUnknown && d.best.source === 'edit-distance') {
    // Plain edits of a word broad text uses (`voro` → `vore`, `kommo` → `komma`, `graffitti`):
    // an older form, a loan or a variant spelling far more often than OCR damage (train: 4 such
    // readings right, 0 wrong; dev fiction and news: 4 right, 10 wrong).
    result = { ...plain, usedWord: true };
  } else if (weighsUnknown && logOdds <= cal!.minLogOdds) {
    // A word real text uses is replaced only where the sentence prefers the reading by the same
    // margin a known word needs (dev fiction and news, train: 9 more right, 41 fewer wrong than
    // a bar of 0 with this model).
    result = { ...plain, againstContext: true };
  }
  run.trace?.events.push({
    start: u.start,
    end: u.end,
    word: u.word,
    best: d.best.text,
    rule: wordRuleFor(d.best, original),
    docClass: run.docClass,
    confidence: d.confidence,
    logOdds,
    p: result.decision!.confidence,
    applied: !result.againstContext && !result.usedWord && result.decision!.confidence >= result.threshold,
    knownOriginal: original.known,
    capitalMid: capitalMid(run, u),
    originalPrior: eng.context().prior(lower),
    officialness: officialness(run),
    strippedShare: strippedShare(run),
    neighbours: [n.l2, n.l1, n.r1, n.r2],
    channel: original.cost - d.best.cost,
  });
  return result;
}

/**
 * Whether a real-word letter confusion goes against its sentence: a known word read as another
 * known word by more than its vowels (`bar` as `har`, `kinder` as `länder`; vowelSkeleton: the
 * English model's å/ä/ö and its `i` for `ä` are vowels), where the neighbours, once the two words'
 * isolation odds (the broad prior) are taken out of the context model's log-odds, prefer the word
 * as written by more than `margin`. Such a misreading is occasional, so `har` being 200 times
 * likelier than `bar` alone is no reason to replace `bar` where the sentence wants it; a vowel
 * twin in a text whose OCR strips å/ä/ö is another matter — the page writes every `för` as `for`
 * — and a rare written word's neighbours are predicted by little more than their own frequency
 * (`ar`), so there the total log-odds decide as before. Train and dev OCR, both models: 3 right
 * words kept (`kinder`, `Dir`), 4 right replacements held back.
 */
export function sentenceAgainstConfusion(cm: { prior(w: string): number }, word: string, best: string, logOdds: number, margin: number): boolean {
  if (vowelSkeleton(word) === vowelSkeleton(best)) return false;
  return logOdds - Math.log(cm.prior(best) / cm.prior(word)) < -margin;
}

/** Per word, the most it adds to or takes from the officialness (log ratio, nats). */
const OFFICIAL_CLIP = 4;
/** The officialness a document can have, about the range of the documents the calibration saw. */
const OFFICIAL_RANGE = [-1, 2] as const;

/** A word's part of the officialness (see below), NaN when it counts for nothing. */
function officialTerm(words: Engines['words'], cm: ContextModel, word: string): number {
  if (word.length < 2 || !WORD.test(word)) return Number.NaN;
  const w = word.toLowerCase();
  const official = words.frequency(w);
  const broad = official > 0 ? cm.broadShare(w) : 0;
  if (broad <= 0) return Number.NaN;
  return Math.max(-OFFICIAL_CLIP, Math.min(OFFICIAL_CLIP, Math.log(official / CORPUS_WORDS / broad)));
}

/** Per engines (word source, model, context data), officialTerm by word as written: a document's
 * words recur, within it and across an archive. */
const officialTerms = memoByObject((_eng: Engines): Map<string, number> => new Map());
const TERMS_LIMIT = 200_000;

/**
 * How official the document's wording is: the mean, over its word tokens that both official prose
 * (the lexicon's counts) and the fiction and news of the context model know, of log(share in
 * official prose / share in the fiction and news), each clipped to ±4. Official prose scores about
 * +1 (`enligt`, `kommunen`, `ska`), fiction about −1 (`hon`, `sade`, `jag`). Words with å/ä/ö
 * stripped, unknown to both, count for nothing, so stripped and intact text score alike.
 */
export const officialness = memoByObject((run: RepairRun): number => {
  const cm = run.eng.context();
  let sum = 0;
  let n = 0;
  // Only a word source that counts like the official corpus (`och` about 3 % of its words) says
  // how official a text is; another (a test's word list) leaves the document neutral.
  const officialScale = run.eng.words.frequency('och') >= CORPUS_WORDS / 1000;
  const terms = officialTerms(run.eng);
  for (const u of officialScale ? run.units : []) {
    let term = terms.get(u.word);
    if (term === undefined) {
      term = remember(terms, u.word, officialTerm(run.eng.words, cm, u.word), TERMS_LIMIT);
    }
    if (Number.isNaN(term)) continue;
    sum += term;
    n++;
  }
  // Within the range the calibration was fitted on (documents scored −0.6 to +1.6): a word
  // source counted on another scale (an archive's own list, a test's) is not extrapolated.
  return n > 0 ? Math.max(OFFICIAL_RANGE[0], Math.min(OFFICIAL_RANGE[1], sum / n)) : 0;
});

const SWEDISH_LETTER = /[åäöÅÄÖ]/u;
const fold = (w: string): string => w.toLowerCase().replace(/[åä]/gu, 'a').replace(/ö/gu, 'o');

/**
 * The share of the document's words with å/ä/ö whose diacritics its OCR stripped: words the lexicon
 * lacks that read as a known word by putting å/ä/ö back (`vanta`, `forsta`), against words written
 * with å/ä/ö, add-one smoothed. An English-model text scores near 1; a Swedish-model one a few per
 * cent: there a known word (`far`, `bor`) is seldom a stripped twin.
 */
export const strippedShare = memoByObject((run: RepairRun): number => {
  let intact = 0;
  let stripped = 0;
  for (const u of run.units) {
    if (SWEDISH_LETTER.test(u.word)) intact++;
    else if (u.hyps && !u.hyps.original.known) {
      const f = fold(u.word);
      if (u.hyps.alternatives.some((a) => a.known && SWEDISH_LETTER.test(a.text) && fold(a.text) === f)) stripped++;
    }
  }
  return (stripped + 0.5) / (stripped + intact + 1);
});

/** The word with its vowels and `i` (a glyph the English model writes for `ä`) starred: a reading
 * with the same skeleton puts Swedish letters back (`Nir` → `När`, `Linkopings`), no name is changed. */
export function vowelSkeleton(word: string): string {
  return word.toLowerCase().replace(/[aåäoöeéi]/gu, '*');
}

/** How often the document writes each word unit, counted once per run. */
const tokenCounts = memoByObject((run: RepairRun): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const x of run.units) counts.set(x.word, (counts.get(x.word) ?? 0) + 1);
  return counts;
});

/**
 * A capitalised word of plain letters that the document repeats mid-sentence (`Agga`, `Nana` in a
 * novel) is a name the lexicon lacks, not OCR damage: damage by plain letters rarely repeats itself
 * letter for letter, and a glyph the OCR writes for a Swedish letter (`Gver`, `Ostergdtland`,
 * `Linképings`, `Nir`) or diacritics put back (`Linkopings`) are no plain-letter change.
 */
export function repeatedName(run: RepairRun, u: Unit, d: Decision): boolean {
  if (!PLAIN_NAME.test(u.word) || u.hyps?.original.known !== false || vowelSkeleton(d.best.text) === vowelSkeleton(u.word) || !midSentence(run.wordText, u.start)) return false;
  return (tokenCounts(run).get(u.word) ?? 0) >= NAME_REPEATS;
}
