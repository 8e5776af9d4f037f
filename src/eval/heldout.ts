/**
 * Scoring of repair on text with known truth: the held-out registers set (fixtures/heldout/), and
 * any other truth + OCR pair. Used by bench/repair.mjs and the tests, so both count alike.
 *
 * - Text, words, character errors and right words as ./metrics.ts (the official scorer) counts
 *   them. *Damaged*: a truth word right in the input, not in the output. *Fixed*: the other way round.
 * - A correction is judged against the truth word(s) its input words align to (see `judgeCorrections`).
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Correction } from '../types.js';
import { characterErrors, flatten, flatWords, wordChanges } from './metrics.js';
// The error classes of a text against its truth (bench/repair-errors.mjs), in the same build entry.
export * from './error-classes.js';

const words = flatWords;

/** Counts of one document or a sum of documents. */
export interface Score {
  docs: number;
  /** Truth characters (flattened, code points). */
  chars: number;
  /** Character errors of the input and of the output against the truth. */
  errorsIn: number;
  errorsOut: number;
  /** Truth words right in the input, and wrong in it. */
  right: number;
  wrong: number;
  /** Wrong in the input, right in the output. */
  fixed: number;
  /** Right in the input, wrong in the output. */
  damaged: number;
  /** Documents whose output has more character errors than their input. */
  worse: number;
}

export const emptyScore = (): Score => ({ docs: 0, chars: 0, errorsIn: 0, errorsOut: 0, right: 0, wrong: 0, fixed: 0, damaged: 0, worse: 0 });

/** Scores one repaired document against its truth. `errorsIn` may be given when already known. */
export function scoreDocument(truth: string, input: string, output: string, errorsIn?: number): Score {
  const t = flatten(truth);
  const ref = words(t);
  const eIn = errorsIn ?? characterErrors(input, t);
  const eOut = output === input ? eIn : characterErrors(output, t);
  const s = { ...emptyScore(), ...wordChanges(ref, words(input), words(output)) };
  s.docs = 1;
  s.chars = [...t].length;
  s.errorsIn = eIn;
  s.errorsOut = eOut;
  s.worse = eOut > eIn ? 1 : 0;
  return s;
}

export function addScores(...scores: Score[]): Score {
  const s = emptyScore();
  for (const x of scores) for (const k of Object.keys(s) as (keyof Score)[]) s[k] += x[k];
  return s;
}

/** The figures the reports give: CER before and after, the cut, damage as a share of right words. */
export function summary(s: Score): { cerIn: number; cerOut: number; cut: number; damageRate: number } {
  const cerIn = s.chars ? s.errorsIn / s.chars : 0;
  const cerOut = s.chars ? s.errorsOut / s.chars : 0;
  return { cerIn, cerOut, cut: s.errorsIn ? 1 - s.errorsOut / s.errorsIn : 0, damageRate: s.right ? s.damaged / s.right : 0 };
}

// ---------------------------------------------------------------------------------------------
// Corrections against the truth

interface Token {
  text: string;
  start: number;
  end: number;
}
const tokens = (s: string): Token[] => [...s.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
const fold = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Pairs input words with truth words: for each input word the index of its truth word, or -1.
 * Substituting a word costs less when the two are alike (equal but for case, marks and
 * punctuation; or nearly so), so OCR-damaged words pair with their own truth word.
 */
export function pairWords(input: readonly string[], truth: readonly string[]): number[] {
  const n = input.length;
  const m = truth.length;
  const fi = input.map(fold);
  const ft = truth.map(fold);
  const cost = (i: number, j: number): number => {
    if (input[i] === truth[j]) return 0;
    const a = fi[i]!;
    const b = ft[j]!;
    if (a === b) return 0.3;
    if (a && b && Math.abs(a.length - b.length) <= 2 && (a[0] === b[0] || a.slice(-2) === b.slice(-2))) return 0.7;
    return 1.1; // unlike words pair only where no likelier pairing fits
  };
  const w = m + 1;
  const d = new Float64Array((n + 1) * w);
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      d[i * w + j] = Math.min(d[(i - 1) * w + j - 1]! + cost(i - 1, j - 1), d[(i - 1) * w + j]! + 1, d[i * w + j - 1]! + 1);
    }
  }
  const pair = new Array<number>(n).fill(-1);
  let i = n;
  let j = m;
  const eq = (x: number, y: number): boolean => Math.abs(x - y) < 1e-9;
  while (i > 0 && j > 0) {
    if (eq(d[i * w + j]!, d[(i - 1) * w + j - 1]! + cost(i - 1, j - 1))) {
      pair[i - 1] = j - 1;
      i--;
      j--;
    } else if (eq(d[i * w + j]!, d[(i - 1) * w + j]! + 1)) i--;
    else j--;
  }
  return pair;
}

