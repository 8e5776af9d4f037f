/**
 * The real stages behind `RunStages`, wired in one place. Loaded on demand so a caller who
 * injects every stage (the tests) never loads pdf.js, Tesseract or the lexicon.
 */
import { readFile } from 'node:fs/promises';
import type { RunStages } from './stage-types.js';

const STAGE_KEYS: (keyof RunStages)[] = ['readTextFile', 'repair', 'normalize', 'extractPdf', 'guessOrigin', 'knownShare', 'sketchDoc', 'clusterSketches', 'openIndex', 'close'];

function isComplete(stages: Partial<RunStages> | undefined): stages is RunStages {
  return stages !== undefined && STAGE_KEYS.every((key) => typeof stages[key] === 'function');
}

export async function defaultStages(options: { learn: string[] }): Promise<RunStages> {
  const [normalise, repair, pipeline, extract, dedupe] = await Promise.all([
    import('../normalise/index.js'),
    import('../repair/index.js'),
    import('../pipeline/index.js'),
    import('../extract/index.js'),
    import('../dedupe/index.js'),
  ]);
  // A run with word lists gets its own lexicon: learning into the shared one would leak into
  // every later call in the process.
  const learned = await Promise.all(options.learn.map((path) => readFile(path, 'utf8')));
  // Loaded on first use (~0.5 s, 150 MB): a run that reads its inputs in child processes never
  // uses it in its own.
  let loaded: ReturnType<typeof repair.defaultLexicon> | undefined;
  const lexicon = (): ReturnType<typeof repair.defaultLexicon> => (loaded ??= learned.length > 0 ? repair.loadLexicon({ learn: learned }) : repair.defaultLexicon());
  return {
    readTextFile: (path) => normalise.readTextFile(path),
    repair: (text) => repair.repair(text, { lexicon: lexicon() }),
    normalize: (text) => {
      const { text: clean, changes } = normalise.normalizeDetailed(text);
      return { text: clean, corrections: changes.map((c) => ({ offset: c.offset, length: c.length, before: c.before, after: c.after, confidence: 1, rule: 'normalize' })) };
    },
    extractPdf: (path, o) => pipeline.extractPdf(path, { ...o, lexicon: lexicon() }),
    guessOrigin: (text) => dedupe.guessOrigin(text),
    knownShare: (text) => lexicon().knownShare(text),
    sketchDoc: (doc) => dedupe.sketchDoc(doc),
    clusterSketches: (sketches, o) => dedupe.clusterSketches(sketches, o),
    // The fingerprint settings the run's sketches are made with: an index made with others is refused.
    openIndex: (path) => dedupe.openIndex(path, { permutations: dedupe.DEFAULT_PERMUTATIONS, shingle: dedupe.DEFAULT_SHINGLE, seed: dedupe.DEFAULT_SEED, stopShingles: true }),
    close: () => extract.terminateOcr(),
  };
}

export async function resolveStages(injected: Partial<RunStages> | undefined, options: { learn: string[] }): Promise<RunStages> {
  if (isComplete(injected)) return injected;
  return { ...(await defaultStages(options)), ...injected };
}
