import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ArkivError, type ArkivErrorCode } from '../src/errors.js';
import { readPdfPages } from '../src/extract/index.js';
import { readPdfPagesTimed, type StepClock } from '../src/extract/read-pages.js';
import type { PageText } from '../src/types.js';

async function collect(input: string | Uint8Array, options: Parameters<typeof readPdfPages>[1] = {}): Promise<PageText[]> {
  const pages: PageText[] = [];
  for await (const p of readPdfPages(input, { ocr: 'never', ...options })) pages.push(p);
  return pages;
}

async function failure(input: string | Uint8Array, options: Parameters<typeof readPdfPages>[1] = {}): Promise<ArkivError> {
  try {
    await collect(input, options);
  } catch (err) {
    if (err instanceof ArkivError) return err;
    throw err;
  }
  throw new Error('expected an ArkivError');
}

describe('bad input gets an ArkivError naming the file', () => {
  const cases: [string, ArkivErrorCode, RegExp][] = [
    ['fixtures/pdf/encrypted.pdf', 'ENCRYPTED_PDF', /encrypted and needs a password/],
    ['fixtures/pdf/truncated.pdf', 'CORRUPT_PDF', /damaged/],
    ['fixtures/pdf/garbage.pdf', 'CORRUPT_PDF', /damaged/],
    ['fixtures/pdf/not-a-pdf.pdf', 'NOT_PDF', /not a PDF \(starts with "Detta ..", not "%PDF-"\)/],
    ['fixtures/pdf/empty.pdf', 'EMPTY', /empty \(0 bytes\)/],
    ['fixtures/pdf/zero-pages.pdf', 'NO_PAGES', /no pages/],
    ['fixtures/pdf/no-such-file.pdf', 'NOT_FOUND', /no such file/],
    ['fixtures/pdf', 'INVALID_INPUT', /directory/],
  ];
  for (const [file, code, message] of cases) {
    it(`${file} → ${code}`, async () => {
      const err = await failure(file);
      expect(err.code).toBe(code);
      expect(err.file).toBe(file);
      expect(err.message.startsWith(`${file}: `)).toBe(true);
      expect(err.message).toMatch(message);
    });
  }

  it('names bytes by the fileName option', async () => {
    const err = await failure(await readFile('fixtures/pdf/encrypted.pdf'), { fileName: 'brev.pdf' });
    expect([err.code, err.file]).toEqual(['ENCRYPTED_PDF', 'brev.pdf']);
  });

  it('an aborted signal stops before anything is read', async () => {
    const err = await failure('fixtures/seed-003/born.pdf', { signal: AbortSignal.abort() });
    expect([err.code, err.file]).toEqual(['ABORTED', 'fixtures/seed-003/born.pdf']);
  });

  it('aborting between pages stops at the next page, naming it', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    let caught: unknown;
    try {
      for await (const p of readPdfPages('fixtures/seed-003/born.pdf', { ocr: 'never', signal: controller.signal })) {
        seen.push(p.number);
        controller.abort();
      }
    } catch (err) {
      caught = err;
    }
    expect(seen).toEqual([1]);
    expect(caught).toBeInstanceOf(ArkivError);
    expect((caught as ArkivError).code).toBe('ABORTED');
    expect((caught as ArkivError).page).toBe(2);
  });
});

