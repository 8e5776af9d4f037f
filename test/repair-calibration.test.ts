import { describe, expect, it } from 'vitest';
import { CALIBRATION_FEATURES, CALIBRATION_VERSION, WRITTEN_FEATURES, calibratedProbability, calibrationGroup, checkCalibrationFile, familyOf, fitRuleCalibration, logit, mapFor, substitutions, type RepairCalibration, type RuleCalibration } from '../src/repair/calibration.js';
import type { ContextTrace } from '../src/repair/context-calibration.js';
import { repair } from '../src/repair/safe-repair.js';
import { tiny } from './repair-tiny.js';

// The calibration of repair's confidences (src/repair/calibration.ts) on a made-up map and the tiny
// model: what the shipped fit gives is checked in dictionaries/repair-model.checks.json.

const K = CALIBRATION_FEATURES.length;
/** A map p = σ(bias + a·logit(raw)). */
const map = (bias: number, a = 1): RuleCalibration => ({ n: 10, right: 9, bias, weights: [a, ...new Array<number>(K - 1).fill(0)] });
const calibration = (maps: Record<string, RuleCalibration>, minConfidence: number): RepairCalibration => ({ minConfidence: { stripped: minConfidence, normal: minConfidence }, classes: { stripped: maps, normal: maps } });
const TEXT = 'Detta dir viktigt for kommunen.';

describe('calibration maps', () => {
  it('name the map of a correction by its word rule, else its first rule, or the reason it was held back', () => {
    expect(calibrationGroup('confusion')).toBe('confusion');
    expect(calibrationGroup('dehyphenate+confusion+document')).toBe('confusion');
    expect(calibrationGroup('dehyphenate')).toBe('dehyphenate');
    expect(calibrationGroup('sentence-mark')).toBe('sentence-mark');
    expect(calibrationGroup('stripped-diacritics', 'against-context')).toBe('held:against-context');
  });

  it('a rule without a map of its own takes its family\'s; a rare reason of the word step the held family\'s', () => {
    expect(familyOf('year-range')).toBe('mark');
    expect(familyOf('confusion')).toBe('word');
    expect(familyOf('join-words')).toBe('boundary');
    expect(familyOf('held:all-caps')).toBe('held');
    const maps = { 'family:mark': map(1), 'year-range': map(2), 'family:held': map(3) };
    expect(mapFor(maps, 'year-range')).toEqual(map(2));
    expect(mapFor(maps, 'sentence-mark')).toEqual(map(1));
    expect(mapFor(maps, 'held:all-caps')).toEqual(map(3));
    expect(mapFor(maps, 'confusion')).toBeUndefined();
  });

  it('fit a rule towards its family\'s map: with few corrections it keeps about the family\'s score', () => {
    const x = [logit(0.9), ...new Array<number>(K - 1).fill(0)];
    const family = map(-2);
    const few = Array.from({ length: 3 }, () => ({ x, y: 1 as const }));
    expect(calibratedProbability(fitRuleCalibration(few, 1e6, family), x)).toBeCloseTo(calibratedProbability(family, x), 3);
    expect(() => fitRuleCalibration(few, 2, { ...family, weights: [1] })).toThrow('a map of 1 weights');
  });

  it('read a reading\'s letter substitutions, the document channel feature counts', () => {
    expect(substitutions('ldnet', 'länet')).toEqual(['d→ä']);
    expect(substitutions('&r', 'är')).toEqual(['&→ä']);
    expect(substitutions('Iir', 'är')).toEqual(['ii→ä']);
    expect(substitutions('Tsynnerhet', 'synnerhet')).toEqual(['t→']);
    expect(substitutions('fran', 'från')).toEqual(['a→å']);
    expect(substitutions('och', 'och')).toEqual([]);
  });

  it('the identity map gives the raw score back; a bias of logit(0.5) halves its odds', () => {
    const x = [logit(0.9), ...new Array<number>(K - 1).fill(0)];
    expect(calibratedProbability(map(0), x)).toBeCloseTo(0.9, 12);
    expect(calibratedProbability(map(Math.log(0.5)), x)).toBeCloseTo(0.45 / 0.55, 12);
    // never certain
    expect(calibratedProbability(map(50), x)).toBe(0.999);
  });

  it('fit the share right of each raw score (logistic, ridge towards the identity)', () => {
    // 80 corrections at raw 0.9 of which 60 right: with a weak ridge the map gives about 0.75.
    const x = [logit(0.9), ...new Array<number>(K - 1).fill(0)];
    const rows = Array.from({ length: 80 }, (_, i) => ({ x, y: (i < 60 ? 1 : 0) as 0 | 1 }));
    const m = fitRuleCalibration(rows, 1e-3);
    expect(m.n).toBe(80);
    expect(m.right).toBe(60);
    expect(calibratedProbability(m, x)).toBeCloseTo(0.75, 3);
    // A strong ridge keeps the raw score.
    expect(calibratedProbability(fitRuleCalibration(rows, 1e6), x)).toBeCloseTo(0.9, 3);
    // The weight on logit(raw) never goes below 0 (p never falls as the score rises).
    const falling = [...Array.from({ length: 40 }, () => ({ x: [logit(0.99), ...x.slice(1)], y: 0 as const })), ...Array.from({ length: 40 }, () => ({ x: [logit(0.6), ...x.slice(1)], y: 1 as const }))];
    expect(fitRuleCalibration(falling, 1e-3).weights[0]).toBeGreaterThanOrEqual(0);
  });
});

