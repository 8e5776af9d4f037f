/**
 * Progress of a run on stderr: a one-line bar redrawn in place on a terminal (files, pages, ETA),
 * plain log lines otherwise (CI logs, pipes), so a log never fills with carriage returns.
 * The ETA is by bytes of the inputs still to do: a scanned page is both big and slow to OCR, so
 * bytes follow the time better than a count of files does. Reused inputs are left out of it.
 */
import type { Writable } from 'node:stream';
import { errorText } from './report.js';
import type { InputReport, RunEvent } from './types.js';

export interface ProgressOptions {
  stream: Writable;
  tty: boolean;
  /** Terminal width for the bar line. */
  columns?: number;
  now?: () => number;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function describeInput(input: InputReport): string {
  if (input.status === 'failed') return `FAILED ${input.path}: ${errorText(input)}`;
  const parts: string[] = [];
  if (input.pages !== undefined) parts.push(`${input.pages} page${input.pages === 1 ? '' : 's'}${input.ocrPages ? `, ${input.ocrPages} OCR` : ''}`);
  if (input.corrections !== undefined) parts.push(`${input.corrections} correction${input.corrections === 1 ? '' : 's'}`);
  if (input.warnings.length > 0) parts.push(`${input.warnings.length} warning${input.warnings.length === 1 ? '' : 's'}`);
  parts.push(`${input.seconds.toFixed(1)} s`);
  return `${input.skipped ? 'reused' : 'ok'} ${input.path} (${parts.join(', ')})`;
}

export function createProgress(options: ProgressOptions): (event: RunEvent) => void {
  const now = options.now ?? (() => performance.now());
  const out = options.stream;
  let files = 0;
  let done = 0;
  let pages = 0;
  let totalBytes = 0;
  let doneBytes = 0;
  let skippedBytes = 0;
  let started = now();
  let current = '';
  let lastDraw = 0;
  let barShown = false;

  const eta = (): string => {
    const work = totalBytes - skippedBytes;
    if (doneBytes === 0 || work <= 0) return '–';
    return formatDuration(((now() - started) / 1000) * ((work - doneBytes) / doneBytes));
  };

  const drawBar = (force = false) => {
    if (!force && now() - lastDraw < 100) return;
    lastDraw = now();
    const width = 20;
    const filled = files === 0 ? width : Math.round((done / files) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${files} files · ${pages} pages · ETA ${eta()}${current ? ` · ${current}` : ''}`;
    out.write(`\r\x1b[K${line.slice(0, (options.columns ?? 100) - 1)}`);
    barShown = true;
  };

  const logLine = (text: string) => {
    if (options.tty && barShown) out.write('\r\x1b[K');
    out.write(`${text}\n`);
    if (options.tty) drawBar(true);
  };

  return (event) => {
    switch (event.type) {
      case 'start':
        files = event.files;
        totalBytes = event.bytes;
        started = now();
        if (!options.tty) out.write(`arkivtext run: ${files} input${files === 1 ? '' : 's'}\n`);
        else drawBar(true);
        break;
      case 'input-start':
        current = event.path;
        if (options.tty) drawBar();
        break;
      case 'page':
        current = `${event.path} p${event.page}/${event.pages}`;
        if (options.tty) drawBar();
        break;
      case 'input-done':
        done++;
        pages += event.input.pages ?? 0;
        if (event.input.skipped) skippedBytes += event.bytes;
        else doneBytes += event.bytes;
        if (options.tty) {
          // On a terminal only failures scroll above the bar; the report has the rest.
          if (event.input.status === 'failed') logLine(`[${done}/${files}] ${describeInput(event.input)}`);
          else drawBar(true);
        } else out.write(`[${done}/${files}] ${describeInput(event.input)}\n`);
        break;
      case 'cluster':
        current = `clustering ${event.sketches} documents`;
        if (options.tty) drawBar(true);
        else out.write(`arkivtext run: ${current}\n`);
        break;
      case 'done':
        if (options.tty && barShown) out.write('\r\x1b[K');
        break;
    }
  };
}
