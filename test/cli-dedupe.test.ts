import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeIO, type FakeIO } from './fake-io.js';
import { dedupeCommand } from '../src/cli/dedupe.js';
import { SEED } from './dedupe-helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
let root: string;

interface Json {
  clusters: { id: string; canonical: { path: string; reason: string }; members: { path: string; similarity: number; containment: number }[] }[];
}

function io(): FakeIO {
  return fakeIO({ cwd: root });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arkiv-cli-dedupe-'));
  await mkdir(join(root, 'archive', 'scans'), { recursive: true });
  await copyFile(join(FIXTURES, SEED.s000), join(root, 'archive', '000.txt'));
  await copyFile(join(FIXTURES, SEED.ocr001), join(root, 'archive', 'scans', '001-ocr.txt'));
  await copyFile(join(FIXTURES, SEED.s002), join(root, 'archive', '002.txt'));
  await copyFile(join(FIXTURES, SEED.s003), join(root, 'archive', '003.txt'));
  await copyFile(join(FIXTURES, SEED.s004), join(root, 'archive', 'scans', '004.txt'));
  await writeFile(join(root, 'archive', 'notes.md'), 'not an input');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function paths(json: Json): string[][] {
  return json.clusters.map((c) => c.members.map((m) => m.path).sort());
}

describe('arkivtext dedupe', () => {
  it('--json: the seed and the OCR of its scan cluster, the rest are single, every input once', async () => {
    const t = io();
    expect(await dedupeCommand(['archive', '--json'], t)).toBe(0);
    const json = JSON.parse(t.out()) as Json;
    expect(paths(json).sort()).toEqual([
      ['archive/000.txt', 'archive/scans/001-ocr.txt'],
      ['archive/002.txt'],
      ['archive/003.txt'],
      ['archive/scans/004.txt'],
    ]);
    const pair = json.clusters.find((c) => c.members.length === 2);
    expect(pair?.canonical.path).toBe('archive/000.txt');
    // .txt origin is estimated from the text, and the reason says so.
    expect(pair?.canonical.reason).toMatch(/^born-digital \(estimated: .*å\/ä\/ö per 100 letters.*\) over OCR$/);
    expect(pair?.members[1]?.similarity).toBeGreaterThan(0.6);
    expect(t.err()).toContain('1 file(s) in the folders are neither .txt nor .pdf');
  });

  it('reads a Latin-1 copy as Windows-1252, says so on stderr, and clusters it with its UTF-8 original', async () => {
    const original = (await import('node:fs')).readFileSync(join(root, 'archive', '002.txt'), 'utf8');
    await writeFile(join(root, 'archive', '002-latin1.txt'), Buffer.from(original, 'latin1'));
    const high = [...Buffer.from(original, 'latin1')].filter((b) => b >= 0x80).length;
    const t = io();
    expect(await dedupeCommand(['archive', '--json'], t)).toBe(0);
    expect(t.err()).toContain(`arkivtext dedupe: archive/002-latin1.txt: ${high} bytes not valid UTF-8, read as Windows-1252\n`);
    const json = JSON.parse(t.out()) as Json;
    const copy = json.clusters.find((c) => c.members.some((m) => m.path === 'archive/002-latin1.txt'));
    expect(copy?.members.map((m) => m.path).sort()).toEqual(['archive/002-latin1.txt', 'archive/002.txt']);
    // (Characters Latin-1 lacks, `–` and the private-use bullets, were lost in the copy.)
    expect(Math.min(...copy!.members.map((m) => m.similarity))).toBeGreaterThan(0.9);
  });

  it('reports unreadable inputs on stderr, clusters the rest, and exits 1', async () => {
    await writeFile(join(root, 'archive', 'empty.txt'), '');
    const t = io();
    expect(await dedupeCommand(['archive', 'missing.txt', 'archive/notes.md', '--json'], t)).toBe(1);
    expect(t.err()).toContain('missing.txt: no such file or folder');
    expect(t.err()).toContain('notes.md: not a .txt or .pdf file');
    expect(t.err()).toMatch(/empty\.txt/);
    const json = JSON.parse(t.out()) as Json;
    expect(json.clusters.flatMap((c) => c.members)).toHaveLength(5);
  });

  it('prints a readable table without --json', async () => {
    const t = io();
    expect(await dedupeCommand(['archive/000.txt', 'archive/scans/001-ocr.txt', 'archive/002.txt'], t)).toBe(0);
    const out = t.out();
    expect(out).toContain('2 clusters: 1 with versions, 1 single document');
    expect(out).toMatch(/#1 {2}2 versions — canonical: archive\/000\.txt/);
    expect(out).toMatch(/\* archive\/000\.txt +1\.000 +1\.000/);
  });

  it('--index: documents of an earlier run are matched and stay in the index', async () => {
    const first = io();
    expect(await dedupeCommand(['archive/000.txt', 'archive/002.txt', '--index', 'dedupe.sqlite', '--json'], first)).toBe(0);
    expect(paths(JSON.parse(first.out()) as Json)).toEqual([['archive/000.txt'], ['archive/002.txt']]);
    const second = io();
    expect(await dedupeCommand(['archive/scans/001-ocr.txt', '--index', 'dedupe.sqlite', '--json'], second)).toBe(0);
    // Only clusters holding a document of this run are shown; the earlier 000 is its canonical.
    const json = JSON.parse(second.out()) as Json;
    expect(paths(json)).toEqual([['archive/000.txt', 'archive/scans/001-ocr.txt']]);
    expect(json.clusters[0]?.canonical.path).toBe('archive/000.txt');
  });

  it('--export DIR writes the Parquet files', async () => {
    const t = io();
    expect(await dedupeCommand(['archive', '--export', 'parquet', '--json'], t)).toBe(0);
    expect((await stat(join(root, 'parquet', 'signatures.parquet'))).size).toBeGreaterThan(1000);
    expect((await stat(join(root, 'parquet', 'bands.parquet'))).size).toBeGreaterThan(100);
    expect(t.err()).toMatch(/wrote 5 signatures .* band rows \(\d+ bands × \d+ rows\)/);
  });

  it('reads PDFs through extraction: the born-digital PDF is canonical over an OCR text of it', async () => {
    await mkdir(join(root, 'mixed'));
    await copyFile(join(FIXTURES, 'seed-000', 'born.pdf'), join(root, 'mixed', 'born.pdf'));
    await copyFile(join(FIXTURES, 'seed-000', 'ocr-eng-l2.txt'), join(root, 'mixed', 'ocr-eng.txt'));
    await copyFile(join(FIXTURES, SEED.s003), join(root, 'mixed', 'other.txt'));
    const t = io();
    expect(await dedupeCommand(['mixed', '--json'], t)).toBe(0);
    const json = JSON.parse(t.out()) as Json;
    expect(paths(json)).toEqual([['mixed/born.pdf', 'mixed/ocr-eng.txt'], ['mixed/other.txt']]);
    expect(json.clusters[0]?.canonical.path).toBe('mixed/born.pdf');
    expect(json.clusters[0]?.canonical.reason).toBe('born-digital over OCR');
  });

  it('refuses wrong usage with exit 2', async () => {
    const t = io();
    expect(await dedupeCommand([], t)).toBe(2);
    expect(await dedupeCommand(['archive', '--threshold', '1.5'], t)).toBe(2);
    expect(t.err()).toContain("--threshold must be a number in (0, 1], got '1.5'");
    expect(await dedupeCommand(['archive', '--bogus'], t)).toBe(2);
    const h = io();
    expect(await dedupeCommand(['--help'], h)).toBe(0);
    expect(h.out()).toContain('usage: arkivtext dedupe PATH…');
  });
});