describe('repair with a calibration', () => {
  it('reports each correction at its calibrated probability and applies those at the bar or above', () => {
    const raw = repair(TEXT, tiny({ documentClass: 'stripped', calibration: null }));
    expect(raw.text).toBe('Detta där viktigt för kommunen.');
    // The identity map: the raw scores, and a bar below them all.
    const same = repair(TEXT, tiny({ documentClass: 'stripped', calibration: calibration({ confusion: map(0), 'stripped-diacritics': map(0) }, 0.5) }));
    expect(same.text).toBe(raw.text);
    expect(same.corrections.map((c) => c.confidence)).toEqual(raw.corrections.map((c) => Math.min(c.confidence, 0.999)));
    // `dir` → `där` (confusion) made unlikely: below the bar, not applied; listed with `suggest`.
    const cal = calibration({ confusion: map(-30), 'stripped-diacritics': map(0) }, 0.5);
    const r = repair(TEXT, tiny({ documentClass: 'stripped', calibration: cal }));
    expect(r.text).toBe('Detta dir viktigt för kommunen.');
    const s = repair(TEXT, tiny({ documentClass: 'stripped', calibration: cal, suggest: true }));
    expect(s.text).toBe(r.text);
    expect(s.corrections.find((c) => c.before === 'dir')).toEqual({ offset: 6, length: 3, before: 'dir', after: 'där', confidence: 0, rule: 'confusion', applied: false });
    // minConfidence is a bar on the calibrated probability.
    const p = same.corrections.find((c) => c.before === 'for')!.confidence;
    expect(repair(TEXT, tiny({ documentClass: 'stripped', calibration: calibration({ 'stripped-diacritics': map(0) }, 0.5), minConfidence: Math.min(1, p + 0.001) })).text).toContain('for kommunen');
  });

  it('holds the fix of a word that cannot be right as written to the non-word bar, a change of a known word to minConfidence', () => {
    const maps = { confusion: map(0), 'stripped-diacritics': map(0) };
    const TWO = 'Detta &r viktigt for kommunen.';
    // `&r` holds a glyph no Swedish word holds; `for` is a word (its reading `för` may damage it).
    const both = repair(TWO, tiny({ documentClass: 'stripped', calibration: calibration(maps, 0.5) }));
    expect(both.text).toBe('Detta är viktigt för kommunen.');
    const strict = { ...calibration(maps, 0.9999), nonWordMinConfidence: { stripped: 0.5, normal: 0.5 } };
    const r = repair(TWO, tiny({ documentClass: 'stripped', calibration: strict, suggest: true }));
    expect(r.text).toBe('Detta är viktigt for kommunen.');
    expect(r.corrections.find((c) => c.before === 'for')?.applied).toBe(false);
    // Without a non-word bar in the file, minConfidence holds for both; an explicit minConfidence too.
    expect(repair(TWO, tiny({ documentClass: 'stripped', calibration: calibration(maps, 0.9999) })).text).toBe(TWO);
    expect(repair(TWO, tiny({ documentClass: 'stripped', calibration: strict, minConfidence: 0.9999 })).text).toBe(TWO);
  });

  it('with a map of P(written right), holds to the lower bar the edits whose word is likely wrong as written', () => {
    const maps = { confusion: map(0), 'stripped-diacritics': map(0) };
    const TWO = 'Detta &r viktigt for kommunen.';
    const W = WRITTEN_FEATURES.length;
    /** P(written right) = σ(bias + knownWeight · known). */
    const written = (bias: number, knownWeight = 0): RuleCalibration => ({ n: 10, right: 1, bias, weights: [knownWeight, ...new Array<number>(W - 1).fill(0)] });
    const strict = (w: RuleCalibration): RepairCalibration => ({ ...calibration(maps, 0.9999), nonWordMinConfidence: { stripped: 0.5, normal: 0.5 }, written: { stripped: w, normal: w }, writtenMaxRisk: { stripped: 0.01, normal: 0.01 } });
    // The known word `for` likely right as written (its reading `för` may damage it), `&r` not.
    expect(repair(TWO, tiny({ documentClass: 'stripped', calibration: strict(written(-10, 20)) })).text).toBe('Detta är viktigt for kommunen.');
    // Every word likely wrong as written: both at the lower bar; every word likely right: neither.
    expect(repair(TWO, tiny({ documentClass: 'stripped', calibration: strict(written(-10)) })).text).toBe('Detta är viktigt för kommunen.');
    expect(repair(TWO, tiny({ documentClass: 'stripped', calibration: strict(written(10)) })).text).toBe(TWO);
  });

  it('traces the features of P(written right) of each word edit: known, glyph, recurrence in the document', () => {
    const trace: ContextTrace = { events: [], edits: [] };
    repair('Detta &r viktigt for kommunen. Det &r bra.', tiny({ documentClass: 'stripped', calibration: calibration({}, 0.5), trace }));
    const at = (f: (typeof WRITTEN_FEATURES)[number]): number => WRITTEN_FEATURES.indexOf(f);
    const amp = trace.edits!.find((e) => e.after === 'är')!.written!;
    // `&r`: unknown, a glyph, once more in the document.
    expect([amp[at('known')], amp[at('glyph')], amp[at('recurs')], amp[at('unknownRecurs')]]).toEqual([0, 1, Math.log(2), Math.log(2)]);
    const known = trace.edits!.find((e) => e.after === 'för')!.written!;
    expect([known[at('known')], known[at('glyph')], known[at('recurs')], known[at('onlyDiacritics')]]).toEqual([1, 0, 0, 1]);
    // Marks and boundaries have none.
    expect(trace.edits!.filter((e) => e.rule === 'sentence-mark').every((e) => e.written === undefined)).toBe(true);
  });

  it('decides the bar inside the word step: a reading held back is no context for the words after it', () => {
    const words = (cal: RepairCalibration): (string | null)[] | undefined => {
      const trace: ContextTrace = { events: [] };
      repair(TEXT, tiny({ documentClass: 'stripped', calibration: cal, trace }));
      return trace.events.find((e) => e.word === 'for')?.neighbours;
    };
    // `for` two words after `dir`: its left context is `där` where that is applied, `dir` where held back.
    expect(words(calibration({ confusion: map(0) }, 0.5))?.[0]).toBe('där');
    expect(words(calibration({ confusion: map(-30) }, 0.5))?.[0]).toBe('dir');
  });

  it('with explain, says a word whose repair fell below the calibrated bar is below-threshold', () => {
    const r = repair(TEXT, tiny({ documentClass: 'stripped', calibration: calibration({ confusion: map(-30) }, 0.5), explain: true }));
    expect(r.leftAlone).toContainEqual({ offset: 6, word: 'dir', reason: 'below-threshold' });
  });
});

