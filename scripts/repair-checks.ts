// The checks of the shipped repair model: what it learned (as repair reads it), what it makes of a
// few sentences, and what its learned rules do on the held-out fixtures. `train-repair.ts` writes
// them next to the model (dictionaries/repair-model.checks.json) after counts and fit, and
// `tsx scripts/train-repair.ts checks` alone rewrites them after a change of repair's code;
// test/repair-model-checks.test.ts compares them with what the code and model do now. So a
// retrain changes figures in one reviewed file instead of breaking tests, and the tests of what
// the code does run on a made-up model (test/repair-tiny.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { characterErrors } from '../src/eval/metrics.js';
import type { DocClass } from '../src/repair/model-file.js';
import type { RepairModel } from '../src/repair/model.js';
import type { RepairOptions } from '../src/repair/repair.js';
import { loadCalibration, type RepairCalibration } from '../src/repair/calibration.js';
import { repair } from '../src/repair/safe-repair.js';
import type { Correction } from '../src/types.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** A sentence to repair with the shipped model; `want`: what a person expects it to become. */
export interface Probe {
  text: string;
  options?: Pick<RepairOptions, 'documentClass' | 'minConfidence' | 'dehyphenate'>;
  want?: string;
}

/**
 * Sentences whose repair depends on what training learned (a learned confidence, a learned word
 * confusion); each was a test with the number typed in. Add one where a learned figure matters.
 */
export const PROBES: Probe[] = [
  // A lone stroke glyph for a sentence-initial I (sentenceGlyphI), glued to its word (gluedGlyphI).
  { text: 'Kommunen har ansvar.\n| integrationsarbetet strävar vi efter. Den | maj 2017.', options: { documentClass: 'stripped' }, want: 'Kommunen har ansvar.\nI integrationsarbetet strävar vi efter. Den | maj 2017.' },
  { text: 'Det gäller.\nLarbetsformedlingens uppdrag ingar det.', options: { documentClass: 'stripped' }, want: 'Det gäller.\nI arbetsförmedlingens uppdrag ingår det.' },
  // A colon for a line-end hyphen (colonHyphen); lone glyphs (loneGlyphs).
  { text: 'Kommunen strävar ef:\n\nter att skapa. Gäller följande:\nde som är kommu:\nnala', want: 'Kommunen strävar efter att skapa. Gäller följande:\nde som är kommunala' },
  { text: 'intern strategi ~ eller = medan ca ~ 5 och + annat', want: 'intern strategi – eller – medan ca ~ 5 och + annat' },
  // Sentence marks (sentenceMarks, markMinRepairRate), year spans (yearRangeDash).
  { text: 'Vi ska främja. stärka och stödja personal, Avgörande #r stödet.', want: 'Vi ska främja, stärka och stödja personal. Avgörande är stödet.' },
  { text: 'Vi ska främja. stärka gemensamma mål och visioner. tj Föra dialog. #r klart', want: 'Vi ska främja, stärka gemensamma mål och visioner. tj Föra dialog. är klart' },
  { text: 'Planen #r antagen for perioden 2021-2025.', want: 'Planen är antagen för perioden 2021–2025.' },
  // Dotted abbreviations (dottedAbbreviations), merged `till` starts (tillStarts).
  { text: 'Kommunen ansvarar bla. för skolan och tex. vården, #r det klart.', want: 'Kommunen ansvarar bl.a. för skolan och t.ex. vården, är det klart.' },
  { text: 'som kan Ghandahallas av myndigheten', options: { documentClass: 'stripped' }, want: 'som kan tillhandahållas av myndigheten' },
  { text: 'insatser som syftar UH att', options: { documentClass: 'stripped' }, want: 'insatser som syftar till att' },
  // Learned whole-word confusions (classes.*.words).
  { text: 'Uppdraget ska redovisas ull regeringen.', options: { documentClass: 'stripped' }, want: 'Uppdraget ska redovisas till regeringen.' },
  { text: 'Detta dir viktigt for kommunen.', options: { documentClass: 'stripped' }, want: 'Detta är viktigt för kommunen.' },
  { text: 'Kostnaden blir hogre an vantat.', options: { documentClass: 'stripped' }, want: 'Kostnaden blir högre än väntat.' },
  { text: 'Arbetet gjordes at kommunen och mer an sa.', options: { documentClass: 'stripped' }, want: 'Arbetet gjordes åt kommunen och mer än så.' },
  { text: 'Det gäller t frågan och j dag.\nt Samarbeta med kommunen. Punkt j', options: { documentClass: 'stripped' }, want: 'Det gäller i frågan och i dag.\nt Samarbeta med kommunen. Punkt j' },
  { text: 'Kommunen bar ansvar för skolan och elever som inte far vanta pa beslut.', options: { documentClass: 'normal' }, want: 'Kommunen har ansvar för skolan och elever som inte får vänta på beslut.' },
  // Fitted weights: an edit-distance reading, an all-caps abbreviation below minConfidence.
  { text: 'Skolans vardegrond ska genomsyra arbetet.', options: { documentClass: 'stripped' }, want: 'Skolans värdegrund ska genomsyra arbetet.' },
  { text: 'Enligt ROK ska regionen samverka.', options: { documentClass: 'normal', minConfidence: 0.6 }, want: 'Enligt RÖK ska regionen samverka.' },
];

