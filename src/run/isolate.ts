/**
 * Inputs read in child processes, so that no input can take the run down or hold it up.
 *
 * A PDF can be made to exhaust any heap (nested form XObjects, each drawing the next ten times, are
 * 2.8 KB that expand to gigabytes), a page can keep pdf.js busy for minutes, and repair of a large
 * text file is seconds of work. In the run's own process the first ends the run without a report,
 * the second ignores Ctrl-C, the third holds up every other input. So each input is read (a text
 * file decoded and repaired, a PDF extracted) in a child process of a small pool, one input at a
 * time per child:
 *
 * - memory: the child's heap is capped (`--max-old-space-size`, default DEFAULT_LIMITS.memoryMb),
 *   pdf.js's parser thread inside it too (ARKIVTEXT_PDF_HEAP_MB, see extract/pdfjs.ts); a child
 *   that runs out dies alone, and its input is reported OUT_OF_MEMORY (with the page it was on);
 * - time: a text file gets `fileTimeoutMs`, a PDF `pageTimeoutMs` from one page's start to the
 *   next; past it the child is killed and the input reported TIMEOUT / PAGE_TIMEOUT;
 * - Ctrl-C: every child is killed at once (SIGKILL), so the run stops within a second whatever
 *   they were doing, and writes the report of what was done.
 *
 * A killed child is replaced for the next input; children that finished stay for the next one
 * (each loads the lexicon once, ~0.5 s and 150 MB). Why processes and not worker threads: a heap
 * limit on a thread stops it gracefully only sometimes — a large allocation past the limit aborts
 * the whole process (seen with pdf.js, see extract/pdfjs.ts) — while a process that aborts is just
 * one failed input. The children are started from the built bundle (`dist/run-worker.js`); where
 * there is none (the library run from its TypeScript sources, as the unit tests do), inputs are
 * read in this process as before, with the soft limits of the stages alone.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArkivError, type ArkivErrorCode } from '../errors.js';
import { DEFAULT_MAX_FORM_DEPTH } from '../extract/pdfjs.js';
import type { RunSettings } from './settings.js';
import { TEXT_PIECE_CHARS } from './text-pieces.js';
import type { WalkEntry } from './walk.js';

/** The limits a run applies unless told otherwise: none of them should be met by a real archive. */
export const DEFAULT_LIMITS = {
  /** From one PDF page's start to the next page's (parse, render, OCR). */
  pageTimeoutMs: 300_000,
  /** Reading and repairing a text file, per piece of TEXT_PIECE_CHARS begun (repair runs at about
   * 5–10 s per MB, so a piece takes seconds; a 10 MB file gets five times this). */
  fileTimeoutMs: 600_000,
  /** Heap of the process reading one input, MB (the lexicon takes ~60 of it; repair of a text file,
   * done in pieces of 2 MB (run/text-pieces.ts), about 100 more plus the repaired text). With
   * pdf.js's thread, code and native memory, a child stays under 1.5 GB of RSS. */
  memoryMb: 896,
  /** Heap of pdf.js's parser thread, MB (its operator lists go to the child's heap as they are made). */
  pdfMemoryMb: 256,
  /**
   * Resident memory of the child, MB: what heap limits do not see — pdf.js's operator lists queued
   * between its thread and the child, decoded images, rasters. Watched from outside where /proc
   * tells it (Linux), else by a thread in the child (see RssWatch).
   */
  rssMb: 1280,
  /** Largest image pdf.js decodes, in pixels (a 600 dpi scan of an A3 page is 70 million). */
  maxImagePixels: 100_000_000,
  /** Deepest nesting of form XObjects on a page (real documents use a few levels; see extract/pdfjs.ts). */
  maxFormDepth: DEFAULT_MAX_FORM_DEPTH,
} as const;

export interface IsolateLimits {
  rssMb: number;
  pageTimeoutMs: number;
  fileTimeoutMs: number;
  memoryMb: number;
  pdfMemoryMb: number;
  maxImagePixels: number;
  maxFormDepth: number;
}

/** What a child sends back for one input: the content, or why it failed. */
export type ChildReply =
  | { type: 'page'; page: number; pages: number; stage: string }
  | { type: 'done'; content: unknown }
  | { type: 'error'; error: { code: string; message: string; page?: number } };

export interface ChildRequest {
  type: 'read';
  entry: WalkEntry;
  settings: RunSettings;
  /** OUT, where the child writes the input's outputs, and its real path (links resolved). */
  out: string;
  realOut?: string;
  /** Word lists the lexicon learns (paths). */
  learn: string[];
  /** OCR threads in the child. */
  ocrWorkers: number;
  maxImagePixels: number;
  maxFormDepth: number;
}

