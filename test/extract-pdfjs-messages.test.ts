/**
 * pdf.js's own messages (`Warning: Indexing all PDF objects` for a damaged cross-reference table)
 * become the page's warnings; nothing reaches the console, from the library or the CLI (`run -q`
 * prints nothing at all).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfPages } from '../src/extract/index.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'arkivtext-pdfjs-messages-'));

/** fixtures/pdf/two-column.pdf with its startxref pointing 7 bytes off: pdf.js rebuilds the table. */
function badXref(): string {
  const bytes = readFileSync(join(root, 'fixtures', 'pdf', 'two-column.pdf'));
  const text = bytes.toString('latin1');
  const m = /startxref\s+(\d+)/.exec(text);
  if (!m) throw new Error('fixture has no startxref');
  const at = m.index + m[0].length - m[1]!.length;
  const fixed = text.slice(0, at) + String(Number(m[1]) + 7) + text.slice(at + m[1]!.length);
  mkdirSync(join(dir, 'in'), { recursive: true });
  const path = join(dir, 'in', 'bad-xref.pdf');
  writeFileSync(path, Buffer.from(fixed, 'latin1'));
  return path;
}
const pdf = badXref();

function cli(args: string[]): { stdout: string; stderr: string; status: number | null } {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe("pdf.js's messages", () => {
  it("are the first page's warnings (library)", async () => {
    const pages = [];
    for await (const page of readPdfPages(pdf, { ocr: 'never' })) pages.push(page);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.warnings).toContain('pdf.js: Indexing all PDF objects');
    expect(pages[0]!.text).toContain('Reglab');
    expect(pages[1]!.warnings.filter((w) => w.startsWith('pdf.js:'))).toEqual([]);
  });

  it('never reach stderr: extract prints only the text, run -q nothing', () => {
    const extract = cli(['extract', '--ocr', 'never', '--json', pdf]);
    expect(extract.stderr).toBe('');
    expect(extract.status).toBe(0);
    const result = JSON.parse(extract.stdout) as { pages: { warnings: string[] }[] };
    expect(result.pages[0]!.warnings).toContain('pdf.js: Indexing all PDF objects');

    const run = cli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--ocr', 'never', '-q']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { inputs: { warnings: string[] }[] };
    expect(report.inputs[0]!.warnings).toContain('page 1: pdf.js: Indexing all PDF objects');
  });
});
