/**
 * The inputs of `arkivtext dedupe`: paths walked into .txt and .pdf files, each read into a
 * `DedupeDoc` — .txt through readTextFile + normalize (origin unknown, so estimated from the text),
 * .pdf through extractPdf (origin from how its pages were read).
 *
 * The other stages are imported on demand, so `dedupe` on text files never loads pdf.js or Tesseract.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { guessOrigin, type DedupeDoc } from '../dedupe/index.js';
import { ArkivError } from '../errors.js';

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

/**
 * A reader that loads the stages it needs the first time it needs them. `warn` hears what was read
 * but not as stored (a text file's bytes that are not UTF-8), so nothing changes silently.
 */
export function createDocReader(warn: (file: string, message: string) => void = () => {}): DocReader {
  let lexicon: Promise<{ knownShare(text: string): number }> | undefined;
  let pdfUsed = false;

  // Share of known words: the lexicon's judgement of how clean a text is (breaks ties among OCRs).
  const knownShare = async (text: string): Promise<number> => {
    lexicon ??= import('../repair/index.js').then((r) => r.defaultLexicon());
    return (await lexicon).knownShare(text);
  };

  return {
    async read(file, id) {
      const { mtimeMs } = await stat(file);
      if (extname(file).toLowerCase() === '.pdf') {
        pdfUsed = true;
        const { extractPdf } = await import('../pipeline/index.js');
        const result = await extractPdf(file, { fileName: id });
        // Origin from how the pages were read: any page that needed OCR makes it an OCR version.
        const ocrPages = result.pages.filter((p) => p.source !== 'text').length;
        return { id, text: result.text, origin: ocrPages === 0 ? 'born-digital' : 'ocr', mtimeMs, quality: await knownShare(result.text) };
      }
      const { describeInvalidBytes, normalize, readTextFile } = await import('../normalise/index.js');
      const decoded = await readTextFile(file);
      if (decoded.invalidBytes > 0) warn(file, describeInvalidBytes(decoded));
      const raw = decoded.text;
      const text = normalize(raw);
      // The origin of a text file is unknown: guess it from the raw text (normalisation may already
      // hide some OCR signs), and say so in the reason.
      const guess = guessOrigin(raw);
      const quality = await knownShare(text);
      const evidence = `${guess.evidence}, ${Math.round(quality * 100)}% known words`;
      const doc: DedupeDoc = { id, text, origin: guess.origin, originEvidence: evidence, mtimeMs, quality };
      return doc;
    },
    async close() {
      if (!pdfUsed) return;
      const { terminateOcr } = await import('../extract/index.js');
      await terminateOcr();
    },
  };
}
