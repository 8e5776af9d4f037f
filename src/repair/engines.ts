/**
 * What repair keeps per word source and model: the language model and the hypothesis maker, whose
 * caches make an archive's repeated words cheap.
 */
import { ContextModel, type ContextData } from './context-model.js';
import { HypothesisMaker } from './hypotheses.js';
import { LanguageModel } from './language-model.js';
import type { RepairModel } from './model.js';
import type { WordKnowledge } from './words.js';

export interface Engines {
  words: WordKnowledge;
  lm: LanguageModel;
  /** The broad-register context model of known-word choices, made on first need (its data loads lazily). */
  context: () => ContextModel;
  maker: HypothesisMaker;
  model: RepairModel;
}

const engineCache = new WeakMap<WordKnowledge, Map<RepairModel, Engines>>();

/** Per word source and model, the caches that make repeated words cheap. */
export function engines(words: WordKnowledge, model: RepairModel): Engines {
  let byModel = engineCache.get(words);
  if (!byModel) {
    byModel = new Map();
    engineCache.set(words, byModel);
  }
  let e = byModel.get(model);
  if (!e) {
    let context: ContextModel | undefined;
    e = { words, lm: new LanguageModel(words), context: () => (context ??= new ContextModel(words)), maker: new HypothesisMaker(words, model.tables, model.trigrams, model.search), model };
    byModel.set(model, e);
  }
  return e;
}

const contextVariants = new WeakMap<Engines, WeakMap<ContextData, Engines>>();

/** The engines `e` with another context model's data (RepairOptions.context), its caches kept per
 * data as the shipped model's are. */
export function withContext(e: Engines, data: ContextData): Engines {
  let byData = contextVariants.get(e);
  if (!byData) {
    byData = new WeakMap();
    contextVariants.set(e, byData);
  }
  let v = byData.get(data);
  if (!v) {
    let context: ContextModel | undefined;
    v = { ...e, context: () => (context ??= new ContextModel(e.words, data)) };
    byData.set(data, v);
  }
  return v;
}
