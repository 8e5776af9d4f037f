// Fits the calibration of repair's confidences (src/repair/calibration.ts) and chooses the default
// bar, writing dictionaries/repair-calibration.json:
//
//   npx tsx scripts/fit-repair-calibration.ts [--out PATH] [--dry] [--max-damage 0.001] [--bar P]
//
// 1. Runs repair with raw scores (an empty calibration, so every edit the rules make at their
//    fitted bar is kept and traced with its features) over OCR texts with known truth that are not
//    held out: ARKIV_CALIB_FIT (default ../shared/train) and ARKIV_DEV (default
//    ../dev:../dev-calib:../devtech/out: dev documents made with ../shared/tools/make-fixture.sh
//    from counted sources, and technical dev documents of LibreOffice help; see
//    dictionaries/README.md). The fixtures (seed-000 … seed-003, seed-001-pair: real OCR) are held
//    out: never fitted on, they check the fit (../shared/tools/score-repair.mjs --set fixtures).
// 2. Judges every correction against the truth (src/eval/heldout.ts `judgeCorrections`) and fits,
//    per document class and rule, the logistic map of calibration.ts (`fitRuleCalibration`): first
//    one map per family of rules (CALIBRATION_FAMILIES, and `held` for every suggestion of the word
//    step) on all its corrections, then each rule's own map pulled towards its family's; a rule
//    with fewer than MIN_ROWS corrections in a class uses its family's map there.
// 3. Chooses `minConfidence` per document class on the dev documents of the class alone: the lowest
//    bar (0.50, 0.51 … 0.99) at which the words right in the OCR and wrong after repair stay
//    ≤ --max-damage (0.1 %) of the right words — not on average but with 95 % confidence: the
//    one-sided 95 % upper bound of the damaged count (Poisson) must stay within it, so the bar
//    holds on text the fit has not seen (dev's few dozen damaged words are a sample).
//    A word edit whose word is likely wrong as written has a lower bar of its own,
//    `nonWordMinConfidence`: it can only damage a right word where the word as written is right.
//    How likely that is, is a map of its own (`written`, calibration.ts WRITTEN_FEATURES), fitted
//    per document class on every traced word edit (right = the truth is the word as written);
//    `writtenMaxRisk` is the most P(written right) an edit held to the lower bar may have. The three
//    are chosen together on the dev documents of the class: for each risk (RISKS) and lower bar
//    (LOW_BARS, never below 2:1 odds), the lowest minConfidence at which the damage of ALL
//    corrections stays within the bound; of those, the one that cuts the most CER (the one that
//    damages less where two cut alike, to 0.05 points).
//    --bar P writes P instead (0: every edit the rules make is applied, with its calibrated confidence).
// 4. Prints the dev reliability table and per-rule table at that bar, and the expected calibration
//    error. The held-out registers set is never read (bench/repair.mjs checks it).
//
// ':'-separated folders; each is searched for folders holding truth.txt and ocr*.txt.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedCalibrationError, judgeCorrections, reliabilityTable, ruleTable, scoreDocument, addScores, emptyScore, summary, type JudgedCorrection, type Score } from '../src/eval/heldout.js';
import { applyEdits } from '../src/normalise/index.js';
import { CALIBRATION_FEATURES, CALIBRATION_VERSION, WRITTEN_FEATURES, WRITTEN_WRONG, calibratedProbability, calibrationGroup, familyOf, fitRuleCalibration, fitWrittenCalibration, mapFor, writtenWrong, type CalibrationEvent, type CalibrationFile, type RepairCalibration, type RuleCalibration } from '../src/repair/calibration.js';
import type { ContextTrace } from '../src/repair/context-calibration.js';
import { DOC_CLASSES, type DocClass } from '../src/repair/model-file.js';
import { repair } from '../src/repair/safe-repair.js';
import type { Correction } from '../src/types.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const out = opt('--out') ?? join(root, 'dictionaries', 'repair-calibration.json');
const dry = args.includes('--dry');
const maxDamage = Number(opt('--max-damage') ?? 0.001);
/** Ridge weight pulling each map towards the raw score. */
const LAMBDA = 2;
/** A rule with fewer labelled corrections in a class keeps its raw score there. */
const MIN_ROWS = 5;

