/**
 * `runArchive(dir, options)`: every PDF and text file under DIR → clean text and a record under
 * OUT, then the versions clustered, and `report.json` / `report.md`.
 *
 * Parallelism: `workers` inputs in flight at once, each read in a child process of a small pool
 * (isolate.ts) with a one-thread OCR pool of its own; the child measures the input, writes its
 * outputs and sends back a summary and its sketch (process-input.ts). OCR is where the time goes
 * (seconds a page against milliseconds for a text layer), so two inputs waiting for OCR keep both
 * cores busy. Each child holds a lexicon and pdf.js (about 150 MB and half a second to load), the
 * price of limits no input can escape. Memory stays bounded: this process holds only each input's
 * sketch (256 MinHash values, 1 KB) and a small summary for the report, never a text.
 */
import {
  checkBooleanOption,
  checkFunctionOption,
  checkNumberOption,
  checkObjectOption,
  checkOneOf,
  checkSignalOption,
  checkString,
  checkStringOption,
  checkTimeoutOption,
  checkWorkersOption,
  invalid,
} from '../validate.js';
import { availableParallelism } from 'node:os';
import { mkdir, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write.js';
import { checkRunDirs } from './check-dirs.js';
import { resolveStages } from './default-stages.js';
import { recordIndex } from './index-run.js';
import { DEFAULT_LIMITS, InputIsolates, childEntry } from './isolate.js';
import { lockOut } from './lock.js';
import { outputPaths } from './out-paths.js';
import { mapPool } from './pool.js';
import { processInput, type ProcessOutcome } from './process-input.js';
import { assignClusters, clusterReports, computeTotals, renderMarkdown } from './report.js';
import { runSettings, settingsHash, type RunSettings } from './settings.js';
import type { RunIndex, RunStages, SketchLike } from './stage-types.js';
import type { InputReport, RunEvent, RunOptions, RunReport } from './types.js';
import type { WalkEntry } from './walk.js';
import { walkArchive } from './walk.js';

const round = (seconds: number) => Math.round(seconds * 100) / 100;

export async function runArchive(dir: string, options: RunOptions): Promise<RunReport> {
  checkRunArgs(dir, options);
  const started = performance.now();
  const dirs = await checkRunDirs(dir, options.out);

  await mkdir(dirs.out, { recursive: true });
  // One run per OUT, taken before the sweep (which would delete another run's temp files).
  const unlock = await lockOut(dirs.out);
  try {
    return await runLocked(dirs, options, started);
  } finally {
    await unlock();
  }
}

async function runLocked(dirs: { dir: string; out: string }, options: RunOptions, started: number): Promise<RunReport> {
  const learn = (options.learn ?? []).map((path) => resolve(path));
  const settings = await runSettings({ ocr: options.ocr ?? 'auto', repair: options.repair ?? true, pageTimeoutMs: options.pageTimeoutMs, learn });
  const hash = settingsHash(settings);
  const emit = options.onEvent ?? (() => {});
  const realOut = await realpath(dirs.out);
  await removeStaleTempFiles(dirs.out);
  const stages = await resolveStages(options.stages, { learn });
  // The index is opened (and refused if it is no arkivtext index, or one made with other
  // settings) before any input is read.
  let index: RunIndex | undefined;
  try {
    index = options.index ? stages.openIndex(resolve(options.index)) : undefined;
  } catch (error) {
    await stages.close();
    throw error;
  }
  try {
    return await runWithStages(dirs, options, started, { learn, settings, hash, emit, realOut, stages, index });
  } finally {
    index?.close();
  }
}

interface Prepared {
  learn: string[];
  settings: RunSettings;
  hash: string;
  emit: (event: RunEvent) => void;
  realOut: string;
  stages: RunStages;
  index: RunIndex | undefined;
}

async function runWithStages(dirs: { dir: string; out: string }, options: RunOptions, started: number, prepared: Prepared): Promise<RunReport> {
  const { learn, settings, hash, emit, realOut, stages, index } = prepared;
  const elapsed = () => (performance.now() - started) / 1000;
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const walk = await walkArchive(dirs.dir);
  // Two inputs whose names give one output (names sanitised alike, a Latin-1 name shown like a
  // UTF-8 one): the first keeps it, the others are refused (NAME_COLLISION), never overwritten.
  const owner = new Map<string, string>();
  const collisions = new Map<WalkEntry, string>();
  for (const entry of walk.inputs) {
    let base: string;
    try {
      base = outputPaths(dirs.out, entry.path).text;
    } catch {
      continue; // processInput reports it
    }
    const first = owner.get(base);
    if (first === undefined) owner.set(base, entry.path);
    else collisions.set(entry, first);
  }
  emit({ type: 'start', files: walk.inputs.length, bytes: walk.inputs.reduce((n, e) => n + e.size, 0) });

  // Inputs are read in child processes with limits where the built bundle is there to start
  // them, and the stages are the real ones (isolate.ts); injected stages run in this process.
  const childFile = options.stages === undefined && options.isolate !== false ? childEntry() : undefined;
  const isolates = childFile
    ? new InputIsolates(childFile, { ...DEFAULT_LIMITS, ...(options.pageTimeoutMs ? { pageTimeoutMs: options.pageTimeoutMs } : {}), ...options.limits }, learn)
    : undefined;
  const signal = options.signal;
  const stopChildren = (): Promise<void> => isolates?.close() ?? Promise.resolve();
  const onAbort = (): void => void stopChildren();
  signal?.addEventListener('abort', onAbort, { once: true });
  let outcomes: ProcessOutcome[];
  const inputsStarted = performance.now();
  try {
    outcomes = await mapPool(walk.inputs, workers, async (entry) => {
      // Stopped: what was not read is reported so (the report lists every input).
      if (signal?.aborted) return abortedOutcome(entry, 'not read: the run was stopped before it');
      const first = collisions.get(entry);
      if (first !== undefined) {
        const report: InputReport = {
          path: entry.path, kind: entry.kind, status: 'failed', warnings: [], seconds: 0,
          error: { code: 'NAME_COLLISION', message: `${entry.path}: its output name is that of ${JSON.stringify(first)} (names that differ only in characters a file name cannot hold); not read, rename one of them` },
        };
        emit({ type: 'input-done', input: report, bytes: entry.size });
        return { report };
      }
      emit({ type: 'input-start', path: entry.path });
      let outcome: ProcessOutcome;
      try {
        outcome = await processInput(entry, {
          out: dirs.out,
          stages,
          settings,
          settingsHash: hash,
          force: options.force ?? false,
          workers,
          ...(signal ? { signal } : {}),
          ...(isolates ? { isolates } : {}),
          realOut,
          onPage: (path, page, pages, stage) => emit({ type: 'page', path, page, pages, stage }),
        });
      } catch (error) {
        if (!signal?.aborted) throw error;
        outcome = abortedOutcome(entry, 'stopped while it was read: the run was stopped (a rerun reads it)');
      }
      emit({ type: 'input-done', input: outcome.report, bytes: entry.size });
      return outcome;
    });
  } catch (error) {
    await stopChildren();
    await stages.close();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  await stopChildren();
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
    // A stopped run adds nothing to the index: its documents are not all there. An index that
    // fails now (a disk full, a lock held too long) is said in the report; the report is written.
    let indexError: string | undefined;
    if (index && !signal?.aborted) {
      try {
        recordIndex(index, dirs.dir, sketches, inputs);
      } catch (error) {
        indexError = `${options.index}: the index could not be updated (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    const indexSeconds = options.index ? (performance.now() - indexStarted) / 1000 : 0;

    const report: RunReport = {
      dir: dirs.dir,
      out: dirs.out,
      settings,
      inputs,
      clusters,
      ignored: walk.ignored,
      ...(walk.skipped > 0 ? { skipped: walk.skipped } : {}),
      totals: computeTotals(inputs, clusters, walk.ignored, round(elapsed()), { inputs: round(inputsSeconds), cluster: round(clusterSeconds), index: round(indexSeconds) }),
      ...(signal?.aborted ? { aborted: true } : {}),
      ...(indexError ? { indexError } : {}),
    };
    await writeFileAtomic(resolve(dirs.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFileAtomic(resolve(dirs.out, 'report.md'), renderMarkdown(report));
    emit({ type: 'done', report });
    return report;
  } finally {
    await stages.close();
  }
}

function abortedOutcome(entry: WalkEntry, message: string): ProcessOutcome {
  return { report: { path: entry.path, kind: entry.kind, status: 'failed', error: { code: 'ABORTED', message: `${entry.path}: ${message}` }, warnings: [], seconds: 0 } };
}

/** What `runArchive` is given, checked before anything is read or written (see validate.ts). */
function checkRunArgs(dir: unknown, options: unknown): void {
  const fn = 'runArchive';
  checkString(fn, 'dir', dir);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw invalid(fn, 'options must be an object with at least { out }', options);
  checkString(fn, 'options.out', (options as { out?: unknown }).out);
  checkOneOf(fn, options, 'ocr', ['auto', 'always', 'never']);
  for (const key of ['repair', 'force', 'isolate']) checkBooleanOption(fn, options, key);
  checkWorkersOption(fn, options);
  checkTimeoutOption(fn, options, 'pageTimeoutMs');
  checkNumberOption(fn, options, 'threshold', { min: 0, max: 1, above: true });
  checkStringOption(fn, options, 'index');
  checkSignalOption(fn, options);
  checkFunctionOption(fn, options, 'onEvent');
  for (const key of ['stages', 'limits']) checkObjectOption(fn, options, key);
  const learn = (options as { learn?: unknown }).learn;
  if (learn !== undefined && !(Array.isArray(learn) && learn.every((f) => typeof f === 'string'))) throw invalid(fn, 'options.learn must be an array of file paths', learn);
}
