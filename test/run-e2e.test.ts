/**
 * End to end with the real stages over fixtures/archive (born, scanned, mixed, OCR text, clean
 * text, Latin-1 text, and four broken PDFs): the first run through the CLI, a rerun that reuses
 * everything, and --force. Two OCR pages a run, so it takes a minute or two on two cores.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeIO, type FakeIO } from './fake-io.js';
import { runCommand } from '../src/cli/run.js';
import { runArchive, type InputRecord, type RunReport } from '../src/run/index.js';

const ARCHIVE = resolve(__dirname, '../fixtures/archive');
let root: string;
let out: string;

function io(): FakeIO {
  return fakeIO({ cwd: root });
}

const OK = ['born/000-born.pdf', 'born/003-born.PDF', 'mixed/003-mixed.pdf', 'ocr-text/001-ocr.txt', 'ocr-text/004-ocr.txt', 'scanned/000-scan-page2.pdf', 'text/002-clean.txt', 'text/002-latin1.txt'];

/** Every file under the archive with its size and mtime: the run must not change any. */
async function snapshot(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map(async (e) => {
    const info = await stat(join(e.parentPath, e.name));
    return `${join(e.parentPath, e.name)} ${info.size} ${info.mtimeMs}`;
  })).then((lines) => lines.sort());
}