const dirsOf = (env: string | undefined, fallback: string[]): string[] => (env ? env.split(':') : fallback).filter(Boolean).map((d) => (d.startsWith('/') ? d : join(root, d))).filter((d) => existsSync(d));
const fitDirs = dirsOf(process.env.ARKIV_CALIB_FIT, ['../shared/train']);
const devDirs = dirsOf(process.env.ARKIV_DEV, ['../dev', '../dev-calib', '../devtech/out']);
if ([...fitDirs, ...devDirs].some((d) => relative(root, d).startsWith('fixtures'))) throw new Error('the fixtures are held out: never fit on them');

interface Text {
  id: string;
  set: 'fit' | 'dev';
  truth: string;
  input: string;
}

function* textsIn(dir: string, set: Text['set']): Generator<Text> {
  const files = readdirSync(dir);
  if (files.includes('truth.txt')) {
    const truth = readFileSync(join(dir, 'truth.txt'), 'utf8');
    for (const f of files.filter((x) => /^ocr.*\.txt$/u.test(x)).sort()) yield { id: `${relative(root, dir)}/${f}`, set, truth, input: readFileSync(join(dir, f), 'utf8') };
  }
  for (const f of files.sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) yield* textsIn(p, set);
  }
}

/** One traced edit with its label, and the correction it is part of. */
interface Labelled extends CalibrationEvent {
  text: number;
  correction: number;
  right: boolean;
  /** The truth is the word as written (the edit could only damage it). */
  writtenRight: boolean;
}
interface Run {
  text: Text;
  corrections: Correction[];
  judged: JudgedCorrection[];
  /** Per correction, the events in it. */
  events: Labelled[];
}

