import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArkivError } from '../src/errors.js';
import { cer } from '../src/eval/metrics.js';
import { readPdfPages, terminateOcr } from '../src/extract/index.js';
import type { PageText } from '../src/types.js';

// OCR is slow (seconds a page): the suite OCRs the mixed PDF once (one scanned page, one stamped
// short scan) sharing one worker pool, and one page in the offline child process.

async function collect(input: string, options: Parameters<typeof readPdfPages>[1] = {}): Promise<PageText[]> {
  const pages: PageText[] = [];
  for await (const p of readPdfPages(input, options)) pages.push(p);
  return pages;
}

// Generous limits: on a busy shared machine a page can take ten times its usual time (no timing is
// asserted; these only keep a stuck run from hanging the suite).
const SLOW = 300_000;

let mixed: PageText[];
let bornPage2: string;
let bornPage3: string;
const progress: string[] = [];

beforeAll(async () => {
  mixed = await collect('fixtures/pdf/mixed.pdf', { ocr: 'auto', workers: 2, onProgress: (p) => progress.push(`${p.page}/${p.pages} ${p.stage}`) });
  bornPage2 = (await collect('fixtures/seed-000/born.pdf', { ocr: 'never' }))[1]!.text;
  bornPage3 = (await collect('fixtures/seed-003/born.pdf', { ocr: 'never' }))[2]!.text;
}, SLOW);

afterAll(async () => {
  await terminateOcr();
});

describe('OCR of scanned pages (tesseract.js, Swedish)', () => {
  it('reads the mixed PDF page by page: text layer, OCR, hybrid', () => {
    expect(mixed.map((p) => [p.number, p.source])).toEqual([[1, 'text'], [2, 'ocr'], [3, 'hybrid']]);
    expect(mixed[0]!.confidence).toBeUndefined();
    expect(progress).toEqual(expect.arrayContaining(['1/3 text', '2/3 text', '2/3 ocr', '3/3 ocr']));
  });

  it('OCRs a pure scan from its own image and says why', () => {
    const page = mixed[1]!;
    expect(page.warnings).toEqual([
      "an image covers 100% of the page; no text layer; OCR'd",
      "OCR of the page's scanned image (2518×3532, 300 dpi)",
    ]);
    expect(page.confidence).toBeGreaterThan(80);
    // Measured 0.009 on this photocopy-grade scan (against the born PDF's text of the same page).
    expect(cer(page.text, bornPage2)).toBeLessThan(0.03);
  });

  it('OCRs a scan with a typed stamp as hybrid, rendering the page so the stamp is read too', () => {
    const page = mixed[2]!;
    expect(page.warnings[0]).toBe("an image covers 100% of the page and has a few typed words (57 letters); OCR'd");
    expect(page.warnings[1]).toBe('OCR of the page rendered at 300 dpi');
    expect(page.text).toContain('Diarienummer KS 2021-0345');
    const withoutStamp = page.text.split('\n').filter((l) => !/Diarienummer|Handläggare/.test(l)).join('\n');
    // Measured 0.014.
    expect(cer(withoutStamp, bornPage3)).toBeLessThan(0.03);
  });

  it('gives up on a page whose OCR overruns pageTimeoutMs, naming file and page', async () => {
    let caught: unknown;
    try {
      // Parsing the page is given its own, ample bound: this is about the OCR.
      await collect('fixtures/seed-000/scanned.pdf', { ocr: 'auto', workers: 1, pageTimeoutMs: 1, parseTimeoutMs: 600_000 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ArkivError);
    expect((caught as ArkivError).code).toBe('PAGE_TIMEOUT');
    expect((caught as ArkivError).page).toBe(1);
    expect((caught as ArkivError).message).toBe('fixtures/seed-000/scanned.pdf (page 1): OCR gave up after 1 ms');
  });

  it('stops a page being OCR\'d when the signal aborts, naming file and page', async () => {
    const controller = new AbortController();
    let caught: unknown;
    try {
      await collect('fixtures/seed-000/scanned.pdf', {
        ocr: 'auto',
        workers: 1,
        signal: controller.signal,
        onProgress: (p) => { if (p.stage === 'ocr' && p.page === 2) controller.abort(); },
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ArkivError);
    expect((caught as ArkivError).code).toBe('ABORTED');
    expect((caught as ArkivError).file).toBe('fixtures/seed-000/scanned.pdf');
    expect([1, 2]).toContain((caught as ArkivError).page);
  });
});

// Offline: a child process in a network namespace of its own (no interfaces up) OCRs a page, from
// a fresh empty working directory that must stay empty. Needs `unshare -n` (root or user namespaces).
const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;

describe('offline', () => {
  it.skipIf(!canUnshare)('loads the model and OCRs a page with a garbage text layer with no network, writing nothing to the working directory', async () => {
    const cache = resolve('node_modules/.cache/arkivtext-test');
    const entry = join(cache, 'offline-entry.ts');
    const bundle = join(cache, 'offline.mjs');
    // Bundled beside node_modules so that pdf.js, tesseract.js and the model resolve as in the package.
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      entry,
      `import { readPdfPages, terminateOcr } from ${JSON.stringify(resolve('src/extract/index.ts'))};
       const pages = [];
       for await (const p of readPdfPages(process.argv[2], { ocr: 'auto', workers: 1 })) pages.push(p);
       await terminateOcr();
       process.stdout.write(JSON.stringify(pages));`,
    );
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'silent' });
    const cwd = mkdtempSync(join(tmpdir(), 'arkivtext-offline-'));
    try {
      // The page whose text layer lost its ToUnicode map: garbage layer → rendered → OCR'd.
      const child = spawnSync('unshare', ['-n', process.execPath, bundle, resolve('fixtures/pdf/no-tounicode.pdf')], { cwd, encoding: 'utf8', timeout: SLOW - 20_000 });
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      const pages = JSON.parse(child.stdout) as PageText[];
      expect(pages.map((p) => p.source)).toEqual(['ocr']);
      expect(pages[0]!.warnings[0]).toMatch(/^text layer is garbage: \d+% replacement\/private-use\/control characters/);
      expect(pages[0]!.warnings[1]).toBe('OCR of the page rendered at 300 dpi');
      expect(pages[0]!.text).toContain('Förslag till arbetsmarknadsnämndens beslut 1. Informationen noteras.');
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, SLOW);
});
