#!/usr/bin/env node
// Learns the Fraktur OCR channel of older-Swedish repair and fits its weights
// (dictionaries/old-sv-channel.json), from training pairs made by scripts/make-fraktur-ocr.mjs
// (older text from the counted ELTeC-swe novels, set in Fraktur and OCR'd): for every word the OCR
// got wrong (aligned 1:1 with its truth word, at most 3 letters off), the letter edits of the
// cheapest alignment are counted; −log P(ocr letter | truth letter) is the price. Then the weights
// (unknown-word priors, confidence bars, the known-word and capital rules) are chosen on the same pairs, one at a time, to maximise
//   words fixed − 30 × words damaged − 100 × texts made worse   (a damaged right word is worse than a
//   missed fix, and no text may come out worse than it went in).
//
//   npm run build && node scripts/fit-old-sv.mjs PAIRS_DIR…   (each DIR: truth.txt, ocr-*.txt)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const { rightWords } = await import('../dist/index.js');

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dirs = process.argv.slice(2);
const flat = (s) => s.normalize('NFC').replace(/ſ/gu, 's').replace(/\s+/gu, ' ').trim();
const words = (s) => flat(s).split(' ').filter(Boolean);
const strip = (w) => w.replace(/^[^\p{L}0-9&#@]+|[^\p{L}0-9&#@]+$/gu, '');
const core = (w) => strip(w).toLowerCase();

/** Word pairs of the cheapest word alignment (substitutions and matches). */
function alignWords(ref, hyp) {
  const n = ref.length, m = hyp.length, w = m + 1, d = new Uint32Array((n + 1) * w);
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) d[i * w + j] = Math.min(d[(i - 1) * w + j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1), d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1);
  const pairs = [];
  let i = n, j = m;
  while (i > 0 && j > 0) {
    if (d[i * w + j] === d[(i - 1) * w + j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1)) { pairs.push([ref[i - 1], hyp[j - 1]]); i--; j--; }
    else if (d[i * w + j] === d[(i - 1) * w + j] + 1) i--;
    else j--;
  }
  return pairs;
}
/** Letter edits of the cheapest alignment of ocr to truth: [ocr, truth] pairs ('' for none). */
function alignLetters(o, t) {
  const n = o.length, m = t.length, d = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) d[i][j] = Math.min(d[i - 1][j - 1] + (o[i - 1] === t[j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1);
  const ops = [];
  let i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + (o[i - 1] === t[j - 1] ? 0 : 1)) { ops.push([o[i - 1], t[j - 1]]); i--; j--; }
    else if (i > 0 && d[i][j] === d[i - 1][j] + 1) { ops.push([o[i - 1], '']); i--; }
    else { ops.push(['', t[j - 1]]); j--; }
  }
  return { ops, distance: d[n][m] };
}

