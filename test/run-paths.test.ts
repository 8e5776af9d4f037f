import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArkivError } from '../src/errors.js';
import { checkRunDirs } from '../src/run/check-dirs.js';
import { outputPaths, sanitiseRelative } from '../src/run/out-paths.js';

describe('sanitiseRelative', () => {
  it('keeps ordinary names, Swedish letters included', () => {
    expect(sanitiseRelative('protokoll/2019/Kommunstyrelsen – §12 (ändrad).pdf')).toBe('protokoll/2019/Kommunstyrelsen – §12 (ändrad).pdf');
  });

  it('keeps names apart that differ only in characters it replaces (a\\nb, a\\rb, a_b)', () => {
    const names = ['a\nb.txt', 'a\rb.txt', 'a_b.txt', 'a\\b.txt'].map(sanitiseRelative);
    expect(new Set(names).size).toBe(4);
    expect(names[2]).toBe('a_b.txt');
  });
  it('drops ., .. and empty segments and replaces control characters and backslashes', () => {
    expect(sanitiseRelative('../a/./b//c\u0000d\n.txt')).toMatch(/^a\/b\/c_d_~[0-9a-f]{10}\.txt$/);
    expect(sanitiseRelative('..\\..\\x.pdf')).toBe('x.pdf');
  });
  it('shortens a segment too long for the file system, keeping names apart by a hash', () => {
    const a = sanitiseRelative(`${'å'.repeat(150)}a.pdf`);
    const b = sanitiseRelative(`${'å'.repeat(150)}b.pdf`);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(200);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^å+~[0-9a-f]{10}$/);
  });
  it('refuses a name with nothing left', () => {
    expect(() => sanitiseRelative('../..')).toThrow(ArkivError);
  });
});

describe('outputPaths', () => {
  it('puts <path>.txt and <path>.json under OUT', () => {
    expect(outputPaths('/o', 'a/b.pdf')).toEqual({ text: '/o/a/b.pdf.txt', json: '/o/a/b.pdf.json' });
  });
  it('never leaves OUT, whatever the name', () => {
    expect(outputPaths('/o', '../../etc/passwd').text).toBe('/o/etc/passwd.txt');
    expect(outputPaths('/o', '/etc/passwd').json).toBe('/o/etc/passwd.json');
    expect(outputPaths('/o', 'a/../../x').text).toBe('/o/a/x.txt');
    expect(() => outputPaths('/o', '..')).toThrow(/no usable file name/);
  });
});

describe('checkRunDirs', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'arkiv-dirs-'));
    await mkdir(join(root, 'in/sub'), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const code = async (dir: string, out: string) => {
    try {
      await checkRunDirs(dir, out);
      return 'ok';
    } catch (error) {
      return (error as ArkivError).code;
    }
  };

  it('accepts OUT beside DIR, existing or not', async () => {
    expect(await code(join(root, 'in'), join(root, 'out/new'))).toBe('ok');
    expect(await checkRunDirs(join(root, 'in'), join(root, 'out'))).toEqual({ dir: join(root, 'in'), out: join(root, 'out') });
  });
  it('refuses a missing DIR, a DIR that is a file, and an OUT that is a file', async () => {
    await writeFile(join(root, 'file.txt'), 'x');
    expect(await code(join(root, 'nope'), join(root, 'out'))).toBe('NOT_FOUND');
    expect(await code(join(root, 'file.txt'), join(root, 'out'))).toBe('INVALID_INPUT');
    expect(await code(join(root, 'in'), join(root, 'file.txt'))).toBe('INVALID_INPUT');
  });
  it('refuses OUT equal to DIR, inside DIR, or containing DIR', async () => {
    expect(await code(join(root, 'in'), join(root, 'in'))).toBe('INVALID_INPUT');
    expect(await code(join(root, 'in'), join(root, 'in/sub/out'))).toBe('INVALID_INPUT');
    expect(await code(join(root, 'in/sub'), join(root, 'in'))).toBe('INVALID_INPUT');
    expect(await code(join(root, 'in'), root)).toBe('INVALID_INPUT');
  });
  it('sees through a link that hides OUT inside DIR', async () => {
    await symlink(join(root, 'in'), join(root, 'alias'));
    expect(await code(join(root, 'in'), join(root, 'alias/out'))).toBe('INVALID_INPUT');
  });
});
