// Fits the calibration of known-word replacements (src/repair/context-calibration.ts): runs repair
// with a trace over OCR texts with known truth, labels every known word weighed against another
// known word by the truth (right: the truth is the replacement; wrong: the truth is the word as
// written), and fits p = σ(w · features) per document class by logistic regression; the features are
// logit(confidence), the context model's log-odds, the document's officialness, its product with
// logit(confidence), whether the word is capitalised mid-sentence, and the log of the share of the
// document's å/ä/ö words its OCR stripped (Calibration in
// src/repair/context-calibration.ts). Prints the reliability table of the fit and the damage/fix
// trade-off per threshold.
//
//   tsx scripts/fit-context-calibration.ts [--out dictionaries/context-calibration.json]
//       [--events FILE.jsonl] [--precision 0.97] DIR…
//   tsx scripts/fit-context-calibration.ts --from-events A.jsonl,B.jsonl [--out …]
//
// DIR: folders holding truth.txt and ocr-*.txt (searched recursively). With --events, the labelled
// events are also written (one JSON object a line); --from-events fits on such files instead of
// running repair. Never give it held-out documents (fixtures/heldout).
//
// --real-only CLASS,…: fit these document classes on real OCR only, leaving out texts whose damage
// was made by stripping å/ä/ö (ocr-strip.txt, ocr-some.txt). Fully stripped text is what the English
// model makes of Swedish (the stripped class); one å/ä/ö in ten stripped at random is no model of
// the Swedish engine (the normal class): fitted on it, the normal bar lost 10 fixes of the dev
// documents' Swedish-model OCR to save 1 damaged word.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { alignWords, flatten } from '../src/eval/metrics.js';
import { calibrated, checkCalibrationFile, logit, type Calibration, type CalibrationFile, type ContextEvent, type ContextTrace } from '../src/repair/context-calibration.js';
import { fitLogistic } from '../src/repair/logistic.js';
import { DOC_CLASSES } from '../src/repair/model-file.js';
import { repair } from '../src/repair/safe-repair.js';

const { values: opts, positionals: dirs } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    events: { type: 'string' },
    precision: { type: 'string', default: '0.97' },
    'from-events': { type: 'string' },
    'real-only': { type: 'string', default: '' },
  },
});
const targetPrecision = Number(opts.precision);

/** A traced event labelled by the truth: 1 the replacement is right, 0 the word as written is, null neither or unaligned. */
interface LabelledEvent extends ContextEvent {
  doc: string;
  truth: string | null;
  label: 0 | 1 | null;
}

function* docs(dir: string): Generator<{ truth: string; ocr: string }> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* docs(p);
  }
  const files = readdirSync(dir);
  if (!files.includes('truth.txt')) return;
  for (const f of files) if (/^ocr.*\.txt$/u.test(f)) yield { truth: join(dir, 'truth.txt'), ocr: join(dir, f) };
}

/** A token less every mark at either end (the truth and the event's words are compared so). */
const bare = (w: string): string => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const same = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase();

const events: LabelledEvent[] = opts['from-events']
  ? opts['from-events'].split(',').flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LabelledEvent))
  : [];
for (const dir of opts['from-events'] ? [] : dirs) {
  for (const { truth, ocr } of docs(dir)) {
    const trace: ContextTrace = { events: [] };
    repair(readFileSync(ocr, 'utf8'), { trace });
    if (trace.events.length === 0) continue;
    const text = trace.text;
    if (text === undefined) throw new Error(`${ocr}: repair's trace has events but no text`);
    const ref = flatten(readFileSync(truth, 'utf8')).split(' ');
    // The whitespace tokens of the normalised text, with their offsets, each aligned to a truth word.
    const toks = [...text.matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
    const to = new Int32Array(toks.length).fill(-1);
    for (const [i, j] of alignWords(ref.map(bare), toks.map((t) => bare(t.text)))) to[j] = i;
    let k = 0;
    for (const e of trace.events) {
      while (k < toks.length && toks[k]!.end <= e.start) k++;
      const r = k < toks.length && to[k]! >= 0 ? bare(ref[to[k]!]!) : null;
      const label = r === null ? null : same(r, e.best) ? 1 : same(r, e.word) ? 0 : null;
      events.push({ ...e, doc: ocr, truth: r, label });
    }
  }
}
if (opts.events) writeFileSync(opts.events, events.map((e) => JSON.stringify(e)).join('\n') + '\n');

interface Row {
  e: LabelledEvent;
  /** The features: logit(confidence), logOdds, officialness, officialness · logit(confidence), capital mid-sentence, log stripped share. */
  x: number[];
  y: 0 | 1;
}

const features = (e: ContextEvent): number[] => {
  const o = e.officialness ?? 0;
  const l = logit(e.confidence);
  return [l, e.logOdds, o, o * l, e.capitalMid ? 1 : 0, Math.log(e.strippedShare ?? 1)];
};

/** Logistic regression (src/repair/logistic.ts) from the raw confidence (weight 1 on
 * logit(confidence)), with a ridge (λ 1) pulling every weight but the bias towards 0. */
const fit = (rows: readonly Row[]): number[] => fitLogistic(rows, { lambda: 1, start: [0, 1, 0, 0, 0, 0, 0], free: [0] });

/** OCR texts made by stripping å/ä/ö from a truth, not by an OCR engine. */
const SYNTHETIC = /ocr-(?:strip|some)\.txt$/u;

/** Decisions with a posterior below this are not weighed (Calibration.floor). */
const FLOOR = 0.2;
/** The context must prefer the replacement by more than this (Calibration.minLogOdds). */
const MIN_LOG_ODDS = 1;
/** A damaged word weighs as this many fixed ones when the bar is chosen. */
const LAMBDA = 10;
/** The bars tried, lowest first. */
const THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99];

