/**
 * `arkivtext run DIR --out OUT`: the archive run (see src/run). Exit 0 when every input was read,
 * 1 when some failed (all are in the report), 2 on wrong usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ArkivError } from '../errors.js';
import { runArchive, type RunOptions, type RunReport } from '../run/index.js';
import { createProgress } from '../run/progress.js';
import type { RunStages } from '../run/stage-types.js';
import { EXIT, usageError, type Command } from './io.js';

const HELP = `usage: arkivtext run DIR --out OUT [options]

Reads every PDF and .txt file under DIR (recursively; symbolic links are not followed) and writes,
for each, OUT/<path>.txt (clean text) and OUT/<path>.json (pages, corrections, quality, settings),
then clusters versions of the same document and writes OUT/report.json and OUT/report.md.
DIR is never written to. A rerun reuses outputs that are newer than their input and were made
with the same settings.

options:
  -o, --out OUT          output folder (required; must not be inside DIR)
      --ocr MODE         auto (default): OCR pages without a usable text layer; always; never
      --no-repair        normalise only, do not repair OCR damage
      --learn FILE       a word list the lexicon learns first (repeatable)
      --workers N        inputs at once and OCR threads (default: number of cores)
      --page-timeout MS  give up on a page after MS milliseconds (default 300000; the input is
                         reported with the page)
      --file-timeout MS  give up on a text file after MS milliseconds per 2 MB of it begun
                         (default 600000)
      --memory MB        heap one input may use while it is read (default 896; pdf.js's thread
                         a quarter of it more)
      --max-form-depth N form XObjects nested deeper than N on a page fail it (TOO_DEEP;
                         default 32)
      --force            redo every input, even when its outputs are current
      --index FILE       persistent dedupe index (SQLite): report versions archived earlier, add this run
      --threshold X      similarity from which documents are versions (dedupe's default)
      --json             also print report.json to stdout
  -q, --quiet            no progress or summary on stderr
  -h, --help             this help

Each input is read in a process of its own: one that runs past a limit or out of memory is
killed and reported (TIMEOUT, PAGE_TIMEOUT, OUT_OF_MEMORY), and the run goes on. Ctrl-C stops
the run within a second and writes the report of what was done.

exit: 0 all inputs ok, 1 some failed or none could be read (see OUT/report.md), 2 wrong usage
(or OUT in use by another run), 130 stopped by Ctrl-C
`;

function positiveInt(text: string | undefined, name: string): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : `${name} must be a positive whole number, got '${text}'`;
}

export function summaryLine(report: RunReport): string {
  const t = report.totals;
  return (
    `arkivtext run: ${t.inputs} inputs, ${t.ok} ok, ${t.failed} failed` +
    `${t.skipped ? `, ${t.skipped} reused` : ''}; ${t.pages} page${t.pages === 1 ? '' : 's'} (${t.ocrPages} OCR); ` +
    `${t.versioned} document${t.versioned === 1 ? '' : 's'} with several versions; ${t.seconds.toFixed(1)} s. Report: ${resolve(report.out, 'report.md')}\n`
  );
}

/** The command, with stages injectable for tests. */
export function makeRunCommand(stages?: Partial<RunStages>): Command {
  return async (args, io) => {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          out: { type: 'string', short: 'o' },
          ocr: { type: 'string' },
          'no-repair': { type: 'boolean' },
          learn: { type: 'string', multiple: true },
          workers: { type: 'string' },
          'page-timeout': { type: 'string' },
          'file-timeout': { type: 'string' },
          memory: { type: 'string' },
          'max-form-depth': { type: 'string' },
          force: { type: 'boolean' },
          index: { type: 'string' },
          threshold: { type: 'string' },
          json: { type: 'boolean' },
          quiet: { type: 'boolean', short: 'q' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (error) {
      return usageError(io, 'run', error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.OK;
    }
    if (positionals.length === 0) return usageError(io, 'run', 'missing DIR (the folder to read)');
    if (positionals.length > 1) return usageError(io, 'run', `one DIR at a time, got ${positionals.length}: ${positionals.join(' ')}`);
    if (!values.out) return usageError(io, 'run', 'missing --out OUT (the folder to write to)');
    const ocr = values.ocr ?? 'auto';
    if (ocr !== 'auto' && ocr !== 'always' && ocr !== 'never') return usageError(io, 'run', `--ocr must be auto, always or never, got '${ocr}'`);
    const workers = positiveInt(values.workers, '--workers');
    const pageTimeout = positiveInt(values['page-timeout'], '--page-timeout');
    if (typeof workers === 'string') return usageError(io, 'run', workers);
    if (typeof pageTimeout === 'string') return usageError(io, 'run', pageTimeout);
    const fileTimeout = positiveInt(values['file-timeout'], '--file-timeout');
    const memory = positiveInt(values.memory, '--memory');
    if (typeof fileTimeout === 'string') return usageError(io, 'run', fileTimeout);
    if (typeof memory === 'string') return usageError(io, 'run', memory);
    const formDepth = positiveInt(values['max-form-depth'], '--max-form-depth');
    if (typeof formDepth === 'string') return usageError(io, 'run', formDepth);
    const limits = {
      ...(fileTimeout !== undefined ? { fileTimeoutMs: fileTimeout } : {}),
      ...(formDepth !== undefined ? { maxFormDepth: formDepth } : {}),
      ...(memory !== undefined ? { memoryMb: memory, pdfMemoryMb: Math.max(64, Math.floor(memory / 4)), rssMb: Math.ceil(memory * 1.43) } : {}),
    };
    const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
    if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) return usageError(io, 'run', `--threshold must be a number in (0, 1], got '${values.threshold}'`);

    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    const options: RunOptions = {
      out: resolve(io.cwd, values.out),
      ocr,
      repair: !values['no-repair'],
      learn: (values.learn ?? []).map((f) => resolve(io.cwd, f)),
      force: values.force ?? false,
      signal: controller.signal,
      ...(workers !== undefined ? { workers } : {}),
      ...(pageTimeout !== undefined ? { pageTimeoutMs: pageTimeout } : {}),
      limits,
      ...(values.index ? { index: resolve(io.cwd, values.index) } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(values.quiet ? {} : { onEvent: createProgress({ stream: io.stderr, tty: io.stderrIsTTY, columns: (io.stderr as { columns?: number }).columns ?? 100 }) }),
      ...(stages ? { stages } : {}),
    };
    let report: RunReport;
    try {
      report = await runArchive(resolve(io.cwd, positionals[0] as string), options);
    } catch (error) {
      if (error instanceof ArkivError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT')) return usageError(io, 'run', error.message);
      // Another run holds OUT: it is named, and this one stops before touching anything.
      if (error instanceof ArkivError && error.code === 'LOCKED') {
        io.stderr.write(`arkivtext run: ${error.message}\n`);
        return EXIT.USAGE;
      }
      io.stderr.write(`arkivtext run: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.FAILED;
    } finally {
      process.off('SIGINT', onSignal);
    }
    if (values.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!values.quiet) io.stderr.write(summaryLine(report));
    if (report.aborted) {
      io.stderr.write(`arkivtext run: stopped; the report of what was done is in ${resolve(report.out, 'report.md')}, and a rerun resumes\n`);
      return 130;
    }
    if (report.indexError) {
      io.stderr.write(`arkivtext run: ${report.indexError}\n`);
      return EXIT.FAILED;
    }
    if (report.totals.inputs === 0) {
      // Nothing to read: say what was there instead, and fail (an empty run is no success).
      const other = report.skipped ?? 0;
      const ignored = report.ignored.length;
      io.stderr.write(
        `arkivtext run: no PDF or text file to read in ${report.dir}` +
          `${other ? `; ${other} file(s) are neither PDF nor text and were skipped` : ''}` +
          `${ignored ? `; ${ignored} ignored (links, special files, unreadable folders: see the report)` : ''}\n`,
      );
      return EXIT.FAILED;
    }
    return report.totals.failed > 0 ? EXIT.FAILED : EXIT.OK;
  };
}

export const runCommand: Command = makeRunCommand();
