import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, tempPathFor, writeChunksAtomic, writeFileAtomic } from '../src/run/atomic-write.js';
import { recordJson } from '../src/run/process-input.js';
import type { InputRecord } from '../src/run/types.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arkiv-atomic-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates missing folders, replaces the content, and leaves no temp file', async () => {
    const path = join(root, 'a/b/out.json');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(join(root, 'a/b'))).toEqual(['out.json']);
  });

  it('keeps the old file and removes its temp file when the final step fails', async () => {
    // The target is a non-empty folder, so the rename fails after the temp file was written.
    const path = join(root, 'target');
    await mkdir(path);
    await writeFile(join(path, 'keep'), 'old');
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow();
    expect(await readdir(root)).toEqual(['target']);
    expect(await readFile(join(path, 'keep'), 'utf8')).toBe('old');
  });
});

describe('removeStaleTempFiles', () => {
  it('removes the temp files a killed run left, and nothing else', async () => {
    await mkdir(join(root, 'sub'));
    const stale = tempPathFor(join(root, 'sub/x.pdf.txt'));
    await writeFile(stale, 'half a fi');
    await writeFile(join(root, 'sub/x.pdf.txt'), 'whole');
    await writeFile(join(root, '.hidden.tmp'), 'not ours');
    expect(await removeStaleTempFiles(root)).toBe(1);
    expect((await readdir(join(root, 'sub'))).sort()).toEqual(['x.pdf.txt']);
    expect(await readdir(root)).toContain('.hidden.tmp');
  });
  it('is a no-op for a folder that does not exist', async () => {
    expect(await removeStaleTempFiles(join(root, 'none'))).toBe(0);
  });
});

describe('writeChunksAtomic and recordJson (a record written in pieces)', () => {
  const record = (n: number): InputRecord => ({
    input: { path: 'a/b.txt', kind: 'text', size: 10, mtimeMs: 1 },
    settings: { ocr: 'auto', repair: true, pageTimeoutMs: null, learn: [], version: '0' } as unknown as InputRecord['settings'],
    settingsHash: 'h',
    corrections: Array.from({ length: n }, (_, i) => ({ offset: i, length: 1, before: i % 3 ? 'å"\n\\' : 'x\u2028', after: 'ä', confidence: 0.5, rule: 'confusion' as const, ...(i % 7 === 0 ? { applied: false as const } : {}) })),
    quality: { ocrConfidence: null, lexiconShare: 0.9, corrections: n, ocrPages: 0 },
    warnings: ['en varning'],
    sketch: { id: 'a/b.txt', signature: 'AAAA', size: 1, fingerprintLength: 1, origin: 'ocr', length: 1 },
  });

  it("gives JSON.stringify's bytes, for no, one and many thousands of corrections", () => {
    for (const n of [0, 1, 2, 4999, 5000, 5001, 12_345]) {
      const r = record(n);
      expect([...recordJson(r)].join(''), String(n)).toBe(`${JSON.stringify(r, null, 2)}\n`);
    }
  });

  it('writes the pieces to one file, atomically', async () => {
    const path = join(root, 'c/record.json');
    await writeChunksAtomic(path, recordJson(record(6000)));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(record(6000));
    expect(await readdir(join(root, 'c'))).toEqual(['record.json']);
  });
});
