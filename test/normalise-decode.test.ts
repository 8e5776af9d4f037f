/** decodeText and readTextFile: UTF-8 with replacement, bad bytes counted, clear errors. */
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArkivError } from '../src/errors.js';
import { decodeText, readTextFile } from '../src/normalise/index.js';

const SEED = join(import.meta.dirname, '..', 'fixtures', 'seeds', '000_7ba38837b630bd69.txt');

describe('decodeText', () => {
  it('decodes UTF-8 and drops a leading BOM', () => {
    expect(decodeText(Buffer.from('\ufeffår och dag', 'utf8'))).toEqual({ text: 'år och dag', invalidBytes: 0 });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', invalidBytes: 0 });
  });

  it('keeps a U+FFFD that was in the text as valid UTF-8', () => {
    expect(decodeText(Buffer.from('a\ufffdb', 'utf8'))).toEqual({ text: 'a\ufffdb', invalidBytes: 0 });
  });

  it.each([
    [[0x61, 0xff, 0x62], 'a\ufffdb', 1],
    [[0xe4, 0x72], '\ufffdr', 1], // Latin-1 ä
    [[0xe2, 0x80, 0x41], '\ufffdA', 2], // truncated 3-byte sequence: one U+FFFD for two bytes
    [[0xc3], '\ufffd', 1],
    [[0xc0, 0xaf], '\ufffd\ufffd', 2], // overlong
    [[0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd', 3], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd', 4], // beyond U+10FFFF
    [[0xf0, 0x9f, 0x98], '\ufffd', 3],
  ])('%j → %j, %d bad bytes', (bytes, text, bad) => {
    expect(decodeText(new Uint8Array(bytes))).toEqual({ text, invalidBytes: bad });
  });

  it('counts the bad bytes put into a fixture and keeps the rest', () => {
    const bytes = readFileSync(SEED);
    // Latin-1 "å" (0xE5) in place of three ASCII bytes: each is one bad byte.
    const positions = [100, 900, 2000].map((p) => {
      while (bytes[p]! >= 0x80) p++;
      return p;
    });
    const damaged = Buffer.from(bytes);
    for (const p of positions) damaged[p] = 0xe5;
    // What the text must be: the fixture with U+FFFD (as its UTF-8) where the bad bytes are.
    const parts: Buffer[] = [];
    let at = 0;
    for (const p of positions) {
      parts.push(bytes.subarray(at, p), Buffer.from('\ufffd', 'utf8'));
      at = p + 1;
    }
    parts.push(bytes.subarray(at));
    expect(decodeText(damaged)).toEqual({ text: Buffer.concat(parts).toString('utf8'), invalidBytes: 3 });
  });

  it('counts the 49 Latin-1 letters of the archive fixture saved as Latin-1, one bad byte each', () => {
    const bytes = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'archive', 'text', '002-latin1.txt'));
    const highBytes = [...bytes].filter((b) => b >= 0x80).length;
    expect(highBytes).toBe(49);
    const { text, invalidBytes } = decodeText(bytes);
    expect(invalidBytes).toBe(49);
    // Every high byte became U+FFFD and everything else came through: decoding the same bytes as
    // Latin-1 and replacing the non-ASCII characters gives the same text.
    expect(text).toBe(bytes.toString('latin1').replace(/[\u0080-\u00ff]/g, '\ufffd'));
  });

  it('counts 0 exactly when the bytes are valid UTF-8, and at least one per U+FFFD it wrote', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const { text, invalidBytes } = decodeText(bytes);
      let valid = true;
      try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { valid = false; }
      expect(invalidBytes === 0).toBe(valid);
      const written = text.split('\ufffd').length - 1 - (Buffer.from(bytes).toString('latin1').split('\u00ef\u00bf\u00bd').length - 1);
      expect(invalidBytes).toBeGreaterThanOrEqual(written);
      expect(invalidBytes).toBeLessThanOrEqual(bytes.length);
    }), { numRuns: 2000 });
  });
});

describe('readTextFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arkivtext-normalise-'));

  it('reads a fixture', async () => {
    const { text, invalidBytes } = await readTextFile(SEED);
    expect(invalidBytes).toBe(0);
    expect(text).toBe(readFileSync(SEED, 'utf8'));
  });

  it('refuses a missing file with NOT_FOUND naming it', async () => {
    const path = join(dir, 'saknas.txt');
    await expect(readTextFile(path)).rejects.toMatchObject({ name: 'ArkivError', code: 'NOT_FOUND', file: path });
    await expect(readTextFile(path)).rejects.toThrow(`${path}: no such file`);
  });

  it('refuses an empty file with EMPTY naming it', async () => {
    const path = join(dir, 'tom.txt');
    writeFileSync(path, '');
    const err = await readTextFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArkivError);
    expect(err).toMatchObject({ code: 'EMPTY', file: path, message: `${path}: the file is empty (0 bytes)` });
  });

  it('refuses a directory with IO naming it', async () => {
    const path = join(dir, 'mapp');
    mkdirSync(path);
    await expect(readTextFile(path)).rejects.toMatchObject({ code: 'IO', file: path, message: `${path}: is a directory, not a text file` });
  });
});