const letters = (s: string): string => s.replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/gu, ' ').trim();
const marks = (s: string): string => s.replace(/[\p{L}\p{N}\s]/gu, '');
const noSpace = (s: string): string => s.replace(/\s+/gu, '');
const wordCount = (s: string): number => s.split(/\s+/u).filter(Boolean).length;
/**
 * Does `wrote` match `truth` in what correction `c` changed? A correction that changed letters or
 * word breaks is judged on the letters and word breaks (so a right `krakunge` → `kråkunge` is not
 * blamed for the comma OCR read as a stop beside it, nor a right join `än-⏎damal` → `ändamål` for
 * the stop OCR lost after it); one that changed punctuation only, on the punctuation; one that
 * changed neither (white space only), on the whole text.
 */
function sameWhereChanged(c: Correction, wrote: string, truth: string): boolean {
  // A join of a word hyphenated at a line end that changes no letter (`sko-⏎igt` → `skoigt`): judged
  // on the word break alone — one word where the truth has one word, and a hyphen only where the
  // truth keeps one (`ATP-⏎avgift`) — not blamed for damage inside the word it left as it was.
  if (noSpace(letters(c.before)) === noSpace(letters(c.after)) && c.before.includes('-') && !c.after.includes('-')) {
    return wordCount(wrote) === wordCount(truth) && wrote.includes('-') === truth.includes('-');
  }
  if (letters(c.before) !== letters(c.after)) return letters(wrote) === letters(truth);
  if (marks(c.before) !== marks(c.after)) return marks(wrote) === marks(truth);
  return wrote === truth;
}

/** A correction, judged: `right` when what it wrote is what the truth has there. */
export interface JudgedCorrection {
  correction: Correction;
  right: boolean;
  /** The input words it touched with the correction(s) applied, flattened. */
  wrote: string;
  /** The truth words those input words pair with (several readings when the pairing is loose). */
  truth: string;
}

/**
 * Judges each correction of a repair of `input` against `truth`. The input words a correction
 * touches (all words overlapping its span; for a pure insertion the words it touches) are
 * rewritten with every correction that touches them, and compared with the truth word(s) they
 * pair with: either the paired truth words alone, or every truth word between the truth words of
 * the nearest paired neighbours (a merged or split word, a word OCR dropped). It is right when
 * either reading matches in what the correction changed (letters and word breaks, or else
 * punctuation: `sameWhereChanged`). Corrections with `applied: false` (suggestions) are judged too; the
 * caller decides whether to count them.
 */
