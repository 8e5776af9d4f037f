/**
 * A program that OCR'd a page ends when its own work does: idle Tesseract workers (and pdf.js's
 * idle thread) do not keep Node alive, with no call to `terminateOcr()`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'arkivtext-ocr-exit-'));
let scripts = 0;

/** Runs an ES module (through tsx, on the sources); a process that would not end is killed. */
function runScript(code: string): { stdout: string; stderr: string; status: number | null; signal: NodeJS.Signals | null } {
  const file = join(dir, `script-${scripts++}.mts`);
  writeFileSync(file, code.replaceAll("'./src/", `'${root}/src/`));
  return spawnSync(process.execPath, ['--import', 'tsx', file], {
    cwd: root,
    encoding: 'utf8',
    timeout: 110_000,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
}

describe('after OCR', () => {
  it('the process exits without terminateOcr()', () => {
    const r = runScript(`
      import { sharedOcrPool } from './src/extract/ocr-pool.ts';
      import { extractPdf } from './src/pipeline/index.ts';
      const blank = Buffer.concat([Buffer.from('P5\\n64 32\\n255\\n', 'latin1'), Buffer.alloc(64 * 32, 255)]);
      const ocr = await sharedOcrPool(2).recognize(blank, { dpi: 300 });
      const pdf = await extractPdf('fixtures/seed-003/born.pdf', { ocr: 'never', repair: false });
      console.log('ocr', JSON.stringify(ocr.text.trim()), 'pages', pdf.pages.length);
    `);
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ocr "" pages [1-9]/);
    expect(r.status).toBe(0);
  });

  it('terminateOcr() still frees the workers at once, and a later page starts new ones', () => {
    const r = runScript(`
      import { OcrPool } from './src/extract/ocr-pool.ts';
      const blank = Buffer.concat([Buffer.from('P5\\n64 32\\n255\\n', 'latin1'), Buffer.alloc(64 * 32, 255)]);
      const pool = new OcrPool(1);
      const first = await pool.recognize(blank, { dpi: 300 });
      await pool.terminate();
      const again = new OcrPool(1);
      const second = await again.recognize(blank, { dpi: 300 });
      console.log(JSON.stringify([first.text.trim(), second.text.trim()]));
    `);
    expect(r.signal).toBeNull();
    expect(r.stdout.trim()).toBe('["",""]');
    expect(r.status).toBe(0);
  });
});
