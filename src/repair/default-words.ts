import { defaultLexicon } from './lexicon.js';
import type { WordKnowledge } from './words.js';

/** The shipped lexicon (loaded once by the Lexicon module). */
export function defaultWords(): WordKnowledge {
  return defaultLexicon();
}
