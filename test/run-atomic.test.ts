import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, tempPathFor, writeFileAtomic } from '../src/run/atomic-write.js';

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
