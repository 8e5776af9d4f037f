/** decodeText and readTextFile: UTF-8, what is not read as Windows-1252 or replaced, bad bytes counted, clear errors. */
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
    expect(decodeText(Buffer.from('\ufeffår och dag', 'utf8'))).toEqual({ text: 'år och dag', invalidBytes: 0, windows1252Bytes: 0 });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', invalidBytes: 0, windows1252Bytes: 0 });
  });

  it('keeps a U+FFFD that was in the text as valid UTF-8', () => {
    expect(decodeText(Buffer.from('a\ufffdb', 'utf8'))).toEqual({ text: 'a\ufffdb', invalidBytes: 0, windows1252Bytes: 0 });
  });

  it.each([
    [[0x61, 0xff, 0x62], 'aÿb', 1, 1],
    [[0xe4, 0x72], 'är', 1, 1], // Latin-1 ä
    [[0x96, 0x20, 0x94], '– ”', 2, 2], // Windows-1252 punctuation
    [[0x81, 0x8d], '\ufffd\ufffd', 2, 0], // bytes Windows-1252 leaves undefined
    [[0xe2, 0x80, 0x41], '\ufffdA', 2, 0], // truncated 3-byte sequence: one U+FFFD for two bytes
    [[0xc3], 'Ã', 1, 1],
    [[0xc0, 0xaf], 'À¯', 2, 2], // no lead byte of UTF-8: two lone bytes
    [[0xf0, 0x9f, 0x98], '\ufffd', 3, 0], // a cut-off emoji
    [[0xc3, 0xa4, 0xe4, 0xc3, 0xa4], 'äää', 1, 1], // UTF-8 and Latin-1 in one file
    [[0xef, 0xbb, 0xbf, 0x61, 0xe4, 0xef, 0xbb, 0xbf, 0x62], 'aä\ufeffb', 1, 1], // only the leading BOM is dropped
  ])('%j → %j, %d bad bytes, %d read as Windows-1252', (bytes, text, bad, windows1252Bytes) => {
    expect(decodeText(new Uint8Array(bytes))).toEqual({ text, invalidBytes: bad, windows1252Bytes });
  });

  it('reads Swedish text saved as Latin-1 as it was written', () => {
    const latin1 = fc.stringMatching(/^[a-zA-Z ,.åäöÅÄÖé\n]{0,60}$/);
    fc.assert(fc.property(latin1, (text) => {
      const bytes = Buffer.from(text, 'latin1');
      const high = [...bytes].filter((b) => b >= 0x80).length;
      // Two Latin-1 letters in a row may spell a UTF-8 character (`Ã¤`): not in this alphabet.
      expect(decodeText(bytes)).toEqual({ text, invalidBytes: high, windows1252Bytes: high });
    }), { numRuns: 500 });
  });

  it('reads the Latin-1 letters put into a fixture and keeps the rest', () => {
    const bytes = readFileSync(SEED);
    // Latin-1 "å" (0xE5) in place of three ASCII bytes: each is one bad byte, read as `å`.
    const positions = [100, 900, 2000].map((p) => {
      while (bytes[p]! >= 0x80) p++;
      return p;
    });
    const damaged = Buffer.from(bytes);
    for (const p of positions) damaged[p] = 0xe5;
    // What the text must be: the fixture with `å` (as its UTF-8) where the bad bytes are.
    const parts: Buffer[] = [];
    let at = 0;
    for (const p of positions) {
      parts.push(bytes.subarray(at, p), Buffer.from('å', 'utf8'));
      at = p + 1;
    }
    parts.push(bytes.subarray(at));
    expect(decodeText(damaged)).toEqual({ text: Buffer.concat(parts).toString('utf8'), invalidBytes: 3, windows1252Bytes: 3 });
  });

  it('reads the archive fixture saved as Latin-1 whole: 49 letters', () => {
    const bytes = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'archive', 'text', '002-latin1.txt'));
    const highBytes = [...bytes].filter((b) => b >= 0x80).length;
    expect(highBytes).toBe(49);
    const { text, invalidBytes, windows1252Bytes } = decodeText(bytes);
    expect([invalidBytes, windows1252Bytes]).toEqual([49, 49]);
    expect(text).toBe(bytes.toString('latin1'));
    expect(text).toContain('Citaten är hämtade från deltagare i lärprojektet');
  });

  it('counts 0 exactly when the bytes are valid UTF-8, and at least one per U+FFFD it wrote', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const { text, invalidBytes, windows1252Bytes } = decodeText(bytes);
      let valid = true;
      try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { valid = false; }
      expect(invalidBytes === 0).toBe(valid);
      expect(windows1252Bytes).toBeLessThanOrEqual(invalidBytes);
      const written = text.split('\ufffd').length - 1 - (Buffer.from(bytes).toString('latin1').split('\u00ef\u00bf\u00bd').length - 1);
      expect(invalidBytes - windows1252Bytes).toBeGreaterThanOrEqual(written);
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