let archiveBefore: string[];
let first: RunReport;
let firstCode: number;
let firstErr: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'arkiv-e2e-'));
  out = join(root, 'out');
  archiveBefore = await snapshot(ARCHIVE);
  const t = io();
  firstCode = await runCommand([ARCHIVE, '--out', out, '--json', '--workers', '2'], t);
  firstErr = t.err();
  if (!t.out()) throw new Error(`the run printed no report (exit ${firstCode}): ${firstErr}`);
  first = JSON.parse(t.out()) as RunReport;
}, 600_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('arkivtext run over fixtures/archive', () => {
  it('reports every input with the right status and error, and exits 1 because some failed', () => {
    expect(firstCode).toBe(1);
    const statuses = Object.fromEntries(first.inputs.map((i) => [i.path, i.status === 'ok' ? 'ok' : `failed ${i.error?.code}`]));
    expect(statuses).toEqual({
      'born/000-born.pdf': 'ok',
      'born/003-born.PDF': 'ok',
      'broken/corrupt.pdf': 'failed CORRUPT_PDF',
      'broken/empty.pdf': 'failed EMPTY',
      'broken/encrypted.pdf': 'failed ENCRYPTED_PDF',
      'broken/not-a-pdf.pdf': 'failed NOT_PDF',
      'mixed/003-mixed.pdf': 'ok',
      'ocr-text/001-ocr.txt': 'ok',
      'ocr-text/004-ocr.txt': 'ok',
      'scanned/000-scan-page2.pdf': 'ok',
      'text/002-clean.txt': 'ok',
      'text/002-latin1.txt': 'ok',
    });
    for (const input of first.inputs.filter((i) => i.status === 'failed')) expect(input.error?.message).toContain(input.path);
    expect(first.totals).toMatchObject({ inputs: 12, ok: 8, failed: 4, skipped: 0 });
    expect(firstErr).toMatch(/\[\d+\/12\] FAILED broken\/encrypted\.pdf: /);
  });

  it('reads each kind of input the way it needs', () => {
    const byPath = Object.fromEntries(first.inputs.map((i) => [i.path, i]));
    expect(byPath['born/003-born.PDF']).toMatchObject({ pages: 3, ocrPages: 0 });
    expect(byPath['mixed/003-mixed.pdf']).toMatchObject({ pages: 3, ocrPages: 1 });
    expect(byPath['scanned/000-scan-page2.pdf']).toMatchObject({ pages: 1, ocrPages: 1 });
    expect(byPath['text/002-latin1.txt']?.warnings.join()).toMatch(/not valid UTF-8/);
    expect(byPath['text/002-clean.txt']?.warnings).toEqual([]);
    // Legacy OCR gets repaired; the English-model OCR of 004 lost every å/ä/ö, so it needs the most.
    expect(byPath['ocr-text/004-ocr.txt']?.corrections).toBeGreaterThan(byPath['text/002-clean.txt']?.corrections ?? Infinity);
    expect(byPath['ocr-text/001-ocr.txt']?.corrections).toBeGreaterThan(10);
  });

  it('clusters the versions: 000 born with its scan and the 001 OCR; 003 born with its mixed copy', () => {
    const clusters = first.clusters.map((c) => ({ canonical: c.canonical.path, members: c.members.map((m) => m.path).sort() }));
    expect(clusters).toEqual(
      expect.arrayContaining([
        { canonical: 'born/000-born.pdf', members: ['born/000-born.pdf', 'ocr-text/001-ocr.txt', 'scanned/000-scan-page2.pdf'] },
        { canonical: 'born/003-born.PDF', members: ['born/003-born.PDF', 'mixed/003-mixed.pdf'] },
      ]),
    );
    // The three other texts have no other version: clusters of one.
    expect(first.clusters.filter((c) => c.members.length === 1).map((c) => c.canonical.path).sort()).toEqual(['ocr-text/004-ocr.txt', 'text/002-clean.txt', 'text/002-latin1.txt']);
    expect(first.totals).toMatchObject({ clusters: 5, versioned: 2, duplicates: 3 });
    const byPath = Object.fromEntries(first.inputs.map((i) => [i.path, i]));
    expect(byPath['ocr-text/001-ocr.txt']).toMatchObject({ cluster: first.clusters.find((c) => c.canonical.path === 'born/000-born.pdf')?.id, canonical: false });
    expect(byPath['text/002-clean.txt']).toMatchObject({ cluster: 'text/002-clean.txt', canonical: true });
    expect(byPath['broken/corrupt.pdf']?.cluster).toBeUndefined();
  });

  it('writes clean text and a record per input, and a report.md a person can read', async () => {
    const text = await readFile(join(out, 'born/000-born.pdf.txt'), 'utf8');
    expect(text).toContain('Hållbar integration i Östergötland');
    const record = JSON.parse(await readFile(join(out, 'scanned/000-scan-page2.pdf.json'), 'utf8')) as InputRecord;
    expect(record.pages?.map((p) => p.source)).toEqual(['ocr']);
    expect(record.quality.ocrConfidence).toBeGreaterThan(50);
    expect(record.quality.lexiconShare).toBeGreaterThan(0.8);
    expect(record.settings).toMatchObject({ ocr: 'auto', repair: true });
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).toContain('12 inputs: 8 ok, 4 failed');
    expect(md).toContain('| broken/encrypted.pdf | **failed** (ENCRYPTED_PDF) |');
    expect(md).toMatch(/Canonical: `born\/000-born\.pdf`/);
    await expect(stat(join(out, 'broken/empty.pdf.txt'))).rejects.toThrow();
  });

  it('reuses every current output on a rerun, and redoes all with --force', async () => {
    const mtimes = async () => Object.fromEntries(await Promise.all(OK.map(async (p) => [p, (await stat(join(out, `${p}.json`))).mtimeMs] as const)));
    const before = await mtimes();
    const t = io();
    expect(await runCommand([ARCHIVE, '--out', out, '--json', '--quiet'], t)).toBe(1);
    const rerun = JSON.parse(t.out()) as RunReport;
    expect(rerun.totals.skipped).toBe(8);
    expect(rerun.inputs.filter((i) => i.skipped).map((i) => i.path)).toEqual(OK);
    expect(await mtimes()).toEqual(before);
    expect(rerun.clusters).toEqual(first.clusters);

    const index = join(root, 'archive.sqlite');
    const forced = await runArchive(ARCHIVE, { out, force: true, workers: 2, index });
    expect(forced.totals.skipped).toBe(0);
    expect(forced.totals.ok).toBe(8);
    const after = await mtimes();
    for (const p of OK) expect(after[p]).toBeGreaterThan(before[p] ?? Infinity);

    // Tomorrow, another copy of the 001 OCR text arrives: the index knows its versions.
    const tomorrow = join(root, 'tomorrow');
    await mkdir(tomorrow);
    await cp(join(ARCHIVE, 'ocr-text/001-ocr.txt'), join(tomorrow, 'inkommen.txt'));
    const next = await runArchive(tomorrow, { out: join(root, 'tomorrow-out'), index });
    expect(next.inputs[0]?.indexMatches?.map((m) => m.path).sort()).toEqual(
      ['born/000-born.pdf', 'ocr-text/001-ocr.txt', 'scanned/000-scan-page2.pdf'].map((p) => join(ARCHIVE, p)),
    );
  }, 600_000);

  it('never touched the archive', async () => {
    expect(await snapshot(ARCHIVE)).toEqual(archiveBefore);
  });

  it('exits 0 when every input succeeds', async () => {
    const clean = join(root, 'clean');
    await mkdir(clean);
    await cp(join(ARCHIVE, 'text/002-clean.txt'), join(clean, 'a.txt'));
    expect(await runCommand([clean, '--out', join(root, 'clean-out'), '--quiet'], io())).toBe(0);
    // With a word list, the lexicon learns it first (a fresh lexicon, so nothing leaks).
    const words = join(root, 'ord.txt');
    await cp(join(ARCHIVE, '../seed-000/truth.txt'), words);
    const t = io();
    expect(await runCommand([clean, '--out', join(root, 'learn-out'), '--learn', words, '--json', '--quiet'], t)).toBe(0);
    expect((JSON.parse(t.out()) as RunReport).settings.learn.map((l) => l.path)).toEqual([words]);
  });
});