/** A learned rule on a held-out fixture: the changes it made (and, where the model can be made
 * without it, the character errors it saved against the fixture's truth). */
export interface HeldOutCheck {
  path: string;
  rule: Correction['rule'];
}

/** The model without one learned rule, for the rules that have one number to switch off. */
const WITHOUT: Partial<Record<string, (m: RepairModel) => RepairModel>> = {
  'sentence-mark': (m) => ({ ...m, sentenceMarks: { stopForComma: 0, stopBeforeFragment: 0, commaForStop: 0, commaEndsParagraph: 0 } }),
  'year-range': (m) => ({ ...m, yearRangeDash: 0 }),
  'lone-glyph': (m) => ({ ...m, loneGlyphs: new Map() }),
  'dash-glyph': (m) => ({ ...m, loneGlyphs: new Map() }),
};

export const HELD_OUT: HeldOutCheck[] = [
  ...['seed-000/ocr-eng-l2.txt', 'seed-003/ocr-eng-l2.txt', 'seed-000/ocr-swe-l2.txt', 'seed-003/ocr-swe-l2.txt'].map((path): HeldOutCheck => ({ path, rule: 'sentence-mark' })),
  ...['seed-000/ocr-eng-l1.txt', 'seed-000/ocr-eng-l2.txt', 'seed-000/ocr-swe-l2.txt', 'seed-001-pair/ocr.txt'].map((path): HeldOutCheck => ({ path, rule: 'year-range' })),
  ...['seed-000/ocr-eng-l2.txt', 'seed-002/ocr-eng.txt'].map((path): HeldOutCheck => ({ path, rule: 'dash-glyph' })),
  ...['seed-002/ocr-eng.txt', 'seed-003/ocr-eng-l1.txt', 'seed-003/ocr-eng-l2.txt'].map((path): HeldOutCheck => ({ path, rule: 'glyph-word' })),
  ...['seed-002/ocr-eng.txt', 'seed-003/ocr-eng-l2.txt'].map((path): HeldOutCheck => ({ path, rule: 'word-confusion' })),
  { path: 'seed-003/ocr-eng-l2.txt', rule: 'till-start' },
  { path: 'seed-003/ocr-eng-l2.txt', rule: 'dehyphenate' },
];

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** What the model learned, as repair reads it (probabilities, not counts; 6 decimals). */
export function modelFacts(model: RepairModel): Record<string, unknown> {
  const perClass = <T>(f: (cls: DocClass) => T): Record<DocClass, T> => ({ stripped: f('stripped'), normal: f('normal') });
  const words = (cls: DocClass, keys: readonly string[]): Record<string, string[]> =>
    Object.fromEntries(keys.map((k) => [k, model.tables[cls].words.get(k)?.map((w) => `${w.truth} ${round(w.cost)}`) ?? []]));
  return {
    threshold: round(model.threshold),
    sentenceGlyphI: round(model.sentenceGlyphI),
    gluedGlyphI: round(model.gluedGlyphI),
    colonHyphen: round(model.colonHyphen),
    hyphenJoin: round(model.hyphenJoin),
    yearRangeDash: round(model.yearRangeDash),
    sentenceMarks: Object.fromEntries(Object.entries(model.sentenceMarks).map(([k, p]) => [k, round(p)])),
    markMinRepairRate: round(model.markMinRepairRate),
    abbreviations: [...model.abbreviations].map(([form, a]) => `${form} → ${a.after} ${round(a.p)}`),
    loneGlyphs: [...model.loneGlyphs].map(([glyph, a]) => `${glyph} → ${a.after} ${round(a.p)}`),
    tillStarts: perClass((cls) => Object.fromEntries(Object.entries(model.tables[cls].tillStarts).map(([k, c]) => [k, round(c)]))),
    singleLetterWords: perClass((cls) => [...model.tables[cls].words.keys()].filter((w) => [...w].length === 1).sort()),
    wordConfusions: { stripped: words('stripped', ['ull', 'dir', 'an', 'at', 'bur', 'alt']), normal: words('normal', ['bar', 'far']) },
    params: model.params,
  };
}

