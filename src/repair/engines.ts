/**
 * What repair keeps per word source and model: the language model and the hypothesis maker, whose
 * caches make an archive's repeated words cheap.
 */
import { memoByObjects } from '../memo.js';
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

/** Per word source and model, the caches that make repeated words cheap. */
export const engines = memoByObjects((words: WordKnowledge, model: RepairModel): Engines => {
  let context: ContextModel | undefined;
  return { words, lm: new LanguageModel(words), context: () => (context ??= new ContextModel(words)), maker: new HypothesisMaker(words, model.tables, model.trigrams, model.search), model };
});

/** The engines `e` with another context model's data (RepairOptions.context), its caches kept per
 * data as the shipped model's are. */
export const withContext = memoByObjects((e: Engines, data: ContextData): Engines => {
  let context: ContextModel | undefined;
  return { ...e, context: () => (context ??= new ContextModel(e.words, data)) };
});
