import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ArkivError } from '../errors.js';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

let loaded: Promise<PdfJs> | undefined;

/** pdf.js is loaded on first use, so importing the library (or `arkivtext normalize`) never pays for it. */
export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

/**
 * Where the installed pdf.js keeps its CMaps, standard fonts and wasm decoders. Given as local
 * directory paths (with the trailing slash pdf.js expects), pdf.js reads them from disk in Node
 * instead of fetching them.
 */
function pdfJsAssets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  };
}

/**
 * pdf.js's parser (its "worker" half) in a worker thread, one per open document. In this thread's
 * event loop pdf.js yields between its time slices only to promise jobs, so no timer could stop a
 * page that takes it minutes; a thread of its own can be terminated. Threads of documents that
 * closed normally are kept for the next document (starting one loads pdf.js again, ~0.1 s).
 */
class PdfThread {
  /** Why the thread ended when nobody stopped it (out of memory, a crash), once it has. */
  private death: Error | undefined;
  private killing = false;
  private readonly mourners = new Set<(err: Error) => void>();
  /** Where what pdf.js's thread prints goes: the open document's warnings (nowhere when idle). */
  listener: ((message: string) => void) | undefined;

  private constructor(
    readonly worker: PDFWorker,
    private readonly thread: Worker,
    private readonly port: MessagePort,
  ) {
    // A thread that dies on its own leaves pdf.js's replies unanswered: whoever waits on it must
    // be told, or a page (and the batch) would wait for ever.
    thread.on('error', (err) => this.die(err));
    thread.on('exit', (code) => this.die(new Error(`pdf.js's thread exited with code ${code}`)));
    // What pdf.js's thread would print (see PDF_THREAD_CODE) comes on pdf.js's own port, in order
    // with its replies, under a target name pdf.js ignores.
    port.on('message', (data: { targetName?: unknown; text?: unknown }) => {
      if (data?.targetName === CONSOLE_TARGET && typeof data.text === 'string') this.listener?.(data.text);
    });
  }

