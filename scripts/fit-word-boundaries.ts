// Counts, on the training OCR and the dev documents, the places the two word-boundary rules of
// repair look at (src/repair/word-boundaries.ts: `join-words`, `split-words`), labels each by the
// truth alignment (the truth has the joined word / the two words: right; it has the pieces as
// written: wrong), and prints per document class and kind of place how many there are, how many
// the truth joins or splits, and the prior log odds that maximise right − λ·wrong at repair's bar.
// Those numbers go by hand into dictionaries/repair-settings.json (`wordBoundaries`): no script
// writes that file. Never run on fixtures/heldout.
//
//   npx tsx scripts/fit-word-boundaries.ts [--list] [DIR ...]
//
// DIR: folders of `<doc>/truth.txt` + `ocr-eng.txt` / `ocr-swe.txt` (default ../shared/train and
// /work/dev when it exists). --list prints every labelled place.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignWords, flatWords } from '../src/eval/metrics.js';
import { classify } from '../src/repair/doc-class.js';
import { engines } from '../src/repair/engines.js';
import { loadLexicon } from '../src/repair/lexicon.js';
import { defaultModel, foldDiacritics, type DocClass } from '../src/repair/model.js';
import { normalizeStep } from '../src/repair/normalize-step.js';
import { tokenize } from '../src/repair/tokenize.js';
import { midSentence } from '../src/repair/units.js';
import { mergedWordSplits, splitWordJoins, type WordBoundarySettings } from '../src/repair/word-boundaries.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const list = args.includes('--list');
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) dirs.push(join(root, '..', 'shared', 'train'), ...(existsSync('/work/dev') ? ['/work/dev'] : []));
for (const d of dirs) if (d.includes('heldout')) throw new Error('held-out text is never fitted on');

const lexicon = await loadLexicon();
const model = defaultModel();
const eng = engines(lexicon, model);
const LAMBDA = 10;

interface Place {
  doc: string;
  docClass: DocClass;
  kind: 'line' | 'split';
  logOdds: number;
  right: boolean;
  what: string;
}
const places: Place[] = [];
/** Every candidate, whatever its odds: all priors 0, no bar. */
const open: WordBoundarySettings = { joinLine: 0, split: { stripped: 0, normal: 0 }, glueWords: ['i'], maxConfidence: 1, maxSplitPrior: 1, minJoined: 4, minJoinedPrior: 1e-7 };
const strip = (s: string): string => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();

for (const dir of dirs) {
  for (const name of readdirSync(dir).sort()) {
    const truthPath = join(dir, name, 'truth.txt');
    if (!existsSync(truthPath)) continue;
    const truth = flatWords(readFileSync(truthPath, 'utf8'));
    for (const v of ['eng', 'swe']) {
      const p = join(dir, name, `ocr-${v}.txt`);
      if (!existsSync(p)) continue;
      const text = normalizeStep(readFileSync(p, 'utf8')).text;
      const docClass = classify(text, model.threshold);
      const tokens = tokenize(text);
      const deps = { isWord: (w: string) => eng.maker.isWordWithDiacritics(w, docClass), readings: (w: string) => { const h = eng.maker.for(w, docClass); return h ? [...(h.original.known ? [{ text: w, cost: 0 }] : []), ...h.alternatives.filter((a) => a.known).map((a) => ({ text: a.text, cost: a.cost }))] : []; }, context: eng.context(), docClass, settings: open };
      // The OCR's blank-separated words, with their spans, aligned to the truth's.
      const spans: Array<[number, number]> = [];
      for (const m of text.matchAll(/\S+/gu)) spans.push([m.index, m.index + m[0].length]);
      const ocrWords = spans.map(([s, e]) => text.slice(s, e));
      const at = new Map<number, number>();
      for (const [i, j] of alignWords(truth, ocrWords)) at.set(j, i);
      const wordAt = (offset: number): number => {
        let lo = 0;
        let hi = spans.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (spans[mid]![0] <= offset) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      };
      /** The truth index just after the truth word aligned with the nearest OCR word before j. */
      const truthAfter = (j: number): number => {
        for (let k = j - 1; k >= 0; k--) if (at.has(k)) return at.get(k)! + 1;
        return 0;
      };
      const same = (i: number, j: number): boolean => at.get(j) === i && truth[i] === ocrWords[j];
      for (const join of splitWordJoins(text, tokens, deps, 0)) {
        const ja = wordAt(join.start);
        const jb = wordAt(join.end - 1);
        if (jb !== ja + 1) continue;
        const i = truthAfter(ja);
        let right: boolean | null = null;
        const target = foldDiacritics(join.word.toLowerCase());
        if ([i, i + 1].some((k) => truth[k] !== undefined && foldDiacritics(strip(truth[k]!)) === target)) right = true;
        else if (at.has(ja) && at.has(jb) && same(at.get(ja)!, ja) && same(at.get(jb)!, jb)) right = false;
        if (right === null) continue;
        places.push({ doc: `${name}/${v}`, docClass, kind: 'line', logOdds: join.logOdds, right, what: `${text.slice(join.start, join.end).replace(/\n/g, '⏎')} → ${join.word}` });
      }
      const sentenceStart = (offset: number): boolean => !midSentence(text, offset);
      for (const s of mergedWordSplits(text, tokens, deps, 0, sentenceStart)) {
        const j = wordAt(s.start);
        const i = truthAfter(j);
        const [x, y] = s.words.split(' ');
        let right: boolean | null = null;
        if (truth[i] !== undefined && truth[i + 1] !== undefined && strip(truth[i]!) === x!.toLowerCase() && strip(truth[i + 1]!) === y!.toLowerCase()) right = true;
        else if (at.has(j) && same(at.get(j)!, j)) right = false;
        else if (at.has(j) && strip(truth[at.get(j)!]!) === strip(ocrWords[j]!)) right = false;
        if (right === null) continue;
        places.push({ doc: `${name}/${v}`, docClass, kind: 'split', logOdds: s.logOdds, right, what: `${text.slice(s.start, s.end)} → ${s.words}` });
      }
    }
  }
}

