// Fits the repair weights on the training documents (called by `train-repair.ts fit`): per
// document class, coordinate descent over the grid of dictionaries/repair-settings.json (fit),
// maximising
//   words fixed − lambda × words damaged
// with the official scorer's word alignment (src/eval/metrics.ts), because a damaged correct word
// is much worse than a missed fix. Writes the weights into the model file's `fitted` section.
import { writeFileSync } from 'node:fs';
import { flatWords, rightWords, wordChanges, type WordChanges } from '../src/eval/metrics.js';
import { diacriticRate } from '../src/repair/doc-class.js';
import { DOC_CLASSES, PARAM_NAMES, type DocClass, type ModelFile, type RepairParams, type SettingsFile } from '../src/repair/model-file.js';
import { buildModel } from '../src/repair/model.js';
import { repair } from '../src/repair/safe-repair.js'; // as the library calls it (with the guard)
import type { TrainDoc } from './train-repair.js';

interface Scored extends WordChanges {
  objective: number;
}

interface FitDoc extends TrainDoc {
  ref: string[];
  okIn: boolean[];
  cls: DocClass;
}

/** Words fixed and damaged over the documents by `repairText`, and the objective. */
export function wordScore(docs: readonly FitDoc[], repairText: (text: string) => string, lambda: number): Scored {
  const total: WordChanges = { fixed: 0, damaged: 0, wrong: 0, right: 0 };
  for (const d of docs) {
    const c = wordChanges(d.ref, [], flatWords(repairText(d.ocr)), d.okIn);
    total.fixed += c.fixed;
    total.damaged += c.damaged;
    total.wrong += c.wrong;
    total.right += c.right;
  }
  return { ...total, objective: total.fixed - lambda * total.damaged };
}

/** The model file with its `fitted` section fitted anew on `trainDocs`, written to `modelPath`. */
export function fit(trainDocs: readonly TrainDoc[], file: ModelFile, settings: SettingsFile, modelPath: string): ModelFile {
  const { lambda, rounds, grid } = settings.fit;
  const threshold = file.learned.diacriticRate.threshold;
  const model = buildModel(file, settings);
  const docs: FitDoc[] = trainDocs.map((d) => {
    const ref = flatWords(d.truth);
    return { ...d, ref, okIn: rightWords(ref, flatWords(d.ocr)), cls: diacriticRate(d.ocr) < threshold ? 'stripped' : 'normal' };
  });
  const params = { ...file.fitted.params };
  for (const cls of DOC_CLASSES) {
    const set = docs.filter((d) => d.cls === cls);
    let best: RepairParams = { ...file.fitted.params[cls] };
    const run = (p: RepairParams): Scored => wordScore(set, (text) => repair(text, { model, params: p, documentClass: cls }).text, lambda);
    let bestScore = run(best);
    console.log(`${cls}: ${set.length} docs, start`, bestScore);
    for (let round = 0; round < rounds; round++) {
      for (const name of PARAM_NAMES) {
        for (const v of grid[name]) {
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
  const fitted: ModelFile = {
    ...file,
    fitted: { params, lambda, objective: 'words fixed − λ·words damaged on the training folders named in learned.sources', at: new Date().toISOString().slice(0, 10) },
  };
  writeFileSync(modelPath, JSON.stringify(fitted) + '\n');
  return fitted;
}
