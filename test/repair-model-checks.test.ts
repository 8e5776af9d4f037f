import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationFacts, checksPath, HELD_OUT, heldOutResult, modelFacts, PROBES, probeResult, type ChecksFile } from '../scripts/repair-checks.js';
import { dictionaryFile } from '../src/dictionaries.js';
import { defaultModel } from '../src/repair/model.js';

// The shipped model against its checks (dictionaries/repair-model.checks.json), which the trainer
// writes after counts and fit. A failure here after a change of repair's code: run
// `npx tsx scripts/train-repair.ts checks`, and review the diff of the checks file (it says what
// the change does to the learned rules' repairs and to the held-out fixtures) before committing it.

const checks = JSON.parse(readFileSync(checksPath(dictionaryFile('repair-model.json')), 'utf8')) as ChecksFile;
const REGENERATE = 'checks differ: run `npx tsx scripts/train-repair.ts checks` and review the diff';

describe('the shipped repair model against its checks', () => {
  it('has learned what the checks say (as repair reads it)', () => {
    expect(modelFacts(defaultModel()), REGENERATE).toEqual(checks.model);
  });

  it('has the calibration the checks say', () => {
    expect(calibrationFacts(), REGENERATE).toEqual(checks.calibration);
  });

  it.each(PROBES.map((p, i) => [i, p.text.slice(0, 40)] as const))('repairs probe %i (%s) as the checks say', (i) => {
    expect(probeResult(PROBES[i]!, defaultModel()), REGENERATE).toEqual(checks.probes[i]);
  });

  it.each(HELD_OUT.map((h, i) => [i, h.rule, h.path] as const))('makes held-out check %i (%s on %s) as the checks say', (i) => {
    expect(heldOutResult(HELD_OUT[i]!, defaultModel()), REGENERATE).toEqual(checks.heldOut[i]);
  });
});