export interface ProbeResult {
  text: string;
  options?: Probe['options'];
  /** What repair made of it with the rules' raw scores and fitted bars (no calibration). */
  got: string;
  /** Each correction as `before → after rule confidence`. */
  corrections: string[];
  /** With the shipped calibration (dictionaries/repair-calibration.json): what repair made of it,
   * and each correction with its calibrated probability (`suggested`: below the bar, not applied). */
  calibrated: { got: string; corrections: string[] };
}

export interface HeldOutResult extends HeldOutCheck {
  changes: string[];
  saved?: number;
}

export interface ChecksFile {
  about: string;
  model: Record<string, unknown>;
  /** The shipped calibration: its bar, and per class and rule the corrections it was fitted on. */
  calibration: Record<string, unknown>;
  probes: ProbeResult[];
  heldOut: HeldOutResult[];
}

const show = (c: Correction): string => `${JSON.stringify(c.before)} → ${JSON.stringify(c.after)} ${c.rule} ${c.confidence}`;

export function probeResult(p: Probe, model: RepairModel): ProbeResult {
  const r = repair(p.text, { ...p.options, model, calibration: null });
  const c = repair(p.text, { ...p.options, model, suggest: true, calibration: shippedCalibration() });
  return {
    text: p.text,
    ...(p.options ? { options: p.options } : {}),
    got: r.text,
    corrections: r.corrections.map(show),
    calibrated: { got: c.text, corrections: c.corrections.map((x) => (x.applied === false ? `${show(x)} suggested` : show(x))) },
  };
}

let shipped: RepairCalibration | undefined;
/** The shipped calibration file (read here, whatever the default in this process is). */
function shippedCalibration(): RepairCalibration {
  shipped ??= loadCalibration();
  return shipped;
}

/** The shipped calibration as repair reads it: the bars (and the risk the lower bar takes), and per class (and rule) `right/n` of its maps. */
export function calibrationFacts(): Record<string, unknown> {
  const cal = shippedCalibration();
  return { minConfidence: cal.minConfidence, ...(cal.nonWordMinConfidence ? { nonWordMinConfidence: cal.nonWordMinConfidence } : {}), ...(cal.writtenMaxRisk ? { writtenMaxRisk: cal.writtenMaxRisk } : {}), ...(cal.written ? { written: Object.fromEntries(Object.entries(cal.written).map(([k, m]) => [k, `${m.right}/${m.n}`])) } : {}), maps: Object.fromEntries(Object.entries(cal.classes).map(([k, maps]) => [k, Object.fromEntries(Object.entries(maps).map(([rule, m]) => [rule, `${m.right}/${m.n}`]))])) };
}

