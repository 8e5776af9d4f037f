import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { bandHashes, exportParquet, openIndex, optimalBanding, sketchDoc } from '../src/dedupe/index.js';
import { ArkivError } from '../src/errors.js';
import { fixture, SEED } from './dedupe-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'arkivtext-dedupe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openIndex (SQLite)', () => {
  const file = join(dir, 'index.sqlite');

  it('persists documents across close and open, and matches new ones against them', () => {
    const first = openIndex(file);
    first.addMany([
      { id: '/archive/000.txt', text: fixture(SEED.s000), origin: 'born-digital' },
      { id: '/archive/003.txt', text: fixture(SEED.s003) },
    ]);
    expect(first.size).toBe(2);
    first.close();
    expect(() => first.size).toThrow(/closed/);

    const second = openIndex(file);
    expect(second.size).toBe(2);
    const stored = second.get('/archive/000.txt');
    const fresh = sketchDoc({ id: 'x', text: fixture(SEED.s000) });
    expect(Array.from(stored?.fingerprint.signature ?? [])).toEqual(Array.from(fresh.fingerprint.signature));
    expect(stored?.origin).toBe('born-digital');

    const matches = second.query({ id: '/new/ocr.txt', text: fixture(SEED.ocr001), origin: 'ocr' });
    expect(matches.map((m) => m.id)).toEqual(['/archive/000.txt']);
    expect(matches[0]?.similarity).toBeGreaterThan(0.6);
    expect(second.query({ id: '/new/004.txt', text: fixture(SEED.s004) })).toEqual([]);

    second.add({ id: '/new/ocr.txt', text: fixture(SEED.ocr001), origin: 'ocr' });
    second.add({ id: '/new/004.txt', text: fixture(SEED.s004) });
    second.close();

    const third = openIndex(file);
    const clusters = third.clusters();
    expect(clusters.map((c) => c.members.map((m) => m.id).sort())).toEqual([['/archive/000.txt', '/new/ocr.txt'], ['/archive/003.txt'], ['/new/004.txt']]);
    third.close();
  });

  it('replaces a document added again under the same id', () => {
    const index = openIndex(file);
    const before = index.size;
    index.add({ id: '/new/004.txt', text: fixture(SEED.s002) });
    expect(index.size).toBe(before);
    expect(index.query({ id: 'q', text: fixture(SEED.s002) }).map((m) => m.id)).toEqual(['/new/004.txt']);
    expect(index.remove('/new/004.txt')).toBe(true);
    expect(index.size).toBe(before - 1);
    index.close();
  });

  it('refuses other fingerprint settings than the index was made with, and files that are not indexes', () => {
    expect(() => openIndex(file, { permutations: 128 })).toThrow(/permutations 256, not 128/);
    const index = openIndex(file);
    expect(() => index.add(sketchDoc({ id: 'y', text: 'text' }, { permutations: 64 }))).toThrow(ArkivError);
    index.close();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database '.repeat(100));
    expect(() => openIndex(junk)).toThrow(/junk\.sqlite: is not an arkivtext dedupe index/);
  });
});

describe('exportParquet', () => {
  it('writes signatures and band rows that read back exactly', async () => {
    const sketches = [
      sketchDoc({ id: 'a', text: fixture(SEED.s000), origin: 'born-digital' }),
      sketchDoc({ id: 'b', text: fixture(SEED.ocr001), origin: 'ocr' }),
      sketchDoc({ id: 'empty', text: ' ' }),
    ];
    const banding = optimalBanding(0.5, 256);
    const out = join(dir, 'export');
    const result = exportParquet(sketches, out, banding);
    expect(result.documents).toBe(3);
    expect(result.bandRows).toBe(2 * banding.bands);

    const { readFileSync } = await import('node:fs');
    const load = (path: string): ArrayBuffer => {
      const b = readFileSync(path);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    };
    const sigRows = (await parquetReadObjects({ file: load(result.signatures), utf8: false })) as { id: string; origin: string; size: number; signature: Uint8Array }[];
    expect(sigRows.map((r) => r.id)).toEqual(['a', 'b', 'empty']);
    expect(sigRows[1]?.origin).toBe('ocr');
    const back = new Uint32Array(Uint8Array.from(sigRows[0]?.signature ?? []).buffer);
    expect(Array.from(back)).toEqual(Array.from(sketches[0]?.fingerprint.signature ?? []));

    const bandRows = (await parquetReadObjects({ file: load(result.bands) })) as { id: string; band: number; band_hash: number }[];
    expect(bandRows).toHaveLength(2 * banding.bands);
    const expected = bandHashes(sketches[1]!.fingerprint.signature, banding);
    const ofB = bandRows.filter((r) => r.id === 'b').map((r) => Number(r.band_hash));
    expect(ofB).toEqual(Array.from(expected));
  });
});
