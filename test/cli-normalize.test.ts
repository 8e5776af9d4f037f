/** `arkivtext normalize`, run in-process with fake streams. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIO as makeIO, type FakeIO } from './fake-io.js';
import { normalizeCommand } from '../src/cli/normalize.js';
import { utf8AsCp1252 } from './normalise-damage.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const TRUTH = 'seed-003/truth.txt';
const dir = mkdtempSync(join(tmpdir(), 'arkivtext-cli-normalize-'));

function fakeIO(stdinBytes?: Uint8Array): FakeIO {
  return makeIO({ cwd: FIXTURES, ...(stdinBytes ? { stdin: stdinBytes } : {}) });
}

describe('arkivtext normalize', () => {
  it('prints a clean fixture unchanged (relative path against cwd)', async () => {
    const io = fakeIO();
    expect(await normalizeCommand([TRUTH], io)).toBe(0);
    expect(io.out()).toBe(readFileSync(join(FIXTURES, TRUTH), 'utf8'));
    expect(io.err()).toBe('');
  });

  it('repairs a damaged file', async () => {
    const truth = readFileSync(join(FIXTURES, TRUTH), 'utf8');
    const path = join(dir, 'mojibake.txt');
    writeFileSync(path, utf8AsCp1252(truth).replace(/\n/g, '\r\n'));
    const io = fakeIO();
    expect(await normalizeCommand([path], io)).toBe(0);
    expect(io.out()).toBe(truth);
  });

  it('reads standard input for - and for no FILE', async () => {
    for (const args of [['-'], []]) {
      const io = fakeIO(Buffer.from('ﬁnns fÃ¶r a¨r\r\n', 'utf8'));
      expect(await normalizeCommand(args, io)).toBe(0);
      expect(io.out()).toBe('finns för är\n');
    }
  });

  it('reads a Latin-1 file as Windows-1252, warns with the file name and count, still prints, exit 1', async () => {
    const path = join(dir, 'latin1.txt');
    writeFileSync(path, Buffer.from([0x6b, 0xe5, 0x6c, 0x20, 0xf6, 0x6c, 0x0a])); // "kål öl" in Latin-1
    const io = fakeIO();
    expect(await normalizeCommand([path], io)).toBe(1);
    expect(io.out()).toBe('kål öl\n');
    expect(io.err()).toBe(`arkivtext normalize: ${path}: 2 bytes not valid UTF-8, read as Windows-1252\n`);
  });

  it('reads the Latin-1 archive fixture whole: 49 letters, exit 1', async () => {
    const io = fakeIO();
    expect(await normalizeCommand(['archive/text/002-latin1.txt'], io)).toBe(1);
    expect(io.err()).toBe('arkivtext normalize: archive/text/002-latin1.txt: 49 bytes not valid UTF-8, read as Windows-1252\n');
    expect(io.out()).not.toContain('\ufffd');
    expect(io.out()).toContain('Citaten är hämtade från deltagare i lärprojektet');
  });

  it('names standard input in the warning', async () => {
    const io = fakeIO(new Uint8Array([0x61, 0xff]));
    expect(await normalizeCommand([], io)).toBe(1);
    expect(io.err()).toBe('arkivtext normalize: <stdin>: 1 byte not valid UTF-8, read as Windows-1252\n');
    expect(io.out()).toBe('aÿ');
  });

  it('fails clearly on a missing file and on an empty one, exit 1', async () => {
    const missing = fakeIO();
    expect(await normalizeCommand(['finns-inte.txt'], missing)).toBe(1);
    expect(missing.err()).toBe('arkivtext normalize: finns-inte.txt: no such file\n');
    expect(missing.out()).toBe('');
    const path = join(dir, 'empty.txt');
    writeFileSync(path, '');
    const empty = fakeIO();
    expect(await normalizeCommand([path], empty)).toBe(1);
    expect(empty.err()).toBe(`arkivtext normalize: ${path}: the file is empty (0 bytes)\n`);
  });

  it('exits 2 on bad usage, 0 with the help', async () => {
    const unknown = fakeIO();
    expect(await normalizeCommand(['--frobnicate'], unknown)).toBe(2);
    expect(unknown.err()).toMatch(/^arkivtext normalize: Unknown option '--frobnicate'.*\n\nTry 'arkivtext normalize --help'\.\n$/s);
    const two = fakeIO();
    expect(await normalizeCommand(['a.txt', 'b.txt'], two)).toBe(2);
    expect(two.err()).toBe("arkivtext normalize: one FILE at most, got 2\n\nTry 'arkivtext normalize --help'.\n");
    const help = fakeIO();
    expect(await normalizeCommand(['--help'], help)).toBe(0);
    expect(help.out()).toMatch(/^usage: arkivtext normalize \[FILE\|-\]/);
  });
});
