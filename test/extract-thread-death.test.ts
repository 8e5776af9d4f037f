import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { Worker as NodeWorker } from 'node:worker_threads';
import { ArkivError } from '../src/errors.js';
import { readPdfPages } from '../src/extract/index.js';

// pdf.js parses each document in a worker thread of its own (src/extract/pdfjs.ts). A thread that
// dies on its own (a crash, memory exhausted) must fail its document, not leave it waiting for ever.
// No PDF reliably kills pdf.js's thread without taking the whole process with it (a heap limit on the
// thread aborts the process past it), so the test records the threads arkivtext starts and ends one
// from outside, as a crash would: arkivtext did not ask for it.
const started = vi.hoisted(() => [] as NodeWorker[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.push(this);
    }
  }
  return { ...real, Worker: RecordedWorker };
});

const SLOW = 'fixtures/pdf/slow-third-page.pdf';

describe('a pdf.js thread that dies on its own', () => {
  it('fails its document with CORRUPT_PDF naming the file and the page in progress; the next document reads on a new thread', async () => {
    const pages: number[] = [];
    let failure: unknown;
    try {
      for await (const p of readPdfPages(SLOW, { ocr: 'never' })) {
        pages.push(p.number);
        // Page 3 takes pdf.js seconds to parse: end the thread while it is at it.
        if (p.number === 2) setTimeout(() => void started.at(-1)!.terminate(), 300);
      }
    } catch (err) {
      failure = err;
    }
    expect(pages).toEqual([1, 2]);
    expect(failure).toBeInstanceOf(ArkivError);
    const err = failure as ArkivError;
    expect([err.code, err.file, err.page]).toEqual(['CORRUPT_PDF', SLOW, 3]);
    expect(err.message).toBe(`${SLOW} (page 3): pdf.js stopped while reading it (pdf.js's thread exited with code 1)`);

    // The dead thread is not handed to the next document.
    const threads = started.length;
    const next: string[] = [];
    for await (const p of readPdfPages('fixtures/pdf/two-column.pdf', { ocr: 'never' })) next.push(p.text);
    expect(started.length).toBe(threads + 1);
    expect(next.join('\f')).toBe(await readFile('fixtures/pdf/two-column.txt', 'utf8'));
  }, 60_000);
});