describe('repair-calibration.json', () => {
  const good = { version: CALIBRATION_VERSION, about: 'x', sources: ['dev'], at: '2026-12-07', minConfidence: { stripped: 0.9, normal: 0.8 }, classes: { stripped: { confusion: map(0) }, normal: {} } };
  const written0: RuleCalibration = { n: 10, right: 1, bias: -3, weights: new Array<number>(WRITTEN_FEATURES.length).fill(0) };
  it('is read field by field', () => {
    expect(checkCalibrationFile(good, 'f.json').classes.stripped.confusion).toEqual(map(0));
    expect(checkCalibrationFile(good, 'f.json').nonWordMinConfidence).toBeUndefined();
    expect(checkCalibrationFile({ ...good, nonWordMinConfidence: { stripped: 0.6, normal: 0.7 } }, 'f.json').nonWordMinConfidence).toEqual({ stripped: 0.6, normal: 0.7 });
    const withWritten = checkCalibrationFile({ ...good, written: { stripped: written0, normal: written0 }, writtenMaxRisk: { stripped: 0.01, normal: 0 } }, 'f.json');
    expect(withWritten.written?.stripped).toEqual(written0);
    expect(withWritten.writtenMaxRisk).toEqual({ stripped: 0.01, normal: 0 });
  });
  it.each([
    [{ ...good, version: CALIBRATION_VERSION + 1 }, `version: expected version ${CALIBRATION_VERSION}`],
    [{ ...good, minConfidence: { stripped: 2, normal: 0.5 } }, 'minConfidence.stripped: expected a probability'],
    [{ ...good, minConfidence: 0.9 }, 'minConfidence: expected an object'],
    [{ ...good, nonWordMinConfidence: { stripped: 0.6, normal: -1 } }, 'nonWordMinConfidence.normal: expected a probability'],
    [{ ...good, written: { stripped: map(0), normal: map(0) }, writtenMaxRisk: { stripped: 0.01, normal: 0.01 } }, `written.stripped.weights: expected ${WRITTEN_FEATURES.length} weights`],
    [{ ...good, written: { stripped: written0, normal: written0 }, writtenMaxRisk: { stripped: 0.01 } }, 'writtenMaxRisk.normal'],
    [{ ...good, classes: { stripped: { 'no-rule': map(0) }, normal: {} } }, 'classes.stripped.no-rule: expected a rule id, held:<reason>'],
    [{ ...good, classes: { stripped: { 'family:none': map(0) }, normal: {} } }, 'classes.stripped.family:none: expected a rule id, held:<reason>'],
    [{ ...good, classes: { stripped: { confusion: { ...map(0), weights: [1] } }, normal: {} } }, `classes.stripped.confusion.weights: expected ${K} weights`],
    [{ ...good, classes: { stripped: { confusion: map(0, -1) }, normal: {} } }, 'classes.stripped.confusion.weights[0]: expected a weight ≥ 0'],
  ])('refuses a bad file (%#)', (file, message) => {
    expect(() => checkCalibrationFile(file, 'f.json')).toThrow(message);
  });
});