export function judgeCorrections(truth: string, input: string, corrections: readonly Correction[]): JudgedCorrection[] {
  const toks = tokens(input);
  const ref = words(truth);
  const pair = pairWords(
    toks.map((t) => t.text.normalize('NFC')),
    ref,
  );
  const touched = (c: Correction): [number, number] => {
    const lo = c.offset;
    const hi = c.offset + c.length;
    let a = -1;
    let b = -1;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      const hit = c.length > 0 ? t.start < hi && t.end > lo : t.start <= lo && t.end >= lo;
      if (hit) {
        if (a < 0) a = k;
        b = k;
      } else if (t.start >= hi && a >= 0) break;
    }
    if (a < 0) {
      // between words: the word after (or before) the insertion point
      const k = toks.findIndex((t) => t.start >= lo);
      a = b = k < 0 ? toks.length - 1 : k;
    }
    return [a, b];
  };
  const spans = corrections.map(touched);
  return corrections.map((c, ci) => {
    const [a, b] = spans[ci]!;
    if (a < 0) return { correction: c, right: false, wrote: '', truth: '' };
    const from = toks[a]!.start;
    const to = toks[b]!.end;
    // every correction inside [from, to), applied in order
    let text = '';
    let at = from;
    for (const d of corrections) {
      if (d.offset < from || d.offset + d.length > to || d.offset < at) continue;
      text += input.slice(at, d.offset) + d.after;
      at = d.offset + d.length;
    }
    text += input.slice(at, to);
    const wrote = flatten(text);
    let left = -1;
    for (let k = a - 1; k >= 0; k--) if (pair[k]! >= 0) { left = pair[k]!; break; }
    let right = ref.length;
    for (let k = b + 1; k < toks.length; k++) if (pair[k]! >= 0) { right = pair[k]!; break; }
    const pairedIdx = [] as number[];
    for (let k = a; k <= b; k++) if (pair[k]! >= 0) pairedIdx.push(pair[k]!);
    const strictText = pairedIdx.length ? ref.slice(Math.min(...pairedIdx), Math.max(...pairedIdx) + 1).join(' ') : '';
    const broadText = ref.slice(left + 1, right).join(' ');
    const ok = [strictText, broadText].some((t) => sameWhereChanged(c, wrote, t));
    return { correction: c, right: ok, wrote, truth: strictText === broadText ? strictText : `${strictText} | ${broadText}` };
  });
}

/** One row of a reliability table. */
export interface ReliabilityRow {
  /** The bin: lo ≤ confidence < hi (the last bin includes 1). */
  lo: number;
  hi: number;
  count: number;
  right: number;
  /** right / count (NaN for an empty bin). */
  share: number;
  /** Mean confidence of the corrections in the bin. */
  meanConfidence: number;
}

export const RELIABILITY_BINS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];

/** Confidence bin → share of corrections right, count. */
export function reliabilityTable(judged: readonly JudgedCorrection[], bins: readonly number[] = RELIABILITY_BINS): ReliabilityRow[] {
  const rows: ReliabilityRow[] = [];
  for (let k = 0; k + 1 < bins.length; k++) {
    const lo = bins[k]!;
    const hi = bins[k + 1]!;
    const last = k + 2 === bins.length;
    const inBin = judged.filter((j) => j.correction.confidence >= lo && (j.correction.confidence < hi || (last && j.correction.confidence <= hi)));
    const right = inBin.filter((j) => j.right).length;
    const mean = inBin.reduce((s, j) => s + j.correction.confidence, 0) / inBin.length;
    rows.push({ lo, hi, count: inBin.length, right, share: right / inBin.length, meanConfidence: mean });
  }
  return rows;
}

/**
 * Expected calibration error: the mean over corrections of |share right − mean confidence| of their
 * bin (10 equal bins of confidence), i.e. how far the confidences are from the share of corrections
 * right, weighted by the corrections in each bin. 0 for a perfectly calibrated list.
 */
export function expectedCalibrationError(judged: readonly JudgedCorrection[], bins = 10): number {
  if (judged.length === 0) return 0;
  const sum = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  const count = new Array<number>(bins).fill(0);
  for (const j of judged) {
    const b = Math.min(bins - 1, Math.floor(j.correction.confidence * bins));
    sum[b]! += j.correction.confidence;
    right[b]! += j.right ? 1 : 0;
    count[b]!++;
  }
  let e = 0;
  for (let b = 0; b < bins; b++) if (count[b]) e += Math.abs(right[b]! - sum[b]!);
  return e / judged.length;
}