const result: CalibrationFile = {};
for (const docClass of DOC_CLASSES) {
  const realOnly = opts['real-only'].split(',').includes(docClass);
  const rows = events
    .filter((e) => !(realOnly && SYNTHETIC.test(e.doc)))
    .filter((e) => e.knownOriginal !== false && e.docClass === docClass && e.label !== null && e.confidence >= FLOOR && e.logOdds > MIN_LOG_ODDS)
    .map((e): Row => ({ e, x: features(e), y: e.label! }));
  if (rows.length < 20) {
    console.log(`${docClass}: ${rows.length} labelled events, too few to fit`);
    continue;
  }
  const [bias, wConfidence, wLogOdds, wOfficial, wOfficialConfidence, wCapitalMid, wStripped] = fit(rows) as [number, number, number, number, number, number, number];
  const candidate: Calibration = { bias, wConfidence, wLogOdds, wOfficial, wOfficialConfidence, wCapitalMid, wStripped, floor: FLOOR, minLogOdds: MIN_LOG_ODDS, min: 0.99 };
  const ps = rows.map((r) => ({ p: calibrated(candidate, r.e.confidence, r.e.logOdds, r.e.officialness ?? 0, r.e.capitalMid, r.e.strippedShare ?? 1), y: r.y, old: r.e.confidence }));
  console.log(
    `\n${docClass}: ${rows.length} labelled events (${rows.filter((r) => r.y === 1).length} right replacements), fit bias ${bias.toFixed(3)}, logit(conf) ${wConfidence.toFixed(3)}, logOdds ${wLogOdds.toFixed(3)}, officialness ${wOfficial.toFixed(3)}, officialness·logit(conf) ${wOfficialConfidence.toFixed(3)}, capitalised mid-sentence ${wCapitalMid.toFixed(3)}, log stripped share ${wStripped.toFixed(3)}`,
  );
  console.log('reliability (calibrated p bin → share right, n)');
  for (let b = 0; b < 10; b++) {
    const inBin = ps.filter((x) => x.p >= b / 10 && (x.p < (b + 1) / 10 || b === 9));
    if (inBin.length) console.log(`  ${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)}  ${(inBin.filter((x) => x.y).length / inBin.length).toFixed(3)}  ${inBin.length}`);
  }
  // The bar: the lowest at which the applied replacements are right at targetPrecision or more,
  // and that maximises right − LAMBDA · wrong (0.99 when none is that precise).
  let bestGain = -Infinity;
  for (const t of THRESHOLDS) {
    const applied = ps.filter((x) => x.p >= t);
    const right = applied.filter((x) => x.y).length;
    const oldApplied = ps.filter((x) => x.old >= t);
    console.log(`  p ≥ ${t}: applied ${applied.length}, right ${right}, wrong ${applied.length - right}  | old confidence ≥ ${t}: applied ${oldApplied.length}, wrong ${oldApplied.filter((x) => !x.y).length}`);
    const gain = right - LAMBDA * (applied.length - right);
    if (applied.length > 0 && right / applied.length >= targetPrecision && gain > bestGain) {
      bestGain = gain;
      candidate.min = t;
    }
  }
  result[docClass] = candidate;
}
const json = JSON.stringify(checkCalibrationFile(result, opts.out ?? '(the fit)'), null, 1);
console.log(json);
if (opts.out) writeFileSync(opts.out, json + '\n');
