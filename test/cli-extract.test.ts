/** `arkivtext extract`, run in-process with fake streams (text-layer PDFs only: no OCR here). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIO as makeIO, type FakeIO } from './fake-io.js';
import { extractCommand } from '../src/cli/extract.js';
import { flatten } from '../src/eval/metrics.js';
import { readPdfPages } from '../src/extract/index.js';
import type { ExtractResult } from '../src/types.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function fakeIO(stderrIsTTY = false): FakeIO {
  return makeIO({ cwd: FIXTURES, stderrIsTTY });
}


describe('arkivtext extract', () => {
  it('prints the repaired text, pages separated by form feeds, and nothing on a non-TTY stderr', async () => {
    const io = fakeIO();
    expect(await extractCommand(['seed-003/born.pdf'], io)).toBe(0);
    expect(io.out().split('\f')).toHaveLength(3);
    expect(io.out()).toContain('individens livsvillkor');
    expect(io.err()).toBe('');
  });

  it('--no-repair keeps the raw page text (line-end hyphens and all)', async () => {
    const io = fakeIO();
    expect(await extractCommand(['seed-003/born.pdf', '--no-repair', '--ocr', 'never'], io)).toBe(0);
    const raw: string[] = [];
    for await (const p of readPdfPages(join(FIXTURES, 'seed-003/born.pdf'), { ocr: 'never' })) raw.push(p.text);
    expect(io.out()).toBe(raw.join('\f'));
  });

  it('--json prints the ExtractResult', async () => {
    const io = fakeIO();
    expect(await extractCommand(['pdf/two-column.pdf', '--json'], io)).toBe(0);
    const result = JSON.parse(io.out()) as ExtractResult;
    expect(result.pages.map((p) => [p.number, p.source])).toEqual([[1, 'text'], [2, 'text']]);
    expect(result.pages[0]!.warnings).toContain('two columns, read left column first');
    expect(result.text).toBe(result.pages.map((p) => p.text).join('\f'));
    expect(flatten(result.text)).toContain('Lärande för integration – rapport från förstudien');
  });

  it('shows progress on stderr when it is a terminal, and clears it', async () => {
    const io = fakeIO(true);
    expect(await extractCommand(['seed-003/born.pdf', '--ocr', 'never'], io)).toBe(0);
    expect(io.err()).toContain('seed-003/born.pdf: page 3/3 (text)');
    expect(io.err().endsWith('\r\x1b[K')).toBe(true);
  });

  it('exits 1 naming the file when the PDF cannot be read', async () => {
    for (const [file, why] of [
      ['pdf/encrypted.pdf', 'pdf/encrypted.pdf: the PDF is encrypted and needs a password to open\n'],
      ['pdf/empty.pdf', 'pdf/empty.pdf: the file is empty (0 bytes)\n'],
      ['pdf/missing.pdf', 'pdf/missing.pdf: no such file\n'],
    ] as const) {
      const io = fakeIO();
      expect(await extractCommand([file], io)).toBe(1);
      expect(io.err()).toBe(`arkivtext extract: ${why}`);
      expect(io.out()).toBe('');
    }
  });

  it('exits 2 on bad usage, 0 with the usage on --help', async () => {
    for (const [args, why] of [
      [[], 'one FILE.pdf, got 0'],
      [['a.pdf', 'b.pdf'], 'one FILE.pdf, got 2'],
      [['a.pdf', '--ocr', 'sometimes'], "--ocr must be auto, always or never, got 'sometimes'"],
      [['a.pdf', '--workers', '0'], null],
      [['a.pdf', '--page-timeout', 'soon'], null],
      [['a.pdf', '--colour'], null],
    ] as const) {
      const io = fakeIO();
      expect(await extractCommand([...args], io), args.join(' ')).toBe(2);
      expect(io.err()).toMatch(/^arkivtext extract: .+\n\nTry 'arkivtext extract --help'\.\n$/s);
      if (why !== null) expect(io.err()).toBe(`arkivtext extract: ${why}\n\nTry 'arkivtext extract --help'.\n`);
      expect(io.out()).toBe('');
    }
    const io = fakeIO();
    expect(await extractCommand(['--help'], io)).toBe(0);
    expect(io.out()).toContain('--page-timeout MS');
  });
});
