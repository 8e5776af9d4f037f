/**
 * `runArchive(dir, options)`: every PDF and text file under DIR → clean text and a record under
 * OUT, then the versions clustered, and `report.json` / `report.md`.
 *
 * Parallelism: one process, `workers` inputs in flight at once, and the extract stage's shared
 * OCR pool of `workers` Tesseract threads. OCR is where the time goes (seconds a page against
 * milliseconds for a text layer), and it already runs in worker threads, so both cores are busy
 * whenever two pages wait for OCR; the rest (pdf.js parsing, repair) is light. A pool of
 * worker_threads each with its own lexicon, pdf.js and one-thread OCR pool would use the cores
 * the same way for OCR, cost a lexicon and a pdf.js per thread in memory, and need a separate
 * worker entry in the bundle. Measured (bench/run.mjs, .readme/run.md): two processes with one
 * OCR thread each, standing in for that pool, peaked at 633 MB over fixtures/archive against
 * 384 MB for this design with 2 workers, for more CPU time (a lexicon load each).
 * Memory stays bounded: at most `workers` documents are held, each is written and dropped, and
 * only its sketch (256 MinHash values, 1 KB) and a small summary are kept for the report.
 */
import { availableParallelism } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ArkivError } from '../errors.js';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write.js';
import { checkRunDirs } from './check-dirs.js';
import { resolveStages } from './default-stages.js';
import { recordIndex } from './index-run.js';
import { mapPool } from './pool.js';
import { processInput, type ProcessOutcome } from './process-input.js';
import { assignClusters, clusterReports, computeTotals, renderMarkdown } from './report.js';
import { runSettings, settingsHash } from './settings.js';
import type { SketchLike } from './stage-types.js';
import type { RunOptions, RunReport } from './types.js';
import { walkArchive } from './walk.js';

const round = (seconds: number) => Math.round(seconds * 100) / 100;

export async function runArchive(dir: string, options: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const dirs = await checkRunDirs(dir, options.out);
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const learn = (options.learn ?? []).map((path) => resolve(path));
  const settings = await runSettings({ ocr: options.ocr ?? 'auto', repair: options.repair ?? true, pageTimeoutMs: options.pageTimeoutMs, learn });
  const hash = settingsHash(settings);
  const emit = options.onEvent ?? (() => {});

  await mkdir(dirs.out, { recursive: true });
  await removeStaleTempFiles(dirs.out);
  const walk = await walkArchive(dirs.dir);
  emit({ type: 'start', files: walk.inputs.length, bytes: walk.inputs.reduce((n, e) => n + e.size, 0) });

  const stages = await resolveStages(options.stages, { learn });
  let outcomes: ProcessOutcome[];
  const inputsStarted = performance.now();
  try {
    outcomes = await mapPool(walk.inputs, workers, async (entry) => {
      if (options.signal?.aborted) throw new ArkivError('ABORTED', 'the run was stopped');
      emit({ type: 'input-start', path: entry.path });
      const outcome = await processInput(entry, {
        out: dirs.out,
        stages,
        settings,
        settingsHash: hash,
        force: options.force ?? false,
        workers,
        ...(options.signal ? { signal: options.signal } : {}),
        onPage: (path, page, pages, stage) => emit({ type: 'page', path, page, pages, stage }),
      });
      emit({ type: 'input-done', input: outcome.report, bytes: entry.size });
      return outcome;
    });
  } catch (error) {
    await stages.close();
    if (options.signal?.aborted) throw new ArkivError('ABORTED', 'the run was stopped; outputs written so far are complete, and a rerun resumes', { cause: error });
    throw error;
  }
  const inputsSeconds = (performance.now() - inputsStarted) / 1000;

  try {
    const inputs = outcomes.map((o) => o.report);
    const sketches = outcomes.flatMap((o) => (o.sketch ? [o.sketch] : ([] as SketchLike[])));
    emit({ type: 'cluster', sketches: sketches.length });
    const clusterStarted = performance.now();
    const clusters = clusterReports(stages.clusterSketches(sketches, options.threshold === undefined ? {} : { threshold: options.threshold }));
    assignClusters(inputs, clusters);
    const clusterSeconds = (performance.now() - clusterStarted) / 1000;

    const indexStarted = performance.now();
    if (options.index) recordIndex(stages.openIndex(resolve(options.index)), dirs.dir, sketches, inputs);
    const indexSeconds = options.index ? (performance.now() - indexStarted) / 1000 : 0;

    const report: RunReport = {
      dir: dirs.dir,
      out: dirs.out,
      settings,
      inputs,
      clusters,
      ignored: walk.ignored,
      totals: computeTotals(inputs, clusters, walk.ignored, round(elapsed()), { inputs: round(inputsSeconds), cluster: round(clusterSeconds), index: round(indexSeconds) }),
    };
    await writeFileAtomic(resolve(dirs.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFileAtomic(resolve(dirs.out, 'report.md'), renderMarkdown(report));
    emit({ type: 'done', report });
    return report;
  } finally {
    await stages.close();
  }
}
