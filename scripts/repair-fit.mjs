// Fits the repair weights on the training documents (called by `train-repair.mjs fit`, after a
// build): per document class, coordinate descent over a small grid, maximising
//   words fixed − LAMBDA × words damaged
// with the official scorer's word alignment, because a damaged correct word is much worse than a
// missed fix. Writes the weights into dictionaries/repair-model.json under `params`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const LAMBDA = 10;

const GRID = {
  unknownLogP: [-10, -14, -18, -20, -22, -24, -26, -28, -32],
  unknownNameLogP: [-11, -14, -17, -20, -23, -26, -29, -32],
  lmWeight: [0, 0.5, 1, 1.5],
  numberLogP: [-4, -6, -9, -12],
  minConfidence: [0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
  knownMinConfidence: [0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
  compoundLogP: [-3, -6, -9],
  editCost: [6, 8, 10, 12, 14, 17, 20, 25, 30],
  documentBoost: [0, 1, 2, 3, 5],
};

const flat = (s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const words = (s) => flat(s).split(' ').filter(Boolean);

/** For each truth word, is it right in hyp? (the official scorer's word-level alignment) */
export function rightWords(ref, hyp) {
  const n = ref.length, m = hyp.length, w = m + 1, d = new Uint32Array((n + 1) * w);
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    d[i * w + j] = Math.min(d[(i - 1) * w + j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1), d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1);
  }
  const ok = new Array(n).fill(false);
  let i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i * w + j] === d[(i - 1) * w + j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1)) { ok[i - 1] = ref[i - 1] === hyp[j - 1]; i--; j--; }
    else if (i > 0 && d[i * w + j] === d[(i - 1) * w + j] + 1) i--;
    else j--;
  }
  return ok;
}

/** fixed / damaged words of a repair of each doc. */
export function wordScore(docs, repairText) {
  let fixed = 0, damaged = 0, wrong = 0, right = 0;
  for (const d of docs) {
    const out = repairText(d.ocr);
    const okIn = d.okIn, okOut = rightWords(d.ref, words(out));
    okIn.forEach((r, k) => {
      if (r) { right++; if (!okOut[k]) damaged++; } else { wrong++; if (okOut[k]) fixed++; }
    });
  }
  return { fixed, damaged, wrong, right, objective: fixed - LAMBDA * damaged };
}

export async function fit(trainDocs, modelPath) {
  // ARKIV_REPAIR_LIB: a bundle of src/repair (so fitting need not wait for a full build).
  const lib = await import(process.env.ARKIV_REPAIR_LIB ?? join(root, 'dist', 'index.js'));
  const model = JSON.parse(readFileSync(modelPath, 'utf8'));
  const threshold = model.diacriticRate.threshold;
  const docs = trainDocs.map((d) => {
    const ref = words(d.truth);
    return { ...d, ref, okIn: rightWords(ref, words(d.ocr)), cls: lib.diacriticRate(d.ocr) < threshold ? 'stripped' : 'normal' };
  });
  const params = {};
  for (const cls of ['stripped', 'normal']) {
    const set = docs.filter((d) => d.cls === cls);
    let best = { ...(model.params?.[cls] ?? {}) };
    const run = (p) => wordScore(set, (text) => lib.repair(text, { params: p, documentClass: cls }).text);
    let bestScore = run(best);
    console.log(`${cls}: ${set.length} docs, start`, bestScore);
    for (let round = 0; round < 2; round++) {
      for (const [name, values] of Object.entries(GRID)) {
        for (const v of values) {
          if (best[name] === v) continue;
          const trial = { ...best, [name]: v };
          const s = run(trial);
          if (s.objective > bestScore.objective) { best = trial; bestScore = s; }
        }
      }
      console.log(`${cls}: round ${round + 1}`, best, bestScore);
    }
    params[cls] = best;
  }
  model.params = params;
  model.fit = { lambda: LAMBDA, objective: 'words fixed − λ·words damaged on the training folders named in sources', at: new Date().toISOString().slice(0, 10) };
  writeFileSync(modelPath, JSON.stringify(model) + '\n');
}
