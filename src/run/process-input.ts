/**
 * One input, start to end: reuse current outputs, or read it (text file → repair, PDF →
 * extractPdf), write `<path>.txt` and `<path>.json` atomically (in the child that read it), and
 * return the small summary and the sketch the run keeps. The clean text never reaches the run's
 * own process, so its memory grows neither with the archive nor with an input's size. Every failure becomes a `failed` entry of the report; only an abort goes up.
 */
import { readFile, rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { ArkivError } from '../errors.js';
import { describeInvalidBytes } from '../normalise/index.js';
import type { PageText } from '../types.js';
import { writeChunksAtomic, writeFileAtomic } from './atomic-write.js';
import { repairInPieces } from './text-pieces.js';
import type { InputIsolates } from './isolate.js';
import { assertInside, liesInside, outputPaths, type OutputPaths } from './out-paths.js';
import { loadCurrentRecord } from './resume.js';
import type { RunSettings } from './settings.js';
import { sketchFromJson, sketchToJson } from './sketch-json.js';
import type { Origin, RunStages, SketchLike } from './stage-types.js';
import type { InputError, InputRecord, InputReport } from './types.js';
import type { WalkEntry } from './walk.js';

export interface ProcessContext {
  out: string;
  stages: RunStages;
  settings: RunSettings;
  settingsHash: string;
  force: boolean;
  workers: number;
  signal?: AbortSignal;
  onPage?: (path: string, page: number, pages: number, stage: string) => void;
  /** The real path of OUT (links resolved): outputs must lie in it. */
  realOut?: string;
  /** Read inputs in child processes with limits (isolate.ts); absent: in this process. */
  isolates?: InputIsolates;
}

export interface ProcessOutcome {
  report: InputReport;
  sketch?: SketchLike;
}

export interface Content {
  text: string;
  record: Omit<InputRecord, 'input' | 'settings' | 'settingsHash' | 'sketch' | 'quality'>;
  origin: Origin;
  originEvidence?: string;
  ocrConfidence: number | null;
  /** Share of the text's words the lexicon knows. */
  lexiconShare: number;
  sketch: SketchLike;
}

/** What a read input becomes besides its text, measured where the text is (in the child). */
type Read = Omit<Content, 'lexiconShare' | 'sketch'>;

export function toInputError(error: unknown, entry: Pick<WalkEntry, 'path' | 'absolute'>): InputError {
  if (error instanceof ArkivError) {
    // Stages name the file as they were given it (absolute); the report speaks in paths under DIR.
    const message = error.message.startsWith(entry.absolute) ? entry.path + error.message.slice(entry.absolute.length) : error.message;
    const result: InputError = { code: error.code, message };
    if (error.page !== undefined) result.page = error.page;
    return result;
  }
  // Not a refusal the stages foresaw (a bug, or a library failing): still one input's failure.
  return { code: 'INTERNAL', message: `unexpected error: ${error instanceof Error ? error.message : String(error)}` };
}

async function readTextInput(entry: WalkEntry, ctx: ProcessContext): Promise<Read> {
  // A path that is not valid UTF-8 is read by its bytes (readFile takes a Buffer path as well).
  const decoded = await ctx.stages.readTextFile((entry.absoluteBytes ?? entry.absolute) as string);
  const raw = decoded.text;
  const warnings = [...(entry.notes ?? []), ...(decoded.invalidBytes > 0 ? [describeInvalidBytes(decoded)] : [])];
  // In pieces of at most TEXT_PIECE_CHARS: memory does not grow with the file (text-pieces.ts).
  const repaired = repairInPieces(raw, (piece) => (ctx.settings.repair ? ctx.stages.repair(piece) : ctx.stages.normalize(piece)));
  // What repair passed through unread (a very long token, non-Latin script) is said in the record.
  if (repaired.warnings) warnings.push(...repaired.warnings);
  // A text file does not say where it came from; the raw text's OCR damage does (the clean
  // text would hide it), and the canonical choice of its cluster depends on it.
  const guess = ctx.stages.guessOrigin(raw);
  return { text: repaired.text, record: { corrections: repaired.corrections, warnings }, origin: guess.origin, originEvidence: guess.evidence, ocrConfidence: null };
}

/** Length-weighted mean confidence of the OCR'd pages: a near-empty page says little. */
export function meanOcrConfidence(pages: PageText[]): number | null {
  let weight = 0;
  let sum = 0;
  for (const page of pages) {
    if (page.source === 'text' || page.confidence === undefined) continue;
    const w = Math.max(1, page.text.length);
    weight += w;
    sum += page.confidence * w;
  }
  return weight === 0 ? null : Math.round((sum / weight) * 10) / 10;
}

async function readPdfInput(entry: WalkEntry, ctx: ProcessContext): Promise<Read> {
  // A path that is not valid UTF-8 is read by its bytes, and the PDF handed over as bytes.
  const source = entry.absoluteBytes ? new Uint8Array(await readFile(entry.absoluteBytes)) : entry.absolute;
  const result = await ctx.stages.extractPdf(source as string, {
    ocr: ctx.settings.ocr,
    workers: ctx.workers,
    repair: ctx.settings.repair,
    ...(ctx.settings.pageTimeoutMs !== null ? { pageTimeoutMs: ctx.settings.pageTimeoutMs } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    fileName: entry.path,
    onProgress: (p) => ctx.onPage?.(entry.path, p.page, p.pages, p.stage),
  });
  // Page spans in the clean text, when its form feeds still separate the pages one to one.
  const parts = result.text.split('\f');
  let offset = 0;
  const pages = result.pages.map((page, i) => {
    const summary: NonNullable<InputRecord['pages']>[number] = { number: page.number, source: page.source, warnings: page.warnings };
    if (page.confidence !== undefined) summary.confidence = page.confidence;
    const part = parts.length === result.pages.length ? parts[i] : undefined;
    if (part !== undefined) {
      summary.offset = offset;
      summary.length = part.length;
      offset += part.length + 1;
    }
    return summary;
  });
  const warnings = [...(entry.notes ?? []), ...result.pages.flatMap((page) => page.warnings.map((w) => `page ${page.number}: ${w}`))];
  const origin: Origin = result.pages.some((page) => page.source !== 'text') ? 'ocr' : 'born-digital';
  return { text: result.text, record: { pages, corrections: result.corrections, warnings }, origin, ocrConfidence: meanOcrConfidence(result.pages) };
}

/** What the report keeps of an input's record. */
export type RecordSummary = Pick<InputRecord, 'warnings' | 'pages' | 'quality'>;

function summarise(entry: WalkEntry, record: RecordSummary, paths: OutputPaths, out: string, seconds: number): InputReport {
  const report: InputReport = { path: entry.path, kind: entry.kind, status: 'ok', warnings: record.warnings, seconds };
  if (record.pages) {
    report.pages = record.pages.length;
    report.ocrPages = record.quality.ocrPages;
  }
  report.corrections = record.quality.corrections;
  report.outputs = { text: relative(out, paths.text).split('\\').join('/'), json: relative(out, paths.json).split('\\').join('/') };
  return report;
}

/**
 * What an input holds, read with the stages (in this process, or in a child: isolate.ts), with its
 * lexicon share and sketch: measuring a text of megabytes takes seconds, which in the run's own
 * process would hold up the other inputs and Ctrl-C; in the child it is part of the input's work,
 * under its limits.
 */
export async function readContent(entry: WalkEntry, ctx: ProcessContext): Promise<Content> {
  const read = entry.kind === 'pdf' ? await readPdfInput(entry, ctx) : await readTextInput(entry, ctx);
  const lexiconShare = Math.round(ctx.stages.knownShare(read.text) * 1000) / 1000;
  const sketch = ctx.stages.sketchDoc({
    id: entry.path,
    text: read.text,
    origin: read.origin,
    quality: lexiconShare,
    mtimeMs: entry.mtimeMs,
    ...(read.originEvidence !== undefined ? { originEvidence: read.originEvidence } : {}),
  });
  return { ...read, lexiconShare, sketch };
}

const CORRECTIONS_MARK = '\u0000arkivtext-corrections\u0000';

/**
 * `JSON.stringify(record, null, 2) + '\n'`, byte for byte, in pieces: the corrections a few
 * thousand at a time (a text file of megabytes has hundreds of thousands of them, whose JSON as
 * one string would be as large again as the objects).
 */
export function* recordJson(record: InputRecord): Generator<string> {
  const shell = JSON.stringify({ ...record, corrections: CORRECTIONS_MARK }, null, 2);
  const at = shell.indexOf(JSON.stringify(CORRECTIONS_MARK));
  yield shell.slice(0, at);
  const list = record.corrections;
  if (list.length === 0) yield '[]';
  else {
    yield '[\n';
    for (let i = 0; i < list.length; i += 5000) {
      const part = list.slice(i, i + 5000).map((c) => `    ${JSON.stringify(c, null, 2).replace(/\n/g, '\n    ')}`);
      yield part.join(',\n') + (i + 5000 < list.length ? ',\n' : '\n  ]');
    }
  }
  yield `${shell.slice(at + JSON.stringify(CORRECTIONS_MARK).length)}\n`;
}

/** An input read and its outputs written: what the run keeps of it. */
export interface Written {
  record: RecordSummary;
  sketch: SketchLike;
}

/**
 * Reads an input and writes its outputs under OUT (text first, record last: the record is what
 * marks the pair complete for a rerun), where it was read: in a child (isolate.ts), so that the
 * text and its corrections, which grow with the input, never pass through the run's own process.
 */
export async function readAndWrite(entry: WalkEntry, ctx: ProcessContext): Promise<Written> {
  const paths = outputPaths(ctx.out, entry.path);
  const content = await readContent(entry, ctx);
  const { lexiconShare, sketch } = content;
  const record: InputRecord = {
    input: { path: entry.path, kind: entry.kind, size: entry.size, mtimeMs: entry.mtimeMs },
    settings: ctx.settings,
    settingsHash: ctx.settingsHash,
    ...(content.record.pages ? { pages: content.record.pages } : {}),
    corrections: content.record.corrections,
    quality: {
      ocrConfidence: content.ocrConfidence,
      lexiconShare,
      corrections: content.record.corrections.length,
      ocrPages: content.record.pages?.filter((p) => p.source !== 'text').length ?? 0,
    },
    warnings: content.record.warnings,
    sketch: sketchToJson(sketch),
  };
  // No link inside OUT is followed (real paths compared before writing).
  if (ctx.realOut) await assertInside(paths.text, ctx.realOut, entry.path);
  await writeFileAtomic(paths.text, content.text);
  content.text = ''; // written: let it go before the record is
  await writeChunksAtomic(paths.json, recordJson(record));
  return { record: { warnings: record.warnings, ...(record.pages ? { pages: record.pages } : {}), quality: record.quality }, sketch };
}

export async function processInput(entry: WalkEntry, ctx: ProcessContext): Promise<ProcessOutcome> {
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  let paths: OutputPaths | undefined;
  try {
    paths = outputPaths(ctx.out, entry.path);
    if (!ctx.force) {
      const current = await loadCurrentRecord(paths, entry, ctx.settingsHash);
      if (current) {
        const report = summarise(entry, current, paths, ctx.out, seconds());
        report.skipped = true;
        return { report, sketch: sketchFromJson(current.sketch) };
      }
    }
    const written = ctx.isolates
      ? ((await ctx.isolates.read(entry, ctx.settings, {
          ocrWorkers: 1,
          out: ctx.out,
          ...(ctx.realOut ? { realOut: ctx.realOut } : {}),
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          onPage: (page, pages, stage) => ctx.onPage?.(entry.path, page, pages, stage),
        })) as Written)
      : await readAndWrite(entry, ctx);
    return { report: summarise(entry, written.record, paths, ctx.out, seconds()), sketch: written.sketch };
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    // Outputs of an earlier version of this input would now misrepresent it: remove them.
    // Only inside OUT: through a link the names could be anyone's files.
    if (paths && (!ctx.realOut || (await liesInside(paths.text, ctx.realOut)))) await Promise.all([rm(paths.text, { force: true }), rm(paths.json, { force: true })]);
    return { report: { path: entry.path, kind: entry.kind, status: 'failed', error: toInputError(error, entry), warnings: [], seconds: seconds() } };
  }
}
