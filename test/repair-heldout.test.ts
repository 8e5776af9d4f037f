/**
 * Repair on the held-out registers set (fixtures/heldout: registers that are not official prose,
 * from sources nobody on the project counts or fits on; both OCR models, scan grades l1 and l2).
 * Issue #22: damage at most 0.1 % of the right words on every held-out set, and no text worse than
 * its input. The figures are printed; bench/repair.mjs gives them per register beside hunspell.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalibration, repair } from '../src/repair/index.js';
import { HELDOUT_VARIANTS, loadHeldout, measureHeldout, summary, type HeldoutMeasure } from '../src/eval/heldout.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'heldout');
const docs = loadHeldout(DIR);

let measured: HeldoutMeasure | undefined;
/** Repair's figures on the whole set, made once per test file. */
const heldoutMeasure = (): HeldoutMeasure => (measured ??= measureHeldout(docs, (t) => repair(t)));

describe('held-out registers set', () => {
  it('holds at least 30 documents of at least 5 registers, each with truth and four OCR texts', () => {
    expect(docs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(docs.map((d) => d.register)).size).toBeGreaterThanOrEqual(5);
    for (const d of docs) {
      const n = d.truth.split(/\s+/u).filter(Boolean).length;
      expect(n, `${d.register}/${d.doc}`).toBeGreaterThanOrEqual(300);
      for (const v of HELDOUT_VARIANTS) expect(d.ocr[v].trim().length, `${d.register}/${d.doc} ${v}`).toBeGreaterThan(0);
    }
  });

  it('repair is measured on it: damage and texts made worse per OCR variant', { timeout: 900_000 }, () => {
    const m = heldoutMeasure();
    for (const v of HELDOUT_VARIANTS) {
      const s = m.byVariant[v];
      const f = summary(s);
      console.log(`held-out ${v}: ${s.docs} docs, CER ${(100 * f.cerIn).toFixed(2)} % → ${(100 * f.cerOut).toFixed(2)} %, damaged ${s.damaged}/${s.right} right words (${(100 * f.damageRate).toFixed(2)} %), ${s.worse} worse`);
      expect(s.docs).toBe(docs.length);
      expect(s.right).toBeGreaterThan(0);
    }
    if (m.worse.length) console.log(`held-out texts made worse: ${m.worse.join(', ')}`);
  });

  it('makes no held-out text worse than its input', { timeout: 900_000 }, () => {
    expect(heldoutMeasure().worse, 'texts repair made worse than their input').toEqual([]);
  });

  // Issue #22's bar, on what repair does by default: the shipped calibration and its bars (the
  // other tests here, like every test file, run on the rules' raw scores: test/setup-raw-scores.ts).
  it('damages at most 0.1 % of the right words on every OCR variant, with the shipped calibration', { timeout: 900_000 }, () => {
    const calibration = loadCalibration();
    const m = measureHeldout(docs, (t) => repair(t, { calibration }));
    for (const v of HELDOUT_VARIANTS) {
      const s = m.byVariant[v];
      expect(summary(s).damageRate, `held-out ${v}: damaged ${s.damaged}/${s.right} right words`).toBeLessThanOrEqual(0.001);
    }
    expect(m.worse).toEqual([]);
  });
});