  static async start(pdfjs: PdfJs): Promise<PdfThread> {
    const require = createRequire(import.meta.url);
    const url = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
    const { port1, port2 } = new MessageChannel();
    // No heap limit (resourceLimits) by default: V8 stops a thread at its limit gracefully only
    // sometimes; a large allocation past it aborts the whole process instead (seen with a 64 MB
    // limit). The archive run reads each input in a child process of its own (run/isolate.ts),
    // where aborting is only that input's failure: there the limit is set (ARKIVTEXT_PDF_HEAP_MB).
    const heapMb = Number(process.env.ARKIVTEXT_PDF_HEAP_MB);
    const thread = new Worker(PDF_THREAD_CODE, {
      eval: true,
      workerData: { url: patchedWorkerUrl(url), port: port2, target: CONSOLE_TARGET, config: CONFIG_TARGET },
      transferList: [port2],
      ...(heapMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
    });
    // pdf.js's typings allow no port, though it takes any object that posts and listens for messages.
    // Its thread warns (a damaged cross-reference table, a font it cannot read): those go to the
    // document's warnings, not to the console.
    const worker = new pdfjs.PDFWorker({ port: port1, verbosity: pdfjs.VerbosityLevel.WARNINGS } as unknown as ConstructorParameters<PdfJs['PDFWorker']>[0]);
    const failed = new Promise<never>((_, reject) => thread.once('error', reject));
    failed.catch(() => undefined);
    await Promise.race([worker.promise, failed]);
    return new PdfThread(worker, thread, port1);
  }

  /** The limits pdf.js's thread applies to the next document (in order with pdf.js's own messages). */
  configure(config: { maxFormDepth: number }): void {
    this.port.postMessage({ targetName: CONFIG_TARGET, ...config });
  }

  get alive(): boolean {
    return this.death === undefined && !this.killing;
  }

  /** Calls `mourner` if the thread dies on its own; returns the call that stops listening. */
  onDeath(mourner: (err: Error) => void): () => void {
    if (this.death) {
      mourner(this.death);
      return () => undefined;
    }
    this.mourners.add(mourner);
    return () => this.mourners.delete(mourner);
  }

  private die(err: Error): void {
    if (this.killing || this.death) return;
    this.death = err;
    const idle = idleThreads.indexOf(this);
    if (idle >= 0) idleThreads.splice(idle, 1);
    for (const mourner of [...this.mourners]) mourner(err);
    this.worker.destroy();
  }

  /** In use: the thread keeps the process alive (a reply is awaited). */
  hold(): void {
    this.thread.ref();
    this.port.ref();
  }

  /** Idle: the thread must not keep the process alive. */
  rest(): void {
    this.thread.unref();
    this.port.unref();
  }

  async kill(): Promise<void> {
    this.killing = true;
    this.worker.destroy();
    await this.thread.terminate();
  }
}

/** The target name of the console messages of pdf.js's thread on pdf.js's port (pdf.js ignores it). */
const CONSOLE_TARGET = 'arkivtext-console';
/** The target name of the limits sent to pdf.js's thread (see PdfThread.configure). */
const CONFIG_TARGET = 'arkivtext-config';

/**
 * The deepest nesting of form XObjects (a form drawing a form drawing a form…) a page may have.
 * Real documents use a few levels (artwork placed in artwork); a chain of thousands is made to
 * hurt (pdf.js copies the set of forms seen at every level: quadratic memory), and pdf.js itself
 * has no limit. Past it the page fails (TOO_DEEP). ARKIVTEXT_MAX_FORM_DEPTH overrides it (the
 * archive run's `--max-form-depth`).
 */
export const DEFAULT_MAX_FORM_DEPTH = 32;

/** The form depth limit in force: ARKIVTEXT_MAX_FORM_DEPTH when set, else the default. */
export function maxFormDepth(): number {
  const n = Number(process.env.ARKIVTEXT_MAX_FORM_DEPTH);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_FORM_DEPTH;
}

/** What pdf.js's thread says (a warning, through its console) when a page passes the depth limit. */
export const FORM_DEPTH_MESSAGE = /arkivtext: form XObjects nested deeper than (\d+)/;

/**
 * pdf.js's worker code with a depth limit on form XObjects, as a data: URL for the thread to
 * import. pdf.js has no hook for it: its two recursive evaluators (`getOperatorList` and
 * `getTextContent`, one call per form drawn) each start by copying the set of forms above them
 * (`new RefSet(prevRefs)`, kept for circular references). Before that copy the patch counts the
 * level and, past the limit, throws; pdf.js reports the throw as a warning ("ignoring XObject")
 * and goes on, so the patch also marks the task, and every later form call of that page throws at
 * once (a wide tree past the limit ends in a few calls, not in all of them). The page reader turns
 * the warning into the page's failure. Where the pattern is not found (another pdf.js version),
 * pdf.js is used as it is and the limit does not apply: test/extract-form-depth.test.ts fails.
 */
let patched: { from: string; url: string } | undefined;
export const FORM_DEPTH_PATCH_POINT = /\n(\s*)const seenRefs = new RefSet\(prevRefs\);\n/g;
function patchedWorkerUrl(url: string): string {
  if (patched?.from === url) return patched.url;
  let result = url;
  try {
    const source = readFileSync(new URL(url), 'utf8');
    let count = 0;
    const changed = source.replace(FORM_DEPTH_PATCH_POINT, (_all, indent: string) => {
      count++;
      return (
        `\n${indent}const arkivtextDepth = (prevRefs?.arkivtextDepth ?? -1) + 1;` +
        `\n${indent}if (task?.arkivtextTooDeep || arkivtextDepth > globalThis.arkivtextMaxFormDepth) {` +
        ` if (task) task.arkivtextTooDeep = true; throw new Error(\`arkivtext: form XObjects nested deeper than \${globalThis.arkivtextMaxFormDepth}\`); }` +
        `\n${indent}const seenRefs = new RefSet(prevRefs);\n${indent}seenRefs.arkivtextDepth = arkivtextDepth;\n`
      );
    });
    if (count === 2) result = `data:text/javascript;base64,${Buffer.from(changed).toString('base64')}`;
  } catch {
    // pdf.js as it is
  }
  patched = { from: url, url: result };
  return result;
}

/**
 * The code of pdf.js's thread: a CommonJS snippet (an ES module file would need its own build
 * output). It hands pdf.js's worker side the port that speaks to this thread, and sends what pdf.js
 * would print there (`Warning: Indexing all PDF objects`) over the same port instead, so that a
 * library never writes to the console of the program using it.
 */
const PDF_THREAD_CODE = `const { workerData } = require('node:worker_threads');
const { format } = require('node:util');
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  console[level] = (...args) => workerData.port.postMessage({ targetName: workerData.target, text: format(...args) });
}
globalThis.arkivtextMaxFormDepth = Infinity;
workerData.port.on('message', (data) => {
  if (data && data.targetName === workerData.config) globalThis.arkivtextMaxFormDepth = data.maxFormDepth;
});
import(workerData.url).then(({ WorkerMessageHandler }) => WorkerMessageHandler.initializeFromPort(workerData.port));`;

const idleThreads: PdfThread[] = [];
/** Distinct pdf.js messages kept for one document; the rest are counted. */
const MAX_PDFJS_MESSAGES = 20;
/** Idle threads kept; more documents open at once than this start threads of their own. */
const MAX_IDLE_THREADS = 4;

/** An open PDF, and how to let go of it. */
export interface OpenPdf {
  doc: PDFDocumentProxy;
  /** Closes the document; its thread waits for the next one. */
  close(): Promise<void>;
  /** Stops pdf.js at once (terminates its thread), e.g. on a page that takes too long. */
  kill(): Promise<void>;
  /**
   * Calls `mourner` if pdf.js's thread dies on its own (a crash): every reply it owed is lost, and
   * the document is of no further use.
   */
  onDeath(mourner: (err: ArkivError) => void): void;
  /**
   * The page that what pdf.js says from now on is about: the page whose step is sent to pdf.js
   * next (steps go one at a time, so each message comes between its step's start and the next
   * step's). Until the first call, page 1 (what is said while the document opens goes with it).
   */
  attribute(page: number): void;
  /**
   * What pdf.js said about `page` (`pdf.js: Indexing all PDF objects`) since the last call for it,
   * each distinct message once with its count: the page's warnings.
   */
  takeWarnings(page: number): string[];
}

/** Opens a PDF with pdf.js, turning its exceptions into ArkivErrors that name the file. */
export async function openPdf(bytes: Uint8Array, file: string): Promise<OpenPdf> {
  const pdfjs = await loadPdfJs();
  let thread: PdfThread;
  try {
    thread = takeIdleThread() ?? (await PdfThread.start(pdfjs));
  } catch (err) {
    throw new ArkivError('IO', `cannot start pdf.js (${err instanceof Error ? err.message : String(err)})`, { file, cause: err });
  }
  thread.hold();
  thread.configure({ maxFormDepth: maxFormDepth() });
  // Per page: each distinct message with its count, and how many more were not kept.
  const said = new Map<number, { texts: Map<string, number>; unsaid: number }>();
  let current = 1;
  thread.listener = (message) => {
    const text = `pdf.js: ${message.replace(/^(Warning|Info): /, '').trim()}`;
    let bucket = said.get(current);
    if (!bucket) said.set(current, (bucket = { texts: new Map(), unsaid: 0 }));
    if (bucket.texts.has(text) || bucket.texts.size < MAX_PDFJS_MESSAGES) bucket.texts.set(text, (bucket.texts.get(text) ?? 0) + 1);
    else bucket.unsaid++;
  };
  const attribute = (page: number): void => {
    current = page;
  };
  const takeWarnings = (page: number): string[] => {
    const bucket = said.get(page);
    if (!bucket) return [];
    said.delete(page);
    const out = [...bucket.texts].map(([text, n]) => (n > 1 ? `${text} (×${n})` : text));
    if (bucket.unsaid > 0) out.push(`pdf.js: ${bucket.unsaid} more message${bucket.unsaid === 1 ? '' : 's'}`);
    return out;
  };
  let killed = false;
  // The document's own listeners leave with it: the thread serves the next document.
  const listeners: Array<() => void> = [];
  const stopListeners = (): void => {
    for (const stop of listeners.splice(0)) stop();
  };
  const release = (): void => {
    stopListeners();
    thread.listener = undefined;
    thread.rest();
    if (!thread.alive) return;
    if (idleThreads.length < MAX_IDLE_THREADS) idleThreads.push(thread);
    else void thread.kill();
  };
  const kill = async (): Promise<void> => {
    if (killed) return;
    killed = true;
    stopListeners();
    await thread.kill();
  };
  const task = pdfjs.getDocument({
    worker: thread.worker,
    // pdf.js may take ownership of (detach) the buffer it is given, and refuses Node Buffers:
    // hand it a plain copy.
    data: new Uint8Array(bytes),
    ...pdfJsAssets(),
    cMapPacked: true,
    // CVE-2024-4367: never compile font programs into JavaScript.
    isEvalSupported: false,
    useSystemFonts: false,
    // No CSS font loading in Node: glyphs are drawn from the parsed font programs as paths.
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // The largest image decoded, in pixels (pdf.js leaves a larger one out of the page); set by
    // the archive run's limits (ARKIVTEXT_MAX_IMAGE_PIXELS), none otherwise.
    ...(Number(process.env.ARKIVTEXT_MAX_IMAGE_PIXELS) > 0 ? { maxImageSize: Number(process.env.ARKIVTEXT_MAX_IMAGE_PIXELS) } : {}),
  });
  const deathError = (err: Error): ArkivError =>
    (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new ArkivError('OUT_OF_MEMORY', `pdf.js ran out of memory reading it (its limit: ${process.env.ARKIVTEXT_PDF_HEAP_MB ?? '?'} MB)`, { file, cause: err })
      : new ArkivError('CORRUPT_PDF', `pdf.js stopped while reading it (${err.message})`, { file, cause: err });
  let doc: PDFDocumentProxy;
  let stopListening = (): void => undefined;
  try {
    // Opening parses the document's structure in the thread: it may die doing so.
    doc = await new Promise<PDFDocumentProxy>((resolve, reject) => {
      stopListening = thread.onDeath((err) => reject(deathError(err)));
      task.promise.then(resolve, (err: unknown) => reject(pdfOpenError(err, file)));
    });
  } catch (err) {
    // destroy() waits for the thread's answer, which a dead thread never gives.
    if (thread.alive) await task.destroy().catch(() => undefined);
    release();
    throw err;
  } finally {
    stopListening();
  }
  if (doc.numPages < 1) {
    await doc.destroy();
    release();
    throw new ArkivError('NO_PAGES', 'the PDF has no pages', { file });
  }
  const close = async (): Promise<void> => {
    if (killed) return;
    if (thread.alive) await doc.destroy().catch(() => undefined);
    release();
  };
  const onDeath = (mourner: (err: ArkivError) => void): void => {
    listeners.push(thread.onDeath((err) => mourner(deathError(err))));
  };
  return { doc, close, kill, onDeath, attribute, takeWarnings };
}

/** An idle thread that is still alive, if one is waiting. */
function takeIdleThread(): PdfThread | undefined {
  const at = idleThreads.findIndex((t) => t.alive);
  return at < 0 ? undefined : idleThreads.splice(at, 1)[0];
}

function pdfOpenError(err: unknown, file: string): ArkivError {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return new ArkivError('ENCRYPTED_PDF', 'the PDF is encrypted and needs a password to open', { file, cause: err });
  }
  if (name === 'InvalidPDFException') {
    return new ArkivError('CORRUPT_PDF', `the PDF is damaged and cannot be read (${message})`, { file, cause: err });
  }
  return new ArkivError('CORRUPT_PDF', `pdf.js cannot open the PDF (${message})`, { file, cause: err });
}

/** An error on one page (damaged content stream, missing object) named with file and page. */
export function pageError(err: unknown, file: string, page: number, what: string): ArkivError {
  if (err instanceof ArkivError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ArkivError('CORRUPT_PDF', `${what} failed: ${message}`, { file, page, cause: err });
}
