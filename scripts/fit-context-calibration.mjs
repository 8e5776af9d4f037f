#!/usr/bin/env node
/**
 * Fits the calibration of known-word replacements (src/repair/context-calibration.ts): runs repair
 * with a trace over OCR texts with known truth, labels every known word weighed against another
 * known word by the truth (right: the truth is the replacement; wrong: the truth is the word as
 * written), and fits p = σ(w · features) per document class by logistic regression; the features
 * are logit(confidence), the context model's log-odds, the document's officialness, its product
 * with logit(confidence), and whether the word is capitalised mid-sentence. Prints the reliability
 * table of the fit and the damage/fix trade-off per threshold.
 *
 *   node scripts/fit-context-calibration.mjs [--out dictionaries/context-calibration.json] [--events FILE.jsonl] DIR…
 *
 * DIR: folders holding truth.txt and ocr-*.txt (searched recursively). Needs `npm run build`.
 * With --events, the labelled events are also written (one JSON object a line).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repair } from '../dist/index.js';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const out = opt('--out');
const eventsOut = opt('--events');
const targetPrecision = Number(opt('--precision') ?? 0.97);

function* docs(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* docs(p);
  }
  const files = readdirSync(dir);
  if (!files.includes('truth.txt')) return;
  for (const f of files) if (/^ocr.*\.txt$/u.test(f)) yield { truth: join(dir, 'truth.txt'), ocr: join(dir, f) };
}

const flat = (s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const core = (w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Word alignment (Levenshtein): for each hyp word index, the ref word index it is matched or substituted to, or -1. */
function align(ref, hyp) {
  const n = ref.length, m = hyp.length, w = m + 1, d = new Uint32Array((n + 1) * w);
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    d[i * w + j] = Math.min(d[(i - 1) * w + j - 1] + (core(ref[i - 1]) === core(hyp[j - 1]) ? 0 : 1), d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1);
  }
  const to = new Int32Array(m).fill(-1);
  let i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i * w + j] === d[(i - 1) * w + j - 1] + (core(ref[i - 1]) === core(hyp[j - 1]) ? 0 : 1)) { to[j - 1] = i - 1; i--; j--; }
    else if (i > 0 && d[i * w + j] === d[(i - 1) * w + j] + 1) i--;
    else j--;
  }
  return to;
}

const fromEvents = opt('--from-events');
const events = fromEvents ? fromEvents.split(',').flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))) : [];
for (const dir of fromEvents ? [] : args) {
  for (const { truth, ocr } of docs(dir)) {
    /** @type {{ events: any[], text?: any }} */
    const trace = { events: [] };
    repair(readFileSync(ocr, 'utf8'), { trace });
    if (trace.events.length === 0) continue;
    const text = trace.text;
    const ref = flat(readFileSync(truth, 'utf8')).split(' ');
    // The whitespace tokens of the normalised text, with their offsets.
    const toks = [];
    for (const m of text.matchAll(/\S+/gu)) toks.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    const to = align(ref, toks.map((t) => t.text));
    let k = 0;
    for (const e of trace.events) {
      while (k < toks.length && toks[k].end <= e.start) k++;
      const r = k < toks.length && to[k] >= 0 ? core(ref[to[k]]) : null;
      const label = r === null ? null : r === e.best || r.toLowerCase() === e.best.toLowerCase() ? 1 : r === e.word || r.toLowerCase() === e.word.toLowerCase() ? 0 : null;
      events.push({ ...e, doc: ocr, truth: r, label });
    }
  }
}
if (eventsOut) writeFileSync(eventsOut, events.map((e) => JSON.stringify(e)).join('\n') + '\n');

const logit = (p) => Math.log(Math.min(Math.max(p, 1e-6), 1 - 1e-6) / (1 - Math.min(Math.max(p, 1e-6), 1 - 1e-6)));
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

/** Logistic regression: Newton's method with step halving on the ridge-penalised log-likelihood
 * (every weight but the bias, the first feature, is penalised). */