describe('a page that pdf.js takes too long to parse', () => {
  it('fails with PAGE_TIMEOUT naming file and page, once a pdf.js step overruns parseTimeoutMs', async () => {
    // 6 million strokes: about a minute of parsing here, stopped after 4 s — a budget no ordinary
    // page comes near even on a loaded machine (a tighter one could catch an innocent page).
    const err = await failure('fixtures/pdf/slow-content.pdf', { parseTimeoutMs: 4000 });
    expect([err.code, err.file, err.page]).toEqual(['PAGE_TIMEOUT', 'fixtures/pdf/slow-content.pdf', 1]);
    // The page's bound covers both reads; which one it stops depends on the machine's load (the
    // content read passed 4 s once under CI beside another job), so either is the right outcome.
    expect(err.message).toMatch(
      /^fixtures\/pdf\/slow-content\.pdf \(page 1\): reading the (text layer|page content) took longer than 4000 ms$/,
    );
  }, 60_000); // the 4 s budget, a thread start, and room for a busy machine (no timing is asserted)

  // Which pages come out before a stalled page depends on which of its steps stalls, and so, with
  // the wall clock, on the machine's speed (page 3's text layer takes pdf.js 3–7 s here, its
  // content over a minute): the clock below says a chosen step's time is up the moment it starts.
  // pdf.js really reads the page and is really stopped; only the time is the test's.
  const timeUpAt = (page: number, what: string): StepClock => ({
    start(_ms, p, w, timeUp) {
      // A microtask: before any reply of pdf.js's thread (a message, a later task) can come.
      if (p === page && w === what) queueMicrotask(timeUp);
      return () => undefined;
    },
  });
  async function readUntilStalled(file: string, clock: StepClock): Promise<{ pages: number[]; err: ArkivError }> {
    const pages: number[] = [];
    try {
      for await (const p of readPdfPagesTimed(file, { ocr: 'never', parseTimeoutMs: 4000 }, clock)) pages.push(p.number);
    } catch (err) {
      if (err instanceof ArkivError) return { pages, err };
      throw err;
    }
    throw new Error('expected an ArkivError');
  }

  it('names the page at fault when it stalls pdf.js while an earlier page is read (read ahead for headers)', async () => {
    const file = 'fixtures/pdf/slow-third-page.pdf';
    const { pages, err } = await readUntilStalled(file, timeUpAt(3, 'reading the text layer'));
    expect([err.code, err.file, err.page]).toEqual(['PAGE_TIMEOUT', file, 3]);
    expect(err.message).toBe(`${file} (page 3): reading the text layer took longer than 4000 ms`);
    // Pages 1 and 2 wait on page 3's text layer (header comparison) and still need pdf.js for their
    // content, so none is given out once pdf.js is stopped.
    expect(pages).toEqual([]);
  }, 60_000);

  it('gives out the pages read in full before the stall when the stalled step comes after them', async () => {
    // Any document will do: the clock, not the page, makes page 3's content read overrun (on
    // slow-third-page.pdf its text layer would first be read for seconds).
    const file = 'fixtures/pdf/long-1000.pdf';
    const { pages, err } = await readUntilStalled(file, timeUpAt(3, 'reading the page content'));
    expect([err.code, err.file, err.page]).toEqual(['PAGE_TIMEOUT', file, 3]);
    expect(err.message).toBe(`${file} (page 3): reading the page content took longer than 4000 ms`);
    // Pages 1 and 2 had every pdf.js step done, page 3's text layer among their neighbours'; the
    // pages after the stall are not.
    expect(pages).toEqual([1, 2]);
  }, 60_000);

  it('is bounded by pageTimeoutMs when no parseTimeoutMs is given', async () => {
    const err = await failure('fixtures/pdf/slow-content.pdf', { pageTimeoutMs: 4000 });
    expect([err.code, err.page]).toEqual(['PAGE_TIMEOUT', 1]);
    // The page's bound covers both reads; which one it stops depends on the machine's load (the
    // content read passed 4 s once under CI beside another job), so either is the right outcome.
    expect(err.message).toMatch(
      /^fixtures\/pdf\/slow-content\.pdf \(page 1\): reading the (text layer|page content) took longer than 4000 ms$/,
    );
  }, 60_000);
});

describe('a PDF whose cross-reference lists 3 million objects (20 KB on disk)', () => {
  it('is read, its one page empty', async () => {
    const pages = await collect('fixtures/pdf/xref-bomb.pdf');
    expect(pages.map((p) => [p.number, p.text])).toEqual([[1, '']]);
  }, 60_000);
});

describe('bytes in, and the caller\'s buffer left alone', () => {
  it('reads a PDF given as bytes like the same file given as a path', async () => {
    const bytes = new Uint8Array(await readFile('fixtures/seed-003/born.pdf'));
    const fromBytes = await collect(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(fromBytes).toEqual(await collect('fixtures/seed-003/born.pdf'));
  });
});

describe('decision without OCR (ocr: never)', () => {
  it('reports a text layer without a ToUnicode map as garbage that needs OCR', async () => {
    const [page] = await collect('fixtures/pdf/no-tounicode.pdf');
    expect(page!.source).toBe('text');
    expect(page!.warnings[0]).toMatch(/^text layer is garbage: \d+% replacement\/private-use\/control characters/);
    expect(page!.warnings).toContain('needs OCR, but ocr: never; used the text layer as it is');
  });

  it('reports the scanned and stamped pages of the mixed PDF as needing OCR, the born page not', async () => {
    const pages = await collect('fixtures/pdf/mixed.pdf');
    expect(pages.map((p) => p.warnings.length > 0 && p.warnings[p.warnings.length - 1]!.startsWith('needs OCR'))).toEqual([false, true, true]);
    expect(pages[1]!.text).toBe('');
    expect(pages[2]!.text).toContain('Diarienummer KS 2021-0345');
  });
});

describe('long documents', () => {
  it('streams a 1000-page PDF page by page, in order, reading only a few pages ahead', async () => {
    let read = 0;
    let aheadAtFirst = -1;
    let count = 0;
    const texts = new Set<string>();
    for await (const page of readPdfPages('fixtures/pdf/long-1000.pdf', { ocr: 'never', onProgress: () => { read++; } })) {
      count++;
      expect(page.number).toBe(count);
      if (count === 1) aheadAtFirst = read;
      texts.add(page.text);
    }
    expect(count).toBe(1000);
    // The first page arrives before the rest are read: nothing holds the whole document.
    expect(aheadAtFirst).toBe(1);
    // The two pages of two-column.pdf, 500 times over, each read the same way every time.
    expect(texts.size).toBe(2);
  }, 300_000); // ~12 s alone; generous for a busy machine (no timing is asserted)

  it('lets the reader stop early: the document is closed and nothing fails afterwards', async () => {
    const seen: number[] = [];
    for await (const page of readPdfPages('fixtures/pdf/long-1000.pdf', { ocr: 'never' })) {
      seen.push(page.number);
      if (page.number === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
    expect((await collect('fixtures/pdf/two-column.pdf')).map((p) => p.number)).toEqual([1, 2]);
  });
});