/**
 * How a child's resident memory is watched:
 * - `proc`: from this process, twice a second, in /proc/PID/statm (Linux): it sees the child
 *   whatever the child is doing, and kills it past the limit;
 * - `child`: elsewhere (no /proc), by a thread in the child (input-worker.ts) that reads the
 *   process's RSS (`process.memoryUsage.rss()`, every platform) four times a second and, past the
 *   limit, says so on stderr and kills its own process; a thread, because the child's main
 *   thread may be busy for seconds (repair of a large file) and could neither check nor report.
 *   This process reads the stderr line and reports OUT_OF_MEMORY as for `proc`.
 */
export type RssWatch = 'proc' | 'child';

export function defaultRssWatch(): RssWatch {
  return process.platform === 'linux' && existsSync('/proc/self/statm') ? 'proc' : 'child';
}

/** The line a child's RSS thread writes to stderr before it kills the child. */
export const RSS_LIMIT_LINE = /arkivtext: resident memory (\d+) MB past the limit/;

/** The built child entry next to this module (dist/), or undefined when running from sources. */
export function childEntry(): string | undefined {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    for (const candidate of [join(here, 'run-worker.js'), join(here, '..', 'run-worker.js')]) if (existsSync(candidate)) return candidate;
  } catch {
    // no file URL (a bundle without one): no children
  }
  return undefined;
}

interface Child {
  process: ChildProcess;
  /** The tail of its stderr: what V8 says when it runs out of heap. */
  stderr: string;
  busy: boolean;
}

export class InputIsolates {
  private readonly idle: Child[] = [];
  private readonly all = new Set<Child>();
  private stopped = false;

  constructor(
    private readonly entry: string,
    private readonly limits: IsolateLimits,
    private readonly learn: string[],
    private readonly rssWatch: RssWatch = defaultRssWatch(),
  ) {}