export function heldOutResult(check: HeldOutCheck, model: RepairModel): HeldOutResult {
  const fixture = (path: string): string => readFileSync(join(root, 'fixtures', path), 'utf8');
  const input = fixture(check.path);
  const out = repair(input, { model, calibration: null });
  const changes = out.corrections.filter((c) => c.rule === check.rule).map((c) => `${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  const without = WITHOUT[check.rule];
  if (!without) return { ...check, changes };
  const truth = fixture(check.path.replace(/[^/]+$/u, 'truth.txt'));
  return { ...check, changes, saved: characterErrors(repair(input, { model: without(model), calibration: null }).text, truth) - characterErrors(out.text, truth) };
}

export const CHECKS_ABOUT = 'Checks of the shipped repair model (repair-model.json with repair-settings.json), written by scripts/train-repair.ts after counts and fit, or by `tsx scripts/train-repair.ts checks` after a change of repair code; test/repair-model-checks.test.ts compares them with what the code and model do now. model: what was learned, as repair reads it; calibration: the shipped calibration (repair-calibration.json, scripts/fit-repair-calibration.ts), its bar and the corrections each map was fitted on; probes: sentences whose repair depends on learned figures (scripts/repair-checks.ts PROBES), what repair made of them with the raw scores, and with the calibration; heldOut: what a learned rule changed on a held-out fixture (raw scores), and the character errors it saved there where the model can be made without it. Review a diff of this file as the effect of a retrain.';

/** Every check, computed with `model`. */
export function computeChecks(model: RepairModel): ChecksFile {
  return {
    about: CHECKS_ABOUT,
    model: modelFacts(model),
    calibration: calibrationFacts(),
    probes: PROBES.map((p) => probeResult(p, model)),
    heldOut: HELD_OUT.map((h) => heldOutResult(h, model)),
  };
}

/** Where the checks of a model file live: beside it, `.checks.json` for `.json`. */
export function checksPath(modelPath: string): string {
  return modelPath.replace(/\.json$/u, '') + '.checks.json';
}

/**
 * Writes the checks of `model` beside `modelPath` and returns what changed against the checks
 * there before, one line each, plus the probes whose output is not what a person wanted.
 */
export function writeChecks(model: RepairModel, modelPath: string): string[] {
  const path = checksPath(modelPath);
  const old: Partial<ChecksFile> = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<ChecksFile>) : {};
  const checks = computeChecks(model);
  writeFileSync(path, JSON.stringify(checks, null, 1) + '\n');
  const report: string[] = [];
  if (JSON.stringify(old.calibration) !== JSON.stringify(checks.calibration)) report.push(`calibration: ${JSON.stringify(old.calibration)} → ${JSON.stringify(checks.calibration)}`);
  for (const [key, value] of Object.entries(checks.model)) {
    const before = JSON.stringify(old.model?.[key]);
    if (before !== JSON.stringify(value)) report.push(`model.${key}: ${before} → ${JSON.stringify(value)}`);
  }
  checks.probes.forEach((p, i) => {
    const before = old.probes?.find((o) => o.text === p.text && JSON.stringify(o.options) === JSON.stringify(p.options));
    if (JSON.stringify(before) !== JSON.stringify(p)) report.push(`probe ${JSON.stringify(p.text)}: ${JSON.stringify(before?.corrections)} → ${JSON.stringify(p.corrections)}`);
    const want = PROBES[i]?.want;
    if (want !== undefined && p.got !== want) report.push(`probe ${JSON.stringify(p.text)} gives ${JSON.stringify(p.got)}, not the wanted ${JSON.stringify(want)}`);
  });
  for (const h of checks.heldOut) {
    const before = old.heldOut?.find((o) => o.path === h.path && o.rule === h.rule);
    if (JSON.stringify(before) !== JSON.stringify(h)) report.push(`held out ${h.path} ${h.rule}: ${JSON.stringify(before?.changes)} saved ${before?.saved} → ${JSON.stringify(h.changes)} saved ${h.saved}`);
  }
  return report;
}