if (list) for (const p of [...places].sort((a, b) => b.logOdds - a.logOdds)) console.log(`${p.kind}\t${p.docClass}\t${p.right ? 'right' : 'WRONG'}\t${p.logOdds.toFixed(2)}\t${p.doc}\t${p.what}`);

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
// A lost line-end hyphen is fitted on both classes together (the English-model OCR lost one on train).
for (const [kind, docClass] of [['line', 'both'], ['split', 'stripped'], ['split', 'normal']] as const) {
  {
    const ps = places.filter((p) => p.kind === kind && (docClass === 'both' || p.docClass === docClass));
    const right = ps.filter((p) => p.right).length;
    const bar = docClass === 'both' ? Math.max(model.params.stripped.minConfidence, model.params.normal.minConfidence) : model.params[docClass].minConfidence;
    // Prior log odds from the counts (Jeffreys: +½), and the one that maximises right − λ·wrong at the bar.
    const counted = Math.log((right + 0.5) / (ps.length - right + 0.5));
    // The objective on a grid; the prior is the counted one where that is among the best, else the
    // middle of the best stretch of the grid nearest to it.
    const grid: Array<{ prior: number; score: number; right: number; wrong: number }> = [];
    for (let prior = -20; prior <= 5; prior += 0.25) {
      const applied = ps.filter((p) => sigmoid(prior + p.logOdds) >= bar);
      const r = applied.filter((p) => p.right).length;
      const w = applied.length - r;
      grid.push({ prior, score: r - LAMBDA * w, right: r, wrong: w });
    }
    const top = Math.max(...grid.map((g) => g.score));
    let chosen = grid.find((g) => g.score === top && Math.abs(g.prior - counted) < 0.125);
    if (!chosen || top <= 0) {
      const stretches: Array<typeof grid> = [];
      grid.forEach((g, k) => {
        if (g.score !== top) return;
        if (k > 0 && grid[k - 1]!.score === top) stretches[stretches.length - 1]!.push(g);
        else stretches.push([g]);
      });
      const dist = (s: typeof grid): number => Math.min(...s.map((g) => Math.abs(g.prior - counted)));
      const nearest = stretches.sort((a, b) => dist(a) - dist(b))[0]!;
      chosen = nearest[Math.floor((nearest.length - 1) / 2)]!;
    }
    const prior = top <= 0 ? 'never' : chosen.prior.toFixed(2);
    console.log(`${kind}\t${docClass}\tplaces ${ps.length}\ttruth joined/split ${right}\tcounted log odds ${counted.toFixed(2)}\tprior ${prior} (bar ${bar}: ${chosen.right} right, ${chosen.wrong} wrong)`);
  }
}