/** The letters, digits and glyphs of a span (what a word is compared by). */
const core = (t: string): string => t.replace(/[^\p{L}\p{N}&#@|]/gu, '');
/** Whether the truth of a judged correction is its span as written. */
function writtenRight(j: JudgedCorrection): boolean {
  const truth = core(j.truth.split(' | ')[0]!);
  return truth !== '' && core(j.correction.before) === truth;
}

const EMPTY: RepairCalibration = { minConfidence: { stripped: 0, normal: 0 }, classes: { stripped: {}, normal: {} } };
const texts = [...fitDirs.flatMap((d) => [...textsIn(d, 'fit')]), ...devDirs.flatMap((d) => [...textsIn(d, 'dev')])];
process.stderr.write(`fit: ${texts.filter((t) => t.set === 'fit').length} OCR texts (${fitDirs.map((d) => relative(root, d)).join(', ')}); dev: ${texts.filter((t) => t.set === 'dev').length} (${devDirs.map((d) => relative(root, d)).join(', ')})\n`);

const runs: Run[] = texts.map((text, ti) => {
  const trace: ContextTrace = { events: [], edits: [] };
  const r = repair(text.input, { calibration: EMPTY, trace, suggest: true });
  const judged = judgeCorrections(text.truth, text.input, r.corrections);
  const events: Labelled[] = [];
  for (const e of trace.edits!) {
    // The correction holding the edit (a correction may hold normalisation or a second edit too).
    const ci = r.corrections.findIndex((c) => (c.applied === false) === (e.held !== undefined) && c.offset <= e.offset && e.offset + e.length <= c.offset + c.length && c.rule !== 'normalize' && c.rule.split('+').some((id) => e.rule.split('+').includes(id)));
    if (ci < 0) continue; // changed nothing
    events.push({ ...e, text: ti, correction: ci, right: judged[ci]!.right, writtenRight: writtenRight(judged[ci]!) });
  }
  return { text, corrections: r.corrections, judged, events };
});

// ---- P(the word as written is right), per document class ---------------------------------------
// On every traced word edit (applied or suggested) of the class whose word may be held to the lower
// bar at all (calibration.ts `mayBeLowRisk`: those carry the `written` features).
const all = runs.flatMap((r) => r.events);
const written = {} as Record<DocClass, RuleCalibration>;
for (const docClass of DOC_CLASSES) {
  const rows = all.filter((e) => e.docClass === docClass && e.written).map((e) => ({ x: e.written!, y: (e.writtenRight ? 1 : 0) as 0 | 1 }));
  const m = fitWrittenCalibration(rows);
  written[docClass] = { ...m, bias: round(m.bias), weights: m.weights.map(round) };
  console.log(`P(written right), ${docClass}: ${m.right}/${m.n} right as written; bias ${round(m.bias)}, ${WRITTEN_FEATURES.map((f, k) => `${f} ${round(m.weights[k]!)}`).join(', ')}`);
}
// The edit's own maps see how surely its word is wrong as written (calibration.ts `writtenWrong`),
// by the map just fitted (the trace, made without one, holds the binary notAWord there).
for (const e of all) e.features[WRITTEN_WRONG] = e.written ? writtenWrong(calibratedProbability(written[e.docClass], e.written)) : 0;

// ---- The maps ---------------------------------------------------------------------------------
// One fit per family and per rule over both document classes, with the class as two more features
// (normal: 1, and its product with logit(raw)), so a feature one class rarely shows (a glyph in
// Swedish-model OCR) borrows its weight from the other; each class's map is that fit at its class.
// A family's fit is pulled towards the raw score, a rule's towards its family's fit.
const classes = Object.fromEntries(DOC_CLASSES.map((c) => [c, {}])) as Record<DocClass, Record<string, RuleCalibration>>;
const groups = new Map<string, Labelled[]>();
const families = new Map<string, Labelled[]>();
for (const e of all) {
  const g = calibrationGroup(e.rule, e.held);
  groups.set(g, [...(groups.get(g) ?? []), e]);
  const f = familyOf(g);
  if (f) families.set(f, [...(families.get(f) ?? []), e]);
}
const withClass = (e: Labelled): number[] => [...e.features, e.docClass === 'normal' ? 1 : 0, e.docClass === 'normal' ? e.features[0]! : 0];
/** The map of `m` (a fit with the class features) at each class with at least MIN_ROWS rows. */
function store(name: string, rows: Labelled[], m: RuleCalibration): void {
  const k = CALIBRATION_FEATURES.length;
  for (const docClass of DOC_CLASSES) {
    const mine = rows.filter((e) => e.docClass === docClass);
    if (mine.length < MIN_ROWS) continue;
    const normal = docClass === 'normal' ? 1 : 0;
    const weights = m.weights.slice(0, k);
    weights[0] = Math.max(0, weights[0]! + normal * m.weights[k + 1]!);
    classes[docClass][name] = { n: mine.length, right: mine.filter((e) => e.right).length, bias: round(m.bias + normal * m.weights[k]!), weights: weights.map(round) };
  }
}
const familyFits = new Map<string, RuleCalibration>();
for (const [family, rows] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
  const m = fitRuleCalibration(rows.map((e) => ({ x: withClass(e), y: e.right ? 1 : 0 })), LAMBDA);
  familyFits.set(family, m);
  store(`family:${family}`, rows, m);
}
for (const [group, rows] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const family = familyOf(group);
  const m = fitRuleCalibration(rows.map((e) => ({ x: withClass(e), y: e.right ? 1 : 0 })), LAMBDA, family ? familyFits.get(family) : undefined);
  store(group, rows, m);
}
function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** A correction with its calibrated probability, and the probability that its word is right as
 * written (1 where an edit of it has no such map: it is never held to the lower bar). */
type Calibrated = Correction & { pWritten: number };
/** Per run, the corrections with their calibrated probability (a correction: its least edit's) and
 * P(written right) (its greatest edit's). */
function calibrated(run: Run): Calibrated[] {
  const p = run.corrections.map((c) => (c.rule === 'normalize' ? 1 : Number.POSITIVE_INFINITY));
  const pWritten = run.corrections.map((c): number => (c.rule === 'normalize' ? 1 : 0));
  const traced = run.corrections.map(() => false);
  for (const e of run.events) {
    const map = mapFor(classes[e.docClass], calibrationGroup(e.rule, e.held));
    p[e.correction] = Math.min(p[e.correction]!, map ? calibratedProbability(map, e.features) : e.raw);
    pWritten[e.correction] = Math.max(pWritten[e.correction]!, e.written ? calibratedProbability(written[e.docClass], e.written) : 1);
    traced[e.correction] = true;
  }
  return run.corrections.map((c, k) => ({ ...c, confidence: Number.isFinite(p[k]!) ? p[k]! : c.confidence, pWritten: traced[k]! ? pWritten[k]! : 1 }));
}
/** The bars of a document class: `bar` for a correction, `nonWord` for one whose word is likely
 * wrong as written (P(written right) ≤ `risk`). */
interface Bars {
  bar: number;
  nonWord: number;
  risk: number;
}
const barOf = (b: Bars, c: Calibrated): number => (c.pWritten <= b.risk ? Math.min(b.nonWord, b.bar) : b.bar);

// ---- The bar, per document class, on the dev documents of the class ------------------------------
const devRuns = runs.filter((r) => r.text.set === 'dev');
const devCalibrated = devRuns.map(calibrated);
/** A text's document class, as repair decided it (a text without edits changes nothing). */
const classOf = (r: Run): DocClass => r.events[0]?.docClass ?? 'normal';
/** Per dev text, its score for each set of corrections kept (most texts keep the same set at
 * neighbouring bars). */
const scoreCache = devRuns.map(() => new Map<string, Score>());
function scoreAt(bars: Bars, docClass: DocClass): Score {
  return addScores(
    emptyScore(),
    ...devRuns.flatMap((r, k) => {
      if (classOf(r) !== docClass) return [];
      const keep = devCalibrated[k]!.map((c) => c.applied !== false && (c.rule === 'normalize' || c.confidence >= barOf(bars, c)));
      const key = keep.map((b) => (b ? 1 : 0)).join('');
      let score = scoreCache[k]!.get(key);
      if (!score) {
        score = scoreDocument(r.text.truth, r.text.input, applyEdits(r.text.input, devCalibrated[k]!.filter((_, i) => keep[i])));
        scoreCache[k]!.set(key, score);
      }
      return [score];
    }),
  );
}
const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
/** The one-sided upper confidence bound (level `level`) of a Poisson mean from `k` events: the λ at
 * which P(X ≤ k | λ) = 1 − level (bisection). */
function poissonUpper(k: number, level = 0.95): number {
  const cdf = (lambda: number): number => {
    let term = Math.exp(-lambda);
    let sum = term;
    for (let i = 1; i <= k; i++) {
      term *= lambda / i;
      sum += term;
    }
    return sum;
  };
  let lo = k;
  let hi = 2 * k + 10;
  while (cdf(hi) > 1 - level) hi *= 2;
  for (let it = 0; it < 100; it++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) > 1 - level) lo = mid;
    else hi = mid;
  }
  return hi;
}
const bars = { stripped: 0.99, normal: 0.99 } as Record<DocClass, number>;
const nonWordBars = { stripped: 0.99, normal: 0.99 } as Record<DocClass, number>;
const risks = { stripped: 0, normal: 0 } as Record<DocClass, number>;
const r2 = (t: number): number => Math.round(t * 100) / 100;
const within = (s: Score): boolean => poissonUpper(s.damaged) / Math.max(1, s.right) <= maxDamage;
/** The lowest bar (0.50 … 0.99) at which the damage of every correction stays within the bound,
 * given the lower bar and the risk it takes; null where none does. A higher bar only holds more
 * corrections back, and a correction held back leaves its words as the OCR wrote them, so the
 * damage never rises with the bar: the bar is found by bisection. */