const docs = [];
for (const dir of dirs) {
  const truth = readFileSync(join(dir, 'truth.txt'), 'utf8');
  for (const f of readdirSync(dir).filter((f) => /^ocr-.*\.txt$/u.test(f))) docs.push({ ref: words(truth), ocr: readFileSync(join(dir, f), 'utf8') });
}
const truthLetters = new Map();
const ocrWords = new Map();
const initials = new Map();
const capitalised = new Map();
const edits = new Map();
let letters = 0, kept = 0;
// Lone glyphs (a token of dashes, stars, equals signs): how often the OCR wrote each, and for what.
const LONE_GLYPH = /^[-–—*=~"_]+$/u;
const glyphs = {};
for (const d of docs) {
  for (const o of words(d.ocr)) if (LONE_GLYPH.test(o)) (glyphs[o] ??= { n: 0, truths: {} }).n++;
  for (const [t0, o0] of alignWords(d.ref, words(d.ocr))) {
    if (LONE_GLYPH.test(o0) && t0 !== o0) glyphs[o0].truths[t0] = (glyphs[o0].truths[t0] ?? 0) + 1;
    const t = core(t0), o = core(o0);
    if (!t || !o) continue;
    // Whole words: what each OCR word stood for.
    const entry = ocrWords.get(o) ?? { n: 0, truths: {} };
    entry.n++;
    entry.truths[t] = (entry.truths[t] ?? 0) + 1;
    ocrWords.set(o, entry);
    // Capitals: a lower-case truth word read with a capital.
    const ts = strip(t0), os = strip(o0);
    if (ts && ts[0] === ts[0].toLowerCase() && ts[0] !== ts[0].toUpperCase()) {
      initials.set(ts[0], (initials.get(ts[0]) ?? 0) + 1);
      if (os.length === ts.length && os[0] !== os[0].toLowerCase() && os.slice(1) === ts.slice(1)) capitalised.set(ts[0], (capitalised.get(ts[0]) ?? 0) + 1);
    }
    const { ops, distance } = alignLetters(o, t);
    if (distance > 3) continue;
    for (const [a, b] of ops) {
      if (b !== '') truthLetters.set(b, (truthLetters.get(b) ?? 0) + 1);
      if (b !== '') letters++;
      if (a === b) kept++;
      else {
        edits.set(`${a}\t${b}`, (edits.get(`${a}\t${b}`) ?? 0) + 1);
      }
    }
  }
}
const costs = {};
for (const [k, c] of [...edits].sort((x, y) => y[1] - x[1])) {
  if (c < 2) continue;
  const b = k.split('\t')[1];
  // P(ocr | truth letter); an insertion is priced per letter of text.
  const p = b === '' ? c / letters : c / (truthLetters.get(b) ?? c);
  costs[k] = Math.round(-Math.log(p) * 100) / 100;
}
const keep = Math.round(-Math.log(kept / letters) * 1000) / 1000;
const unseen = Math.round(-Math.log(1 / letters) * 100) / 100;
const path = join(root, 'dictionaries', 'old-sv-channel.json');
const prior = JSON.parse(readFileSync(path, 'utf8'));
// Whole-word confusions worth keeping: an OCR word seen 3+ times that stood for another word twice or more.
const words3 = {};
for (const [o, e] of [...ocrWords].sort()) {
  const other = Object.entries(e.truths).filter(([t, n]) => t !== o && n >= 2);
  if (e.n >= 3 && other.length > 0) words3[o] = { n: e.n, truths: Object.fromEntries(other) };
}
const capitals = {};
for (const [c, n] of capitalised) if (n >= 2) capitals[c] = Math.round((n / initials.get(c)) * 1000) / 1000;
// A lone glyph is read as another where the OCR wrote it 10+ times, at odds of 10:1 or more.
const loneGlyphs = {};
for (const [g, e] of Object.entries(glyphs)) {
  const [truth, k] = Object.entries(e.truths).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (e.n >= 10 && k >= 10 * (e.n - k)) loneGlyphs[g] = { n: e.n, truths: { [truth]: k } };
}
const channel = { source: `${dirs.length} documents of scripts/make-fraktur-ocr.mjs, ${docs.length} OCR texts, ${letters} letters of aligned words`, keep, unseen, costs, words: words3, capitals, glyphs: loneGlyphs, params: prior.params };
writeFileSync(path, JSON.stringify(channel, null, 1) + '\n');
console.log(`whole words ${Object.keys(words3).length}, capitals ${JSON.stringify(capitals)}, lone glyphs ${JSON.stringify(glyphs)}`);
console.log(`letters ${letters}, kept ${kept}, edits seen twice+: ${Object.keys(costs).length}; keep ${keep}, unseen ${unseen}`);
console.log(Object.entries(costs).slice(0, 30).map(([k, v]) => `${k.replace('\t', '→') || '∅'} ${v}`).join(', '));

// The weights, on the same pairs.
const { repair, characterErrors } = await import('../dist/index.js');
const score = (params) => {
  let fixed = 0, damaged = 0, worse = 0;
  for (const d of docs) {
    const out = repair(d.ocr, { spelling: 'pre-1906', oldParams: params }).text;
    const okIn = rightWords(d.ref, words(d.ocr));
    const okOut = rightWords(d.ref, words(out));
    okIn.forEach((r, k) => { if (r && !okOut[k]) damaged++; if (!r && okOut[k]) fixed++; });
    const truth = d.ref.join(' ');
    if (characterErrors(flat(out), truth) > characterErrors(flat(d.ocr), truth)) worse++;
  }
  return { fixed, damaged, worse, objective: fixed - 30 * damaged - 100 * worse };
};
// Coordinate search from the shipped weights: each weight in turn over its values. The unknown-word
// priors and bar (unknownLogP, unknownNameLogP, minConfidence) are not searched: every word of the
// training excerpts is in the lexicon (their novels are counted), so on them reading more unknown
// tokens always pays, while in text nobody counted many right words are unknown. They stay at
// the values the first fit chose (12 excerpts; -17, -9, 0.85).
const GRID = { modernLogP: [undefined, -11], knownMinConfidence: [undefined, 0.9, 0.95], capitalMinCount: [300, 100, 30], pairContext: [undefined, true] };
let best = { params: prior.params, ...score(prior.params) };
console.log(`  from ${JSON.stringify(best.params)}: fixed ${best.fixed}, damaged ${best.damaged}, worse ${best.worse}`);
for (const [name, values] of Object.entries(GRID)) {
  for (const v of values) {
    if (best.params[name] === v) continue;
    const params = { ...best.params, [name]: v };
    const s = score(params);
    if (s.objective > best.objective) {
      best = { params, ...s };
      console.log(`  ${JSON.stringify(params)}: fixed ${s.fixed}, damaged ${s.damaged}, worse ${s.worse}`);
    }
  }
}
channel.params = best.params;
writeFileSync(path, JSON.stringify(channel, null, 1) + '\n');
console.log(`weights ${JSON.stringify(best.params)}: fixed ${best.fixed}, damaged ${best.damaged}, texts worse ${best.worse}`);