/** Per rule: corrections, right, share right. */
export function ruleTable(judged: readonly JudgedCorrection[]): { rule: string; count: number; right: number; share: number }[] {
  const by = new Map<string, { count: number; right: number }>();
  for (const j of judged) {
    const r = by.get(j.correction.rule) ?? { count: 0, right: 0 };
    r.count++;
    if (j.right) r.right++;
    by.set(j.correction.rule, r);
  }
  return [...by]
    .map(([rule, r]) => ({ rule, ...r, share: r.right / r.count }))
    .sort((x, y) => y.count - x.count || x.rule.localeCompare(y.rule));
}

// ---------------------------------------------------------------------------------------------
// The held-out registers set on disk

/** OCR variants of each held-out document: model (eng, swe) × scan grade (l1 clean, l2 photocopy). */
export const HELDOUT_VARIANTS = ['ocr-eng-l1', 'ocr-eng-l2', 'ocr-swe-l1', 'ocr-swe-l2'] as const;
export type HeldoutVariant = (typeof HELDOUT_VARIANTS)[number];

export interface HeldoutDoc {
  register: string;
  doc: string;
  dir: string;
  truth: string;
  /** The OCR text of each variant. */
  ocr: Record<HeldoutVariant, string>;
}

/** Reads `dir/<register>/<doc>/{truth.txt, ocr-*.txt}` (fixtures/heldout), sorted by register and doc. */
export function loadHeldout(dir: string): HeldoutDoc[] {
  const out: HeldoutDoc[] = [];
  if (!existsSync(dir)) return out;
  for (const register of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const doc of readdirSync(join(dir, register), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      const d = join(dir, register, doc);
      if (!existsSync(join(d, 'truth.txt')) || !HELDOUT_VARIANTS.every((v) => existsSync(join(d, `${v}.txt`)))) continue;
      const ocr = Object.fromEntries(HELDOUT_VARIANTS.map((v) => [v, readFileSync(join(d, `${v}.txt`), 'utf8')])) as Record<HeldoutVariant, string>;
      out.push({ register, doc, dir: d, truth: readFileSync(join(d, 'truth.txt'), 'utf8'), ocr });
    }
  }
  return out;
}

/** Repair scored on the held-out set: per OCR variant (all registers) and per register × variant. */
export interface HeldoutMeasure {
  byVariant: Record<HeldoutVariant, Score>;
  byRegister: Record<string, Record<HeldoutVariant, Score>>;
  /** `register/doc variant (errors in → out)` of every text repair made worse. */
  worse: string[];
  /** Every correction, judged against the truth. */
  judged: (JudgedCorrection & { doc: string; variant: HeldoutVariant })[];
}

/** Runs `repairText` on every OCR text of `docs` and scores it (see the module comment). */
export function measureHeldout(docs: readonly HeldoutDoc[], repairText: (input: string) => { text: string; corrections: readonly Correction[] }): HeldoutMeasure {
  const byVariant = Object.fromEntries(HELDOUT_VARIANTS.map((v) => [v, emptyScore()])) as Record<HeldoutVariant, Score>;
  const byRegister: Record<string, Record<HeldoutVariant, Score>> = {};
  const worse: string[] = [];
  const judged: HeldoutMeasure['judged'] = [];
  for (const d of docs) {
    const reg = (byRegister[d.register] ??= Object.fromEntries(HELDOUT_VARIANTS.map((v) => [v, emptyScore()])) as Record<HeldoutVariant, Score>);
    for (const v of HELDOUT_VARIANTS) {
      const input = d.ocr[v];
      const r = repairText(input);
      const s = scoreDocument(d.truth, input, r.text);
      if (s.worse) worse.push(`${d.register}/${d.doc} ${v} (${s.errorsIn} → ${s.errorsOut})`);
      byVariant[v] = addScores(byVariant[v], s);
      reg[v] = addScores(reg[v], s);
      for (const j of judgeCorrections(d.truth, input, r.corrections)) judged.push({ ...j, doc: `${d.register}/${d.doc}`, variant: v });
    }
  }
  return { byVariant, byRegister, worse, judged };
}
