/**
 * `arkivtext extract FILE.pdf`: the text of a PDF on stdout, pages separated by form feeds; each
 * page from its text layer or by OCR, decided page by page, then normalised and repaired.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ArkivError } from '../errors.js';
import { terminateOcr, type OcrMode } from '../extract/index.js';
import { extractPdf } from '../pipeline/index.js';
import { EXIT, fileMessage, usageError, type Command } from './io.js';
import { reason } from './text-input.js';

const USAGE = `usage: arkivtext extract FILE.pdf [options]

Prints the text of FILE.pdf, pages separated by a form feed (\\f). Each page is read from its text
layer when that is good, by OCR (Tesseract, Swedish, offline) when the page is a scan or its text
layer is garbage; then normalised and repaired (OCR errors, line-end hyphens).

options:
  --ocr MODE           auto (default): OCR only pages that need it; always; never
  --no-repair          normalise only; keep OCR errors and line-end hyphens
  --json               print the result as JSON: pages (number, source text|ocr|hybrid, text,
                       confidence, warnings), text, corrections (offsets into the raw page texts
                       joined by form feeds)
  --workers N          OCR workers (default: one per core)
  --page-timeout MS    give up on a page whose reading or OCR takes longer (exit 1, naming the page)
  -h, --help           this help

Exit code 0 on success, 1 when the PDF cannot be read (encrypted, damaged, not a PDF, a page
failed), 2 on bad usage. Progress goes to stderr when it is a terminal.
`;

const OCR_MODES: readonly OcrMode[] = ['auto', 'always', 'never'];

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${flag} wants a whole number ≥ 1, got '${value}'`);
  return Number(value);
}

export const extractCommand: Command = async (args, io) => {
  let parsed;
  let ocr: OcrMode;
  let workers: number | undefined;
  let pageTimeoutMs: number | undefined;
  try {
    parsed = parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        ocr: { type: 'string' },
        'no-repair': { type: 'boolean' },
        json: { type: 'boolean' },
        workers: { type: 'string' },
        'page-timeout': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const mode = parsed.values.ocr ?? 'auto';
    if (!OCR_MODES.includes(mode as OcrMode)) throw new Error(`--ocr must be auto, always or never, got '${mode}'`);
    ocr = mode as OcrMode;
    workers = positiveInt(parsed.values.workers, '--workers');
    pageTimeoutMs = positiveInt(parsed.values['page-timeout'], '--page-timeout');
  } catch (err) {
    return usageError(io, 'extract', err instanceof Error ? err.message : String(err));
  }
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return EXIT.OK;
  }
  if (parsed.positionals.length !== 1) {
    return usageError(io, 'extract', `one FILE.pdf, got ${parsed.positionals.length}`);
  }
  const file = parsed.positionals[0]!;
  let progressShown = false;
  try {
    const result = await extractPdf(resolve(io.cwd, file), {
      fileName: file,
      ocr,
      repair: !parsed.values['no-repair'],
      ...(workers !== undefined ? { workers } : {}),
      ...(pageTimeoutMs !== undefined ? { pageTimeoutMs } : {}),
      ...(io.stderrIsTTY
        ? {
            onProgress: (p: { page: number; pages: number; stage: string }) => {
              progressShown = true;
              io.stderr.write(`\r\x1b[K${file}: page ${p.page}/${p.pages} (${p.stage})`);
            },
          }
        : {}),
    });
    if (progressShown) io.stderr.write('\r\x1b[K');
    io.stdout.write(parsed.values.json ? JSON.stringify(result, null, 2) + '\n' : result.text);
    return EXIT.OK;
  } catch (err) {
    if (progressShown) io.stderr.write('\r\x1b[K');
    if (!(err instanceof ArkivError)) throw err;
    io.stderr.write(err.file === undefined ? `arkivtext extract: ${err.message}\n` : fileMessage('extract', file, reason(err)));
    return EXIT.FAILED;
  } finally {
    // The OCR workers are threads that would keep the process alive.
    await terminateOcr();
  }
};