  private spawn(): Child {
    const child = fork(this.entry, [], {
      execArgv: [`--max-old-space-size=${this.limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: {
        ...process.env,
        ARKIVTEXT_PDF_HEAP_MB: String(this.limits.pdfMemoryMb),
        ...(this.rssWatch === 'child' ? { ARKIVTEXT_RSS_LIMIT_MB: String(this.limits.rssMb) } : {}),
      },
    });
    const c: Child = { process: child, stderr: '', busy: false };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      c.stderr = (c.stderr + chunk).slice(-4000);
    });
    child.on('exit', () => {
      this.all.delete(c);
      const at = this.idle.indexOf(c);
      if (at >= 0) this.idle.splice(at, 1);
    });
    // An idle child must not keep the run alive.
    child.unref();
    this.all.add(c);
    return c;
  }

  /**
   * Reads one input in a child, which writes its outputs under `out`: resolves with what the child
   * sends back (process-input.ts, Written), or rejects with an ArkivError
   * naming the file (and page) — the child's own error, or TIMEOUT / PAGE_TIMEOUT / OUT_OF_MEMORY /
   * CRASHED when it had to be killed or died — or ABORTED when `signal` stopped the run.
   */
  read(entry: WalkEntry, settings: RunSettings, options: { ocrWorkers: number; out: string; realOut?: string; signal?: AbortSignal; onPage?: (page: number, pages: number, stage: string) => void }): Promise<unknown> {
    if (this.stopped || options.signal?.aborted) return Promise.reject(new ArkivError('ABORTED', 'the run was stopped', { file: entry.path }));
    const child = this.idle.pop() ?? this.spawn();
    child.busy = true;
    child.stderr = '';
    child.process.ref();
    (child.process.channel as { ref?: () => void } | undefined)?.ref?.();
    const isPdf = entry.kind === 'pdf';
    let page = 0;
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      /** Killed or died: not to be used again. */
      let dead = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (error: ArkivError | undefined, value?: unknown): void => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        child.process.off('message', onMessage);
        child.process.off('exit', onExit);
        options.signal?.removeEventListener('abort', onAbort);
        child.busy = false;
        // A child that read its input, or reported why it could not (a broken PDF), is ready for
        // the next input, and no reason to keep the run alive. (One not given back would stay
        // alive, idle and unused, until the run's end: a child per failed input.)
        if (!dead && !this.stopped && child.process.exitCode === null && child.process.signalCode === null) {
          child.process.unref();
          (child.process.channel as { unref?: () => void } | undefined)?.unref?.();
          this.idle.push(child);
        }
        if (error) reject(error);
        else resolve(value);
      };
      const where = (): { file: string; page?: number } => (page > 0 ? { file: entry.path, page } : { file: entry.path });
      const kill = (error: ArkivError): void => {
        dead = true;
        child.process.kill('SIGKILL');
        finish(error);
      };
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        // A text file is repaired in pieces (text-pieces.ts): its time is the limit per piece begun.
        const pieces = Math.max(1, Math.ceil(entry.size / TEXT_PIECE_CHARS));
        const ms = isPdf ? this.limits.pageTimeoutMs : this.limits.fileTimeoutMs * pieces;
        timer = setTimeout(() => {
          const per = pieces > 1 ? `, ${this.limits.fileTimeoutMs / 1000} s for each of its ${pieces} pieces of 2 MB` : '';
          const what = isPdf ? `the page took longer than ${ms / 1000} s (limit: --page-timeout); stopped` : `reading and repairing the file took longer than ${ms / 1000} s${per} (limit: --file-timeout); stopped`;
          kill(new ArkivError(isPdf ? 'PAGE_TIMEOUT' : 'TIMEOUT', what, where()));
        }, ms);
      };
      const onMessage = (message: ChildReply): void => {
        if (message.type === 'page') {
          if (message.page !== page) {
            page = message.page;
            arm();
          }
          options.onPage?.(message.page, message.pages, message.stage);
        } else if (message.type === 'done') finish(undefined, message.content);
        else {
          const { code, message: text, page: at } = message.error;
          const error = new ArkivError(code as ArkivErrorCode, text, {});
          // The child's message names the file already (ArkivError's own prefix).
          if (at !== undefined) (error as { page?: number }).page = at;
          finish(error);
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        dead = true;
        if (options.signal?.aborted || this.stopped || signal === 'SIGINT' || signal === 'SIGTERM') return finish(new ArkivError('ABORTED', 'the run was stopped', where()));
        const rss = RSS_LIMIT_LINE.exec(child.stderr);
        const oom = /heap out of memory|Allocation failed|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(child.stderr);
        if (rss) {
          finish(new ArkivError('OUT_OF_MEMORY', `reading it took more than the ${this.limits.rssMb} MB of memory a document may use (${rss[1]} MB; limit: --memory); stopped`, where()));
        } else if (oom) {
          finish(new ArkivError('OUT_OF_MEMORY', `reading it needed more than the ${isPdf ? `${this.limits.memoryMb} MB (pdf.js: ${this.limits.pdfMemoryMb} MB)` : `${this.limits.memoryMb} MB`} a document may use (limit: --memory); stopped`, where()));
        } else {
          const last = child.stderr.trim().split('\n').slice(-1)[0] ?? '';
          finish(new ArkivError('CRASHED', `the process reading it ended (${signal ?? `exit code ${code}`})${last ? `: ${last.slice(0, 300)}` : ''}`, where()));
        }
      };
      const onAbort = (): void => kill(new ArkivError('ABORTED', 'the run was stopped', where()));
      // The child's resident memory, twice a second, where /proc tells it (else the child watches
      // itself: RssWatch).
      const pid = child.process.pid;
      const watch = setInterval(() => {
        if (settled || pid === undefined || this.rssWatch !== 'proc') return clearInterval(watch);
        let rss: number;
        try {
          rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
        } catch {
          return clearInterval(watch);
        }
        if (rss > this.limits.rssMb * 1048576) {
          clearInterval(watch);
          kill(new ArkivError('OUT_OF_MEMORY', `reading it took more than the ${this.limits.rssMb} MB of memory a document may use (${Math.round(rss / 1048576)} MB; limit: --memory); stopped`, where()));
        }
      }, 500);
      watch.unref();
      child.process.on('message', onMessage);
      child.process.once('exit', onExit);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      arm();
      const request: ChildRequest = { type: 'read', entry, settings, out: options.out, ...(options.realOut ? { realOut: options.realOut } : {}), learn: this.learn, ocrWorkers: options.ocrWorkers, maxImagePixels: this.limits.maxImagePixels, maxFormDepth: this.limits.maxFormDepth };
      child.process.send(request, (error) => {
        if (error) kill(new ArkivError('CRASHED', `could not hand the input to a reading process (${error.message})`, where()));
      });
    });
  }

  /** Kills every child (the run is over or stopped); resolves when they are gone (at most 1 s). */
  close(): Promise<void> {
    this.stopped = true;
    const gone = [...this.all].map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.process.exitCode !== null || c.process.signalCode !== null) return resolve();
          // Not unref'd: the children are (an idle one must not keep the run alive), so this timer
          // is what keeps the process up until they are gone and the run writes its report.
          const timer = setTimeout(resolve, 1000);
          c.process.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          c.process.kill('SIGKILL');
        }),
    );
    this.all.clear();
    this.idle.length = 0;
    return Promise.all(gone).then(() => undefined);
  }
}
