import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputKind, walkArchive } from '../src/run/walk.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arkiv-walk-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('inputKind', () => {
  it('knows .pdf and .txt in any letter case and nothing else', () => {
    expect(['a.pdf', 'A.PDF', 'b.Txt', 'c.pdf.bak', 'd.md', 'pdf', 'e.txt'].map(inputKind)).toEqual(['pdf', 'pdf', 'text', undefined, undefined, undefined, 'text']);
  });
});

describe('walkArchive', () => {
  it('finds PDFs and text files recursively, sorted by path, with size and kind', async () => {
    const dir = join(root, 'in');
    await mkdir(join(dir, 'b/deep'), { recursive: true });
    await mkdir(join(dir, 'a'));
    await writeFile(join(dir, 'b/deep/z.PDF'), '12345');
    await writeFile(join(dir, 'b/x.txt'), 'ab');
    await writeFile(join(dir, 'a/ö.txt'), 'ö');
    await writeFile(join(dir, 'README.md'), 'not an input');
    await writeFile(join(dir, 'Z.txt'), '');
    const { inputs, ignored } = await walkArchive(dir);
    expect(inputs.map((i) => [i.path, i.kind, i.size])).toEqual([
      ['Z.txt', 'text', 0],
      ['a/ö.txt', 'text', 2],
      ['b/deep/z.PDF', 'pdf', 5],
      ['b/x.txt', 'text', 2],
    ]);
    expect(inputs[0]?.absolute).toBe(join(dir, 'Z.txt'));
    expect(ignored).toEqual([]);
  });

  it('does not follow symbolic links (to files or folders, inside or outside DIR) and lists them as ignored', async () => {
    const dir = join(root, 'in');
    const outside = join(root, 'outside');
    await mkdir(dir);
    await mkdir(outside);
    await writeFile(join(outside, 'secret.txt'), 'not yours');
    await writeFile(join(dir, 'real.txt'), 'mine');
    await symlink(join(outside, 'secret.txt'), join(dir, 'link-out.txt'));
    await symlink(outside, join(dir, 'linked-folder'));
    await symlink(join(dir, 'real.txt'), join(dir, 'link-in.txt'));
    const { inputs, ignored } = await walkArchive(dir);
    expect(inputs.map((i) => i.path)).toEqual(['real.txt']);
    expect(ignored).toEqual([
      { path: 'link-in.txt', reason: 'symbolic link (not followed)' },
      { path: 'link-out.txt', reason: 'symbolic link (not followed)' },
      { path: 'linked-folder', reason: 'symbolic link (not followed)' },
    ]);
  });
});
