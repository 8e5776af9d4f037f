/**
 * The inputs of `arkivtext dedupe`: paths walked into .txt and .pdf files, each read into a
 * `DedupeDoc` — .txt through readTextFile + normalize (origin unknown, so estimated from the text),
 * .pdf through extractPdf (origin from how its pages were read).
 *
 * The other stages are imported on demand and typed against the team contract, so `dedupe` on text
 * files never loads pdf.js or Tesseract.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { guessOrigin, type DedupeDoc } from '../dedupe/index.js';
import { ArkivError } from '../errors.js';
import type { ExtractResult } from '../types.js';

interface NormaliseApi {
  normalize(text: string): string;
  readTextFile(path: string): Promise<{ text: string; invalidBytes: number }>;
}
interface RepairApi {
  defaultLexicon(): { knownShare(text: string): number };
}
interface PipelineApi {
  extractPdf(input: string, options?: { fileName?: string }): Promise<ExtractResult>;
}
interface ExtractApi {
  terminateOcr(): Promise<void>;
}

async function stage<T>(load: () => Promise<unknown>, name: string, fn: keyof T & string): Promise<T> {
  const mod = (await load()) as Partial<T>;
  if (typeof mod[fn] !== 'function') throw new ArkivError('IO', `the ${name} stage is not available in this build (no ${fn})`);
  return mod as T;
}

const READABLE = new Set(['.txt', '.pdf']);

export interface Walked {
  files: string[];
  /** Paths that could not be used, with the reason. */
  problems: ArkivError[];
  /** Files in folders skipped for their extension. */
  skipped: number;
}

/** Files to read: explicit files as given, folders recursively (sorted, symbolic links not followed). */
export async function walkInputs(paths: string[], cwd: string): Promise<Walked> {
  const out: Walked = { files: [], problems: [], skipped: 0 };
  const seen = new Set<string>();
  const push = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      out.files.push(file);
    }
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && READABLE.has(extname(e.name).toLowerCase())) push(full);
      else if (e.isFile()) out.skipped++;
    }
  };
  for (const p of paths) {
    const full = resolve(cwd, p);
    try {
      const st = await stat(full);
      if (st.isDirectory()) await walk(full);
      else if (READABLE.has(extname(full).toLowerCase())) push(full);
      else out.problems.push(new ArkivError('INVALID_INPUT', 'not a .txt or .pdf file', { file: p }));
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      out.problems.push(
        code === 'ENOENT'
          ? new ArkivError('NOT_FOUND', 'no such file or folder', { file: p, cause })
          : new ArkivError('IO', `cannot read: ${cause instanceof Error ? cause.message : String(cause)}`, { file: p, cause }),
      );
    }
  }
  return out;
}

export interface DocReader {
  read(file: string, id: string): Promise<DedupeDoc>;
  close(): Promise<void>;
}

/** A reader that loads the stages it needs the first time it needs them. */
export function createDocReader(): DocReader {
  let normalise: Promise<NormaliseApi> | undefined;
  let lexicon: Promise<{ knownShare(text: string): number } | undefined> | undefined;
  let pipeline: Promise<PipelineApi> | undefined;

  // The lexicon is a better judge of text quality than the in-module heuristic; without it
  // (repair not built in) the heuristic alone decides.
  const knownShare = async (text: string): Promise<number | undefined> => {
    lexicon ??= stage<RepairApi>(() => import('../repair/index.js'), 'repair', 'defaultLexicon').then(
      (r) => r.defaultLexicon(),
      () => undefined,
    );
    const lex = await lexicon;
    return lex?.knownShare(text);
  };

  return {
    async read(file, id) {
      const { mtimeMs } = await stat(file);
      if (extname(file).toLowerCase() === '.pdf') {
        pipeline ??= stage<PipelineApi>(() => import('../pipeline/index.js'), 'pipeline', 'extractPdf');
        const result = await (await pipeline).extractPdf(file, { fileName: id });
        const ocrPages = result.pages.filter((p) => p.source !== 'text').length;
        const quality = await knownShare(result.text);
        const doc: DedupeDoc = { id, text: result.text, origin: ocrPages === 0 ? 'born-digital' : 'ocr', mtimeMs };
        if (quality !== undefined) doc.quality = quality;
        return doc;
      }
      normalise ??= stage<NormaliseApi>(() => import('../normalise/index.js'), 'normalise', 'readTextFile');
      const api = await normalise;
      const raw = (await api.readTextFile(file)).text;
      const text = api.normalize(raw);
      // The guess reads the raw text: normalisation may already hide some OCR signs.
      const guess = guessOrigin(raw);
      const quality = await knownShare(text);
      const evidence = `${guess.evidence}${quality === undefined ? '' : `, ${Math.round(quality * 100)}% known words`}`;
      const doc: DedupeDoc = { id, text, origin: guess.origin, originEvidence: evidence, mtimeMs, quality: quality ?? guess.quality };
      return doc;
    },
    async close() {
      if (pipeline === undefined) return;
      const extract = await stage<ExtractApi>(() => import('../extract/index.js'), 'extract', 'terminateOcr').catch(() => undefined);
      await extract?.terminateOcr();
    },
  };
}