function lowestBar(docClass: DocClass, nonWord: number, risk: number): number | null {
  const ok = (k: number): boolean => within(scoreAt({ bar: r2(0.5 + k / 100), nonWord, risk }, docClass));
  let lo = 0;
  let hi = 49;
  if (!ok(hi)) return null;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return r2(0.5 + lo / 100);
}
/** The risks (P(written right)) tried for the lower bar, and the lower bars: never below odds of
 * 2:1 that the edit is right (0.67, the non-word bar of the fit before). Below it a reading of a
 * word wrong as written is as often wrong as right, so it gains little CER, while the risk it takes
 * is only as good as the written map, which has seen few tokens of some kinds. */
const RISKS = [0, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05];
const LOW_BARS = [0.67, 0.7, 0.75, 0.8, 0.85, 0.9];
const row = (risk: number, u: number, b: number, s: Score): string => `| ${risk} | ${u.toFixed(2)} | ${b.toFixed(2)} | ${s.damaged}/${s.right} (${pct(summary(s).damageRate)}) | ${pct(poissonUpper(s.damaged) / Math.max(1, s.right))} | ${(100 * summary(s).cut).toFixed(1)} % | ${s.fixed}/${s.wrong} |`;
for (const docClass of DOC_CLASSES) {
  const texts = devRuns.filter((r) => classOf(r) === docClass).length;
  console.log(`\nDev documents, ${docClass} (${texts} OCR texts): for each risk and lower bar, the lowest minConfidence at which the damage (right words made wrong) of all corrections stays within the bound, and its CER cut\n`);
  console.log('| P(written right) ≤ | lower bar | minConfidence | damage | 95 % bound | CER cut | fixed |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  // The most CER cut; where two cut alike (to 0.05 points), the one that damages less.
  let best: { bars: Bars; score: Score } | null = null;
  for (const risk of RISKS) {
    for (const low of LOW_BARS) {
      const bar = lowestBar(docClass, low, risk);
      if (bar === null) continue;
      // A lower bar above minConfidence is minConfidence (barOf).
      const nonWord = Math.min(low, bar);
      const score = scoreAt({ bar, nonWord, risk }, docClass);
      console.log(row(risk, nonWord, bar, score));
      const cut = summary(score).cut;
      const bestCut = best ? summary(best.score).cut : -1;
      if (!best || cut > bestCut + 5e-4 || (cut > bestCut - 5e-4 && score.damaged < best.score.damaged)) best = { bars: { bar, nonWord, risk }, score };
    }
  }
  const chosen = best ? best.bars : { bar: 0.99, nonWord: 0.99, risk: 0 };
  bars[docClass] = chosen.bar;
  nonWordBars[docClass] = chosen.nonWord;
  risks[docClass] = chosen.risk;
  const s = scoreAt(chosen, docClass);
  console.log(`\nchosen: P(written right) ≤ ${chosen.risk} at the lower bar ${chosen.nonWord.toFixed(2)}, minConfidence ${chosen.bar.toFixed(2)}: damage ${s.damaged}/${s.right} (${pct(summary(s).damageRate)}; 95 % bound ${pct(poissonUpper(s.damaged) / Math.max(1, s.right))}), CER cut ${(100 * summary(s).cut).toFixed(1)} %`);
  const one = lowestBar(docClass, 2, 0);
  if (one !== null) {
    const o = scoreAt({ bar: one, nonWord: 2, risk: 0 }, docClass);
    console.log(`one bar for all: ${one.toFixed(2)}: damage ${o.damaged}/${o.right}, CER cut ${(100 * summary(o).cut).toFixed(1)} %`);
  }
  const raw = scoreAt({ bar: 0, nonWord: 0, risk: 0 }, docClass);
  console.log(`raw (every edit at the rules' fitted bars): damage ${raw.damaged}/${raw.right} (${pct(summary(raw).damageRate)}), CER cut ${(100 * summary(raw).cut).toFixed(1)} %`);
}

// ---- What the fit gives, on dev (and on the fitted texts) -----------------------------------------
function report(title: string, list: Run[]): void {
  const cal = list.map(calibrated);
  const judged = list.flatMap((r, k) => r.judged.map((j, ci) => ({ ...j, correction: cal[k]![ci]! }))).filter((j) => j.correction.rule !== 'normalize');
  const withClass = list.flatMap((r, k) => r.judged.map((j, ci) => ({ j: { ...j, correction: cal[k]![ci]! }, c: classOf(r) }))).filter((x) => x.j.correction.rule !== 'normalize');
  const applied = withClass.filter((x) => x.j.correction.applied !== false && x.j.correction.confidence >= barOf({ bar: bars[x.c], nonWord: nonWordBars[x.c], risk: risks[x.c] }, x.j.correction as Calibrated)).map((x) => x.j);
  console.log(`\n${title}: reliability of every correction the rules make (calibrated; ${judged.length} corrections, ${applied.length} at or above the bars ${JSON.stringify(bars)}, non-word ${JSON.stringify(nonWordBars)} where P(written right) ≤ ${JSON.stringify(risks)}); expected calibration error ${(100 * expectedCalibrationError(judged)).toFixed(2)} % (raw scores: ${(100 * expectedCalibrationError(list.flatMap((r) => r.judged).filter((j) => j.correction.rule !== 'normalize'))).toFixed(2)} %)\n`);
  console.log('| confidence | corrections | right | share right | mean confidence |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of reliabilityTable(judged, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1])) if (r.count) console.log(`| ${r.lo.toFixed(2)}–${r.hi.toFixed(2)} | ${r.count} | ${r.right} | ${pct(r.share)} | ${r.meanConfidence.toFixed(3)} |`);
  console.log(`\n| rule (held: suggested by the word step) | corrections | right | applied at the bar | right of applied |`);
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of ruleTable(judged.map((j) => (j.correction.applied === false ? { ...j, correction: { ...j.correction, rule: `held ${j.correction.rule}` as Correction['rule'] } } : j)))) {
    const a = applied.filter((j) => j.correction.rule === r.rule);
    console.log(`| ${r.rule} | ${r.count} | ${pct(r.share)} | ${a.length} | ${a.length ? pct(a.filter((j) => j.right).length / a.length) : '–'} |`);
  }
}
report('Dev documents', devRuns);
report('Fitted texts (train)', runs.filter((r) => r.text.set === 'fit'));
for (const docClass of DOC_CLASSES) {
  console.log(`\n${docClass}: ${Object.entries(classes[docClass]).map(([g, m]) => `${g} n=${m.n} right=${m.right}`).join('; ')}`);
}

const eventsOut = opt('--events');
if (eventsOut) {
  const lines = runs.flatMap((r, k) => r.events.map((e) => {
    const map = mapFor(classes[e.docClass], calibrationGroup(e.rule, e.held));
    const j = r.judged[e.correction]!;
    return JSON.stringify({ id: r.text.id, set: r.text.set, rule: e.rule, held: e.held, docClass: e.docClass, before: j.correction.before, after: e.after, truth: j.truth, right: e.right, raw: e.raw, p: map ? calibratedProbability(map, e.features) : e.raw, x: e.features.map(round), w: e.written?.map(round), wr: e.writtenRight, o: j.correction.offset, len: j.correction.length, k });
  }));
  writeFileSync(eventsOut, lines.join('\n') + '\n');
}

const file: CalibrationFile = {
  version: CALIBRATION_VERSION,
  about: 'The calibration of repair\'s confidences (src/repair/calibration.ts): per document class and rule (or family of rules, for a rule with few corrections), p = σ(bias + weights · [logit(raw), joined, document, capitalMid, usedOriginal, onlyDiacritics, glyph, short, damage, channel, writtenWrong]); per document class the map of P(the word as written is right) of a word edit (`written`, over calibration.ts WRITTEN_FEATURES); and the default bars (minConfidence; nonWordMinConfidence for a word edit whose P(written right) is at most writtenMaxRisk). Fitted on the training OCR and dev documents; the fixtures and the held-out registers set are never fitted on. Written by scripts/fit-repair-calibration.ts.',
  sources: [...fitDirs, ...devDirs].map((d) => relative(root, d)),
  at: new Date().toISOString().slice(0, 10),
  minConfidence: opt('--bar') === undefined ? bars : { stripped: Number(opt('--bar')), normal: Number(opt('--bar')) },
  nonWordMinConfidence: opt('--bar') === undefined ? nonWordBars : { stripped: Number(opt('--bar')), normal: Number(opt('--bar')) },
  written,
  writtenMaxRisk: risks,
  classes,
};
if (!dry) {
  writeFileSync(out, JSON.stringify(file, null, 1) + '\n');
  console.log(`\nwrote ${relative(process.cwd(), out)} (minConfidence ${JSON.stringify(file.minConfidence)}, non-word ${JSON.stringify(file.nonWordMinConfidence)}; chosen on dev: ${JSON.stringify(bars)}, ${JSON.stringify(nonWordBars)})`);
}
