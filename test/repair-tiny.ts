import { join } from 'node:path';
import { loadModel, type RepairModel } from '../src/repair/model.js';
import type { WordKnowledge } from '../src/repair/words.js';

/**
 * A made-up model and lexicon for tests of what repair's code does, whatever a training run
 * learned: test/fixtures/repair-tiny-model.json (round numbers: P(I | a lone `|`) = 9/10, a colon
 * for a hyphen 11/12, `=` for `–` 11/12 …) with the shipped hand-set settings, and a few hundred
 * words with made-up counts. What the shipped model itself learned is checked elsewhere
 * (test/repair-model-checks.test.ts against dictionaries/repair-model.checks.json).
 */
export const TINY_MODEL_PATH = join(import.meta.dirname, 'fixtures', 'repair-tiny-model.json');

let model: RepairModel | undefined;
export function tinyModel(): RepairModel {
  model ??= loadModel(TINY_MODEL_PATH);
  return model;
}

/** Made-up corpus counts; a word listed is known. Capitalised entries are names. */
const COUNTS: Record<string, number> = {
  // function words
  och: 5000, i: 4000, att: 4000, det: 3000, som: 2500, är: 2500, en: 2400, på: 2000, för: 2000, av: 1800, med: 1800,
  till: 1700, den: 1500, har: 1400, de: 1300, om: 1000, vi: 900, ska: 800, kan: 800, efter: 700, från: 600, eller: 600,
  samt: 300, men: 300, inte: 700, här: 200, år: 400, än: 200, får: 300, ett: 1500, sig: 300, hos: 100, där: 300,
  // content words
  kommunen: 300, kommunala: 120, kommunal: 60, ansvar: 150, ansvaret: 80, strävar: 30, skapa: 80, gäller: 200,
  följande: 90, samband: 60, detta: 300, maj: 40, integrationsarbetet: 10, uppdrag: 120, uppdraget: 60, ingår: 40,
  arbetsförmedlingens: 20, arbetsförmedlingen: 40, möjligt: 100, planen: 40, antagen: 20, perioden: 50, främja: 40,
  stärka: 40, stödja: 40, personal: 80, avgörande: 30, stödet: 30, intern: 30, strategi: 40, medan: 40, annat: 80,
  ca: 50, tillhandahållas: 10, tillhandahålla: 20, tillämpa: 30, förslaget: 60, förslag: 80, länet: 40, över: 300,
  överenskommelse: 30, arbetet: 200, bland: 150, regeringen: 100, rapporten: 60, visar: 60,
  redovisas: 40, bidrar: 30, bättre: 100, skola: 80, skolan: 90, alla: 300, elever: 80, vänta: 20,
  ull: 2, bar: 30, far: 40, for: 5, at: 1, an: 1,
  beslut: 150, frågan: 90, dag: 200, samarbeta: 20, punkt: 30, avsnitt: 30, kapitel: 40, få: 300,
};
const NAMES = new Set(['Arbetsförmedlingen', 'Trafikverket']);
const ABBREVIATIONS = new Set(['bl.a', 't.ex', 'dvs', 'kap']);
const BIGRAMS: Record<string, number> = {
  'för perioden': 20, 'är antagen': 10, 'planen är': 5, 'i samband': 40, 'i integrationsarbetet': 5, 'i ansvaret': 5,
  'i arbetsförmedlingens': 5, 'uppdrag ingår': 5,
  'kommunen har': 50, 'har ansvar': 60, 'inte får': 40, 'får vänta': 10, 'som inte': 80, 'efter att': 60, 'till att': 100, 'är stödet': 2, 'avgörande är': 5,
};

/** The tiny lexicon: the words above, case-tolerant, with their made-up counts. */
export const tinyWords: WordKnowledge = {
  has: (w) => COUNTS[w.toLowerCase()] !== undefined || NAMES.has(w),
  hasExact: (w) => COUNTS[w] !== undefined || NAMES.has(w) || (w[0] !== undefined && COUNTS[w[0].toLowerCase() + w.slice(1)] !== undefined && w.slice(1) === w.slice(1).toLowerCase()),
  isName: (w) => NAMES.has(w),
  isAbbreviation: (w) => ABBREVIATIONS.has(w.toLowerCase()),
  frequency: (w) => COUNTS[w.toLowerCase()] ?? 0,
  bigram: (a, b) => BIGRAMS[`${a.toLowerCase()} ${b.toLowerCase()}`] ?? 0,
  suggestable: (w) => COUNTS[w.toLowerCase()] !== undefined,
  vocabulary: () => Object.keys(COUNTS).filter((w) => w.length >= 4).sort((a, b) => COUNTS[b]! - COUNTS[a]!),
};

/** Repair options of the tiny model and lexicon. */
export const TINY = { model: undefined as RepairModel | undefined, lexicon: tinyWords };
export const tiny = (extra: object = {}): { model: RepairModel; lexicon: WordKnowledge } => ({ model: tinyModel(), lexicon: tinyWords, ...extra });
