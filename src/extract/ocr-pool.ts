import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Worker } from 'tesseract.js';

/**
 * A pool of Tesseract (tesseract.js, WASM) workers with the Swedish LSTM model, shared by every
 * document read in the process. Workers are started on first need and kept for the next page and
 * file (loading the model costs about half a second), and replaced after `recycleAfter` jobs because
 * WASM memory only grows.
 *
 * tesseract.js's own `createScheduler` is not used: it cannot say which worker runs a job, so a
 * page that hangs could not be stopped without stopping every worker. Here each job has its worker,
 * and a job that runs past its time limit (or is aborted) terminates that worker alone.
 *
 * An idle worker does not keep the process alive (its thread is unref'd between jobs), so a program
 * that OCR'd a page ends when its own work does; `terminateOcr()` frees the workers at once.
 */
export interface OcrResult {
  text: string;
  /** Mean word confidence, 0..100. */
  confidence: number;
}

export interface OcrJobOptions {
  /** Resolution of the image, told to Tesseract so it sizes its models right. */
  dpi: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class OcrTimeoutError extends Error {
  constructor(ms: number) {
    super(`OCR took longer than ${ms} ms`);
    this.name = 'OcrTimeoutError';
  }
}

export class OcrAbortError extends Error {
  constructor() {
    super('OCR aborted');
    this.name = 'OcrAbortError';
  }
}

interface Slot {
  worker?: Promise<Worker>;
  jobs: number;
  busy: boolean;
}

interface Task {
  image: Uint8Array;
  options: OcrJobOptions;
  resolve: (r: OcrResult) => void;
  reject: (e: unknown) => void;
}

/** Where the Swedish model lives: the gzipped traineddata of `@tesseract.js-data/swe`, read from disk. */
export function sweLangPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/swe/package.json')), '4.0.0_best_int');
}

export class OcrPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closed = false;

  constructor(size: number, private readonly recycleAfter = 200) {
    this.grow(size);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Adds slots up to `size` (a later caller asked for more workers); never shrinks. */
  grow(size: number): void {
    while (this.slots.length < Math.max(1, size)) this.slots.push({ jobs: 0, busy: false });
  }

  recognize(image: Uint8Array, options: OcrJobOptions): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new Error('the OCR pool has been terminated'));
    if (options.signal?.aborted) return Promise.reject(new OcrAbortError());
    return new Promise<OcrResult>((resolve, reject) => {
      const task: Task = { image, options, resolve, reject };
      // A job aborted while it waits for a worker leaves the queue at once.
      options.signal?.addEventListener('abort', () => {
        const at = this.queue.indexOf(task);
        if (at >= 0) {
          this.queue.splice(at, 1);
          reject(new OcrAbortError());
        }
      }, { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  async terminate(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the OCR pool has been terminated'));
    await Promise.all(this.slots.map((slot) => this.retire(slot)));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const task = this.queue.shift();
      if (!task) return;
      if (task.options.signal?.aborted) {
        task.reject(new OcrAbortError());
        continue;
      }
      slot.busy = true;
      this.run(slot, task).then(task.resolve, task.reject).finally(() => {
        slot.busy = false;
        this.dispatch();
      });
    }
  }

  private async run(slot: Slot, task: Task): Promise<OcrResult> {
    slot.worker ??= startWorker();
    let worker: Worker;
    try {
      worker = await slot.worker;
    } catch (err) {
      slot.worker = undefined;
      throw err;
    }
    // Working, the thread keeps the process alive (a reply is awaited); idle, it must not.
    keepAlive(worker, true);
    try {
      return await this.recognizeOn(slot, worker, task);
    } finally {
      keepAlive(worker, false);
    }
  }

  private async recognizeOn(slot: Slot, worker: Worker, task: Task): Promise<OcrResult> {
    const { dpi, timeoutMs, signal } = task.options;
    await worker.setParameters({ user_defined_dpi: String(dpi) });
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      if (timeoutMs !== undefined && timeoutMs > 0) timer = setTimeout(() => reject(new OcrTimeoutError(timeoutMs)), timeoutMs);
      if (signal) {
        onAbort = () => reject(new OcrAbortError());
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    try {
      const result = await Promise.race([worker.recognize(Buffer.from(task.image.buffer, task.image.byteOffset, task.image.byteLength)), stop]);
      slot.jobs++;
      if (slot.jobs >= this.recycleAfter) await this.retire(slot);
      return { text: result.data.text, confidence: result.data.confidence };
    } catch (err) {
      // The worker may still be busy with the page (a hang); it is of no further use.
      await this.retire(slot);
      throw err;
    } finally {
      if (timer) clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  private async retire(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = undefined;
    slot.jobs = 0;
    if (!worker) return;
    try {
      await (await worker).terminate();
    } catch {
      // A worker that failed to start or already died has nothing left to release.
    }
  }
}

/**
 * Refs or unrefs the thread under a tesseract.js worker (tesseract.js keeps Node's worker_threads
 * Worker as its `worker` field; not in its typings). Where there is none, nothing is done.
 */
function keepAlive(worker: Worker, alive: boolean): void {
  const thread = (worker as unknown as { worker?: { ref?: () => void; unref?: () => void } | null }).worker;
  if (alive) thread?.ref?.();
  else thread?.unref?.();
}

async function startWorker(): Promise<Worker> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  const worker = await createWorker('swe', OEM.LSTM_ONLY, {
    langPath: sweLangPath(),
    gzip: true,
    // Never write a cached copy of the model into the working directory, never fetch one.
    cacheMethod: 'none',
  });
  await worker.setParameters({
    // Automatic page segmentation: municipal pages have headings, lists and tables, not one text block.
    tessedit_pageseg_mode: PSM.AUTO,
    // Tesseract re-reads every doubtful line as white-on-black text. Archive pages are dark print on
    // light paper; the retry costs about a fifth of the CPU time a page takes (measured on the
    // seed scans: 5.3 s → 4.2 s) and changed no character there.
    tessedit_do_invert: '0',
  });
  return worker;
}

let shared: OcrPool | undefined;

/** The process-wide pool, created (or grown) on demand. */
export function sharedOcrPool(workers?: number): OcrPool {
  const size = workers ?? defaultWorkers();
  if (!shared) shared = new OcrPool(size);
  else shared.grow(size);
  return shared;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Shuts the shared pool down at once (idle workers do not keep the process alive; this frees their memory now). */
export async function terminateOcr(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.terminate();
}
