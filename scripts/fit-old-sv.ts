// Learns the Fraktur OCR channel of older-Swedish repair and fits its weights
// (dictionaries/old-sv-channel.json), from training pairs made by scripts/make-fraktur-ocr.ts
// (older text from the counted ELTeC-swe novels, set in Fraktur and OCR'd): for every word the OCR
// got wrong (aligned 1:1 with its truth word, at most 3 letters off), the letter edits of the
// cheapest alignment are counted; −log P(ocr letter | truth letter) is the price; so are the OCR's
// whole-word confusions, capitals and lone glyphs. Then the weights (the known-word and capital
// rules, the pair context) are chosen on the same pairs, one at a time, to maximise
//   words fixed − 30 × words damaged − 100 × texts made worse   (a damaged right word is worse than a
//   missed fix, and no text may come out worse than it went in).
//
//   tsx scripts/fit-old-sv.ts PAIRS_DIR…   (each DIR: truth.txt, ocr-*.txt)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignWords, characterErrors, rightWords, wordChanges } from '../src/eval/metrics.js';
import type { FrakturChannel, OldRepairParams } from '../src/repair/old-swedish.js';
import { repair } from '../src/repair/safe-repair.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: fit-old-sv.ts PAIRS_DIR…');
  process.exit(2);
}
/** The scorer's flattening with the long s read as `s` (the truth of such print writes `s`). */
const flat = (s: string): string => s.normalize('NFC').replace(/ſ/gu, 's').replace(/\s+/gu, ' ').trim();
const words = (s: string): string[] => flat(s).split(' ').filter(Boolean);
const strip = (w: string): string => w.replace(/^[^\p{L}0-9&#@]+|[^\p{L}0-9&#@]+$/gu, '');
const core = (w: string): string => strip(w).toLowerCase();
/** A letter edit: [ocr, truth], '' for none. */
type LetterEdit = [ocr: string, truth: string];
/** Letter edits a misread word may have and still teach the channel. */
const MAX_WORD_EDITS = 3;
/** An edit is priced when seen this often. */
const MIN_EDIT_COUNT = 2;
/** The objective's price of a damaged right word and of a text made worse, in fixed words. */
const DAMAGE_WEIGHT = 30;
const WORSE_WEIGHT = 100;

/** Letter edits of the cheapest alignment of ocr to truth (code units), last first. */
function alignLetters(o: string, t: string): { ops: LetterEdit[]; distance: number } {
  const n = o.length, m = t.length;
  const d = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]![j]!;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) d[i]![j] = Math.min(at(i - 1, j - 1) + (o[i - 1] === t[j - 1] ? 0 : 1), at(i - 1, j) + 1, at(i, j - 1) + 1);
  const ops: LetterEdit[] = [];
  let i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && at(i, j) === at(i - 1, j - 1) + (o[i - 1] === t[j - 1] ? 0 : 1)) { ops.push([o[i - 1]!, t[j - 1]!]); i--; j--; }
    else if (i > 0 && at(i, j) === at(i - 1, j) + 1) { ops.push([o[i - 1]!, '']); i--; }
    else { ops.push(['', t[j - 1]!]); j--; }
  }
  return { ops, distance: at(n, m) };
}