function fit(rows) {
  const lambda = 1;
  const d = rows[0].x.length;
  const dot = (w, x) => w.reduce((s, v, i) => s + v * x[i], 0);
  const loss = (w) => {
    let l = 0;
    for (let a = 1; a < d; a++) l += lambda * 0.5 * w[a] * w[a];
    for (const { x, y } of rows) {
      const z = dot(w, x);
      l += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - y * z;
    }
    return l;
  };
  let w = Array.from({ length: d }, (_, i) => (i === 1 ? 1 : 0));
  let current = loss(w);
  for (let it = 0; it < 100; it++) {
    const g = w.map((v, i) => (i === 0 ? 0 : lambda * v));
    const H = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i !== j ? 0 : i === 0 ? 1e-6 : lambda)));
    for (const { x, y } of rows) {
      const p = sigmoid(dot(w, x));
      for (let a = 0; a < d; a++) {
        g[a] += (p - y) * x[a];
        for (let b = 0; b < d; b++) H[a][b] += p * (1 - p) * x[a] * x[b];
      }
    }
    const M = H.map((r, i) => [...r, g[i]]);
    for (let c = 0; c < d; c++) {
      let piv = c;
      for (let r = c + 1; r < d; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
      [M[c], M[piv]] = [M[piv], M[c]];
      for (let r = 0; r < d; r++) {
        if (r === c) continue;
        const f = M[r][c] / M[c][c];
        for (let k = c; k <= d; k++) M[r][k] -= f * M[c][k];
      }
    }
    const delta = M.map((r, i) => r[d] / r[i]);
    let step = 1;
    let next = w.map((v, i) => v - step * delta[i]);
    let l = loss(next);
    while (l > current && step > 1e-4) {
      step /= 2;
      next = w.map((v, i) => v - step * delta[i]);
      l = loss(next);
    }
    if (l > current) break;
    const done = current - l < 1e-9;
    w = next;
    current = l;
    if (done) break;
  }
  return w;
}

const FLOOR = 0.2;
const MIN_LOG_ODDS = 1;
const LAMBDA = Number(opt('--lambda') ?? 10);
/** The features of an event: bias, logit(confidence), the context model's log-odds, the document's
 * officialness and its product with logit(confidence) (see src/repair/context-calibration.ts). */
const features = (e) => {
  const o = e.officialness ?? 0;
  return [1, logit(e.confidence), e.logOdds, o, o * logit(e.confidence), e.capitalMid ? 1 : 0];
};
const result = {};
for (const docClass of ['stripped', 'normal']) {
  const rows = events.filter((e) => e.knownOriginal !== false && e.docClass === docClass && e.label !== null && e.confidence >= FLOOR && e.logOdds > MIN_LOG_ODDS).map((e) => ({ e, x: features(e), y: e.label }));
  if (rows.length < 20) {
    console.log(`${docClass}: ${rows.length} labelled events, too few to fit`);
    continue;
  }
  const w = fit(rows);
  const [bias, wConfidence, wLogOdds, wOfficial, wOfficialConfidence, wCapitalMid] = w;
  const ps = rows.map((r) => ({ p: sigmoid(w.reduce((s, v, i) => s + v * r.x[i], 0)), y: r.y, old: r.e.confidence, e: r.e }));
  console.log(`\n${docClass}: ${rows.length} labelled events (${rows.filter((r) => r.y === 1).length} right replacements), fit bias ${bias.toFixed(3)}, logit(conf) ${wConfidence.toFixed(3)}, logOdds ${wLogOdds.toFixed(3)}, officialness ${wOfficial.toFixed(3)}, officialness·logit(conf) ${wOfficialConfidence.toFixed(3)}, capitalised mid-sentence ${wCapitalMid.toFixed(3)}`);
  console.log('reliability (calibrated p bin → share right, n)');
  for (let b = 0; b < 10; b++) {
    const inBin = ps.filter((x) => x.p >= b / 10 && (x.p < (b + 1) / 10 || b === 9));
    if (inBin.length) console.log(`  ${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)}  ${(inBin.filter((x) => x.y).length / inBin.length).toFixed(3)}  ${inBin.length}`);
  }
  // The threshold: the lowest at which the applied replacements are right at targetPrecision or more.
  // The threshold: the lowest at which the applied replacements are right at targetPrecision or
  // more, and that maximises right − LAMBDA · wrong (a damaged word weighs as ten fixed ones).
  let min = 0.99;
  let bestGain = -Infinity;
  for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99]) {
    const applied = ps.filter((x) => x.p >= t);
    const right = applied.filter((x) => x.y).length;
    const oldApplied = ps.filter((x) => x.old >= t);
    console.log(`  p ≥ ${t}: applied ${applied.length}, right ${right}, wrong ${applied.length - right}  | old confidence ≥ ${t}: applied ${oldApplied.length}, wrong ${oldApplied.filter((x) => !x.y).length}`);
    const gain = right - LAMBDA * (applied.length - right);
    if (applied.length > 0 && right / applied.length >= targetPrecision && gain > bestGain) {
      bestGain = gain;
      min = t;
    }
  }
  result[docClass] = { bias, wConfidence, wLogOdds, wOfficial, wOfficialConfidence, wCapitalMid, floor: FLOOR, minLogOdds: MIN_LOG_ODDS, min };
}
console.log(JSON.stringify(result, null, 1));
if (out) writeFileSync(out, JSON.stringify(result, null, 1) + '\n');
