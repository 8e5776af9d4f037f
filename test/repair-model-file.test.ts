import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCalibrationFile } from '../src/repair/context-calibration.js';
import { dictionaryFile } from '../src/dictionaries.js';
import { checkModelFile, checkSettingsFile, MODEL_VERSION } from '../src/repair/model-file.js';
import { loadModel } from '../src/repair/model.js';
import { checkFrakturChannel } from '../src/repair/old-swedish.js';
import { checkOrthographyModel } from '../src/repair/orthography.js';

const shipped = (name: string): unknown => JSON.parse(readFileSync(dictionaryFile(name), 'utf8'));

/** `value` with the field at `path` (dot-separated, array indexes as numbers) set to `to`. */
function withField(value: unknown, path: string, to: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let o: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  if (to === undefined) delete o[keys.at(-1)!];
  else o[keys.at(-1)!] = to;
  return copy;
}

describe('the repair model files and their schema', () => {
  it('ships a model and settings of the version this code reads', () => {
    expect(checkModelFile(shipped('repair-model.json'), 'repair-model.json').version).toBe(MODEL_VERSION);
    expect(() => checkSettingsFile(shipped('repair-settings.json'), 'repair-settings.json')).not.toThrow();
    expect(loadModel().params.normal.minConfidence).toBeGreaterThan(0);
  });

  it('names the file and the field of a wrong value', () => {
    const model = shipped('repair-model.json');
    expect(() => checkModelFile(withField(model, 'learned.hyphenJoin', [3, 'x']), 'm.json')).toThrow('m.json: learned.hyphenJoin[1]: expected a count (an integer ≥ 0), got "x"');
    expect(() => checkModelFile(withField(model, 'fitted.params.normal.editCost', undefined), 'm.json')).toThrow('m.json: fitted.params.normal.editCost: expected a value, got nothing');
    expect(() => checkModelFile(withField(model, 'learned.sentenceMarks.stopForCommas', [1, 2]), 'm.json')).toThrow('learned.sentenceMarks.stopForCommas: expected no such field');
    expect(() => checkModelFile(withField(model, 'learned.colonHyphen', [5, 4]), 'm.json')).toThrow('learned.colonHyphen: expected hits no more than the total');
    const settings = shipped('repair-settings.json');
    expect(() => checkSettingsFile(withField(settings, 'channel.maxProbability', 1.5), 's.json')).toThrow('s.json: channel.maxProbability: expected a probability (0 to 1), got 1.5');
  });

  it('checks the context calibration file as it checks the model', () => {
    const calibration = shipped('context-calibration.json');
    expect(checkCalibrationFile(calibration, 'c.json')).toEqual(calibration);
    expect(() => checkCalibrationFile(withField(calibration, 'normal.min', '0.9'), 'c.json')).toThrow('c.json: normal.min: expected a finite number, got "0.9"');
    expect(() => checkCalibrationFile(withField(calibration, 'normal.floor', undefined), 'c.json')).toThrow('c.json: normal.floor: expected a value, got nothing');
    expect(() => checkCalibrationFile(withField(calibration, 'old', {}), 'c.json')).toThrow('c.json: old: expected no such field');
  });

  it('checks the older-Swedish spelling model', () => {
    const orthography = shipped('old-sv-orthography.json');
    expect(checkOrthographyModel(orthography, 'o.json').features.length).toBe(32);
    expect(() => checkOrthographyModel(withField(orthography, 'threshold', undefined), 'o.json')).toThrow('o.json: threshold: expected a finite number, got nothing');
    const zero = structuredClone(orthography) as { features: Array<{ modern: number }> };
    zero.features[0]!.modern = 0;
    expect(() => checkOrthographyModel(zero, 'o.json')).toThrow('o.json: features[0].modern: expected a rate per 1000 above 0 and below 1000, got 0');
  });

  it('checks the Fraktur OCR channel of older-Swedish repair', () => {
    const channel = shipped('old-sv-channel.json') as Record<string, unknown>;
    const { source: _source, ...read } = channel;
    expect(checkFrakturChannel(channel, 'f.json')).toEqual(read);
    expect(() => checkFrakturChannel(withField(channel, 'params.minConfidence', 1.2), 'f.json')).toThrow('f.json: params.minConfidence: expected a probability (0 to 1), got 1.2');
    expect(() => checkFrakturChannel(withField(channel, 'keep', -1), 'f.json')).toThrow('f.json: keep: expected a price (−log probability, ≥ 0), got -1');
    expect(() => checkFrakturChannel(withField(channel, 'costs', { ab: 2 }), 'f.json')).toThrow('f.json: costs["ab"]: expected a key `ocr<TAB>truth`');
    expect(() => checkFrakturChannel(withField(channel, 'words', { pa: { n: 2.5, truths: {} } }), 'f.json')).toThrow('f.json: words["pa"].n: expected a count (an integer ≥ 0), got 2.5');
  });

  it('refuses a file of another version, or of none', () => {
    const model = shipped('repair-model.json');
    expect(() => checkModelFile(withField(model, 'version', MODEL_VERSION + 1), 'm.json')).toThrow(`m.json: version: expected version ${MODEL_VERSION}`);
    expect(() => checkModelFile(withField(model, 'version', undefined), 'm.json')).toThrow('predates the schema');
  });
});