interface Pair {
  /** The truth's words. */
  ref: string[];
  ocr: string;
}
const docs: Pair[] = [];
for (const dir of dirs) {
  const truth = readFileSync(join(dir, 'truth.txt'), 'utf8');
  for (const f of readdirSync(dir).filter((f) => /^ocr-.*\.txt$/u.test(f))) docs.push({ ref: words(truth), ocr: readFileSync(join(dir, f), 'utf8') });
}
const truthLetters = new Map<string, number>();
const ocrWords = new Map<string, { n: number; truths: Record<string, number> }>();
const initials = new Map<string, number>();
const capitalised = new Map<string, number>();
const edits = new Map<string, number>();
let letters = 0, kept = 0;
// Lone glyphs (a token of dashes, stars, equals signs): how often the OCR wrote each, and for what.
const LONE_GLYPH = /^[-–—*=~"_]+$/u;
const glyphs: Record<string, { n: number; truths: Record<string, number> }> = {};
for (const d of docs) {
  const hyp = words(d.ocr);
  for (const o of hyp) if (LONE_GLYPH.test(o)) (glyphs[o] ??= { n: 0, truths: {} }).n++;
  for (const [i, j] of alignWords(d.ref, hyp).reverse()) {
    const t0 = d.ref[i]!, o0 = hyp[j]!;
    if (LONE_GLYPH.test(o0) && t0 !== o0) glyphs[o0]!.truths[t0] = (glyphs[o0]!.truths[t0] ?? 0) + 1;
    const t = core(t0), o = core(o0);
    if (!t || !o) continue;
    // Whole words: what each OCR word stood for.
    const entry = ocrWords.get(o) ?? { n: 0, truths: {} };
    entry.n++;
    entry.truths[t] = (entry.truths[t] ?? 0) + 1;
    ocrWords.set(o, entry);
    // Capitals: a lower-case truth word read with a capital.
    const ts = strip(t0), os = strip(o0);
    const first = ts[0];
    if (first !== undefined && first === first.toLowerCase() && first !== first.toUpperCase()) {
      initials.set(first, (initials.get(first) ?? 0) + 1);
      if (os.length === ts.length && os[0] !== os[0]!.toLowerCase() && os.slice(1) === ts.slice(1)) capitalised.set(first, (capitalised.get(first) ?? 0) + 1);
    }
    const { ops, distance } = alignLetters(o, t);
    if (distance > MAX_WORD_EDITS) continue;
    for (const [a, b] of ops) {
      if (b !== '') truthLetters.set(b, (truthLetters.get(b) ?? 0) + 1);
      if (b !== '') letters++;
      if (a === b) kept++;
      else edits.set(`${a}\t${b}`, (edits.get(`${a}\t${b}`) ?? 0) + 1);
    }
  }
}
const costs: Record<string, number> = {};
for (const [k, c] of [...edits].sort((x, y) => y[1] - x[1])) {
  if (c < MIN_EDIT_COUNT) continue;
  const b = k.split('\t')[1]!;
  // P(ocr | truth letter); an insertion is priced per letter of text.
  const p = b === '' ? c / letters : c / (truthLetters.get(b) ?? c);
  costs[k] = Math.round(-Math.log(p) * 100) / 100;
}
const keep = Math.round(-Math.log(kept / letters) * 1000) / 1000;
const unseen = Math.round(-Math.log(1 / letters) * 100) / 100;
const path = join(root, 'dictionaries', 'old-sv-channel.json');
/** The shipped file (only its weights are read: the search below starts from them). */
const prior = JSON.parse(readFileSync(path, 'utf8')) as FrakturChannel;
// Whole-word confusions worth keeping: an OCR word seen 3+ times that stood for another word twice or more.
const wordConfusions: NonNullable<FrakturChannel['words']> = {};
for (const [o, e] of [...ocrWords].sort()) {
  const other = Object.entries(e.truths).filter(([t, n]) => t !== o && n >= 2);
  if (e.n >= 3 && other.length > 0) wordConfusions[o] = { n: e.n, truths: Object.fromEntries(other) };
}
const capitals: Record<string, number> = {};
for (const [c, n] of capitalised) if (n >= 2) capitals[c] = Math.round((n / initials.get(c)!) * 1000) / 1000;
// A lone glyph is read as another where the OCR wrote it 10+ times, at odds of 10:1 or more.
const loneGlyphs: NonNullable<FrakturChannel['glyphs']> = {};
for (const [g, e] of Object.entries(glyphs)) {
  const [truth, k] = Object.entries(e.truths).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (e.n >= 10 && k >= 10 * (e.n - k)) loneGlyphs[g] = { n: e.n, truths: { [truth]: k } };
}
const channel: FrakturChannel & { source: string } = { source: `${dirs.length} documents of scripts/make-fraktur-ocr.ts, ${docs.length} OCR texts, ${letters} letters of aligned words`, keep, unseen, costs, words: wordConfusions, capitals, glyphs: loneGlyphs, params: prior.params };
// Written with the previous weights first, so that the search below repairs with this channel.
writeFileSync(path, JSON.stringify(channel, null, 1) + '\n');
console.log(`whole words ${Object.keys(wordConfusions).length}, capitals ${JSON.stringify(capitals)}, lone glyphs ${JSON.stringify(glyphs)}`);
console.log(`letters ${letters}, kept ${kept}, edits seen twice+: ${Object.keys(costs).length}; keep ${keep}, unseen ${unseen}`);
console.log(Object.entries(costs).slice(0, 30).map(([k, v]) => `${k.replace('\t', '→') || '∅'} ${v}`).join(', '));

// The weights, on the same pairs.
const score = (params: OldRepairParams): { fixed: number; damaged: number; worse: number; objective: number } => {
  let fixed = 0, damaged = 0, worse = 0;
  for (const d of docs) {
    const out = repair(d.ocr, { spelling: 'pre-1906', oldParams: params }).text;
    const input = words(d.ocr);
    const changes = wordChanges(d.ref, input, words(out), rightWords(d.ref, input));
    fixed += changes.fixed;
    damaged += changes.damaged;
    const truth = d.ref.join(' ');
    if (characterErrors(flat(out), truth) > characterErrors(flat(d.ocr), truth)) worse++;
  }
  return { fixed, damaged, worse, objective: fixed - DAMAGE_WEIGHT * damaged - WORSE_WEIGHT * worse };
};
// Coordinate search from the shipped weights: each weight in turn over its values. The unknown-word
// priors and bar (unknownLogP, unknownNameLogP, minConfidence) are not searched: every word of the
// training excerpts is in the lexicon (their novels are counted), so on them reading more unknown
// tokens always pays, while in text nobody counted many right words are unknown. They stay at
// the values the first fit chose (12 excerpts; -17, -9, 0.85).
const GRID: { [K in keyof OldRepairParams]?: Array<OldRepairParams[K]> } = { modernLogP: [undefined, -11], knownMinConfidence: [undefined, 0.9, 0.95], capitalMinCount: [300, 100, 30], pairContext: [undefined, true] };
let best = { params: prior.params, ...score(prior.params) };
console.log(`  from ${JSON.stringify(best.params)}: fixed ${best.fixed}, damaged ${best.damaged}, worse ${best.worse}`);
for (const [name, values] of Object.entries(GRID) as Array<[keyof OldRepairParams, unknown[]]>) {
  for (const v of values) {
    if (best.params[name] === v) continue;
    const params = { ...best.params, [name]: v } as OldRepairParams;
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
