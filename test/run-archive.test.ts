/**
 * The run's own logic over a small folder, with stand-in stages (test/run-fakes.ts): outputs,
 * report, resume, --force, atomicity, failures, the index. The real stages are covered by
 * test/run-e2e.test.ts.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runArchive, type InputRecord, type RunEvent, type RunOptions, type RunReport } from '../src/run/index.js';
import { tempPathFor } from '../src/run/atomic-write.js';
import { fakeStages } from './run-fakes.js';

let root: string;
let dir: string;
let out: string;

async function tree(folder: string): Promise<Record<string, { size: number; mtimeMs: number }>> {
  const result: Record<string, { size: number; mtimeMs: number }> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    result[relative(folder, path)] = { size: info.size, mtimeMs: info.mtimeMs };
  }
  return result;
}

const statuses = (report: RunReport) => Object.fromEntries(report.inputs.map((i) => [i.path, i.status === 'failed' ? `failed ${i.error?.code}` : i.status]));

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arkiv-run-'));
  dir = join(root, 'archive');
  out = join(root, 'out');
  await mkdir(join(dir, 'pdf/sub'), { recursive: true });
  await mkdir(join(dir, 'text'), { recursive: true });
  await writeFile(join(dir, 'pdf/budget.pdf'), '%PDF-fake\nBudget 2020 for teh school\fpage two');
  await writeFile(join(dir, 'pdf/sub/BUDGET-scan.PDF'), '%PDF-fake\n[scan] Budget 2020 for teh schoo1');
  await writeFile(join(dir, 'pdf/broken.pdf'), '%PDF-fake\nBROKEN');
  await writeFile(join(dir, 'pdf/crash.pdf'), 'CRASH');
  await writeFile(join(dir, 'text/budget-0cr.txt'), 'Budget 2020 f0r teh sch0ol');
  await writeFile(join(dir, 'text/minutes.txt'), Buffer.concat([Buffer.from('Minutes of teh meeting, '), Buffer.from([0xe5, 0xe4]), Buffer.from(' zzz')]));
  await writeFile(join(dir, 'text/empty.txt'), '');
  await writeFile(join(dir, 'notes.md'), 'not an input');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function options(extra: Partial<RunOptions> = {}, fakes = fakeStages()): RunOptions {
  return { out, workers: 2, stages: fakes.stages, ...extra };
}

describe('runArchive with stand-in stages', () => {
  it('reports every input with its status, writes text and record per input, and never touches DIR', async () => {
    const before = await tree(dir);
    const fakes = fakeStages();
    const report = await runArchive(dir, options({}, fakes));
    expect(statuses(report)).toEqual({
      'pdf/broken.pdf': 'failed CORRUPT_PDF',
      'pdf/budget.pdf': 'ok',
      'pdf/crash.pdf': 'failed INTERNAL',
      'pdf/sub/BUDGET-scan.PDF': 'ok',
      'text/budget-0cr.txt': 'ok',
      'text/empty.txt': 'failed EMPTY',
      'text/minutes.txt': 'ok',
    });
    expect(report.inputs.map((i) => i.path)).toEqual(Object.keys(statuses(report)).sort());
    const broken = report.inputs.find((i) => i.path === 'pdf/broken.pdf');
    expect(broken?.error).toEqual({ code: 'CORRUPT_PDF', message: 'pdf/broken.pdf (page 2): the PDF structure is damaged', page: 2 });
    expect(report.inputs.find((i) => i.path === 'pdf/crash.pdf')?.error?.message).toBe('unexpected error: cannot read properties of undefined');
    expect(report.inputs.find((i) => i.path === 'text/minutes.txt')?.warnings).toEqual([
      '2 bytes not valid UTF-8, replaced by U+FFFD',
    ]);
    expect(report.totals).toMatchObject({ inputs: 7, ok: 4, failed: 3, skipped: 0, warned: 2, pages: 3, ocrPages: 1, corrections: 4, clusters: 2, versioned: 1, duplicates: 2, ignored: 0 });

    expect(await readFile(join(out, 'pdf/budget.pdf.txt'), 'utf8')).toBe('Budget 2020 for the school\fpage two');
    const record = JSON.parse(await readFile(join(out, 'pdf/budget.pdf.json'), 'utf8')) as InputRecord;
    expect(record.pages).toEqual([
      { number: 1, source: 'text', warnings: [], offset: 0, length: 26 },
      { number: 2, source: 'text', warnings: [], offset: 27, length: 8 },
    ]);
    expect(record.quality).toEqual({ ocrConfidence: null, lexiconShare: 0.9, corrections: 1, ocrPages: 0 });
    expect(record.settings).toMatchObject({ ocr: 'auto', repair: true, pageTimeoutMs: null, learn: [] });
    const scan = JSON.parse(await readFile(join(out, 'pdf/sub/BUDGET-scan.PDF.json'), 'utf8')) as InputRecord;
    expect(scan.quality.ocrConfidence).toBe(80);
    expect(scan.warnings).toEqual(['page 1: no text layer, OCR']);
    expect(scan.sketch.origin).toBe('ocr');

    // Failed inputs have no outputs; the others have exactly their two files; the DIR is unchanged.
    expect(Object.keys(await tree(out)).sort()).toEqual([
      'pdf/budget.pdf.json', 'pdf/budget.pdf.txt', 'pdf/sub/BUDGET-scan.PDF.json', 'pdf/sub/BUDGET-scan.PDF.txt',
      'report.json', 'report.md',
      'text/budget-0cr.txt.json', 'text/budget-0cr.txt.txt', 'text/minutes.txt.json', 'text/minutes.txt.txt',
    ]);
    expect(await tree(dir)).toEqual(before);
    expect(fakes.stats.closed).toBe(1);
  });

  it('clusters the versions, the born-digital one canonical, and writes the same report to report.json', async () => {
    const report = await runArchive(dir, options());
    expect(report.clusters).toEqual([
      {
        id: 'c1',
        canonical: { path: 'pdf/budget.pdf', reason: 'born-digital' },
        members: [
          { path: 'pdf/budget.pdf', similarity: 1, containment: 1 },
          { path: 'pdf/sub/BUDGET-scan.PDF', similarity: 0.9, containment: 1 },
          { path: 'text/budget-0cr.txt', similarity: 0.9, containment: 1 },
        ],
      },
      // A document without other versions is a cluster of one (as in dedupe --json).
      { id: 'c2', canonical: { path: 'text/minutes.txt', reason: 'born-digital' }, members: [{ path: 'text/minutes.txt', similarity: 1, containment: 1 }] },
    ]);
    const byPath = Object.fromEntries(report.inputs.map((i) => [i.path, [i.cluster, i.canonical]]));
    expect(byPath['pdf/budget.pdf']).toEqual(['c1', true]);
    expect(byPath['text/budget-0cr.txt']).toEqual(['c1', false]);
    expect(byPath['text/minutes.txt']).toEqual(['c2', true]);
    expect(byPath['pdf/broken.pdf']).toEqual([undefined, undefined]);
    expect(JSON.parse(await readFile(join(out, 'report.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).toContain('7 inputs: 4 ok, 3 failed');
    expect(md).toContain('| pdf/sub/BUDGET-scan.PDF | ok | 1 (1 OCR) | 1 | c1 | no | 1 |');
    expect(md).toContain('- `pdf/broken.pdf`: CORRUPT_PDF: pdf/broken.pdf (page 2): the PDF structure is damaged');
    expect(md).toContain('- `text/empty.txt`: EMPTY: the file is empty');
    expect(report.inputs.find((i) => i.path === 'text/empty.txt')?.error?.message).toBe('text/empty.txt: the file is empty');
    expect(md).toContain('| text/minutes.txt | ok |  | 1 |  |  | 1 |');
    expect(md).toContain('Canonical: `pdf/budget.pdf`, born-digital.');
    expect(md).toContain('1 document with several versions (2 duplicates)');
    expect(md).toContain('The other 1 input read have no other version here.');
    expect(md).not.toContain('### c2');
  });

  it('reuses current outputs on a rerun (same clusters, files untouched) and redoes all with force', async () => {
    const fakes = fakeStages();
    const first = await runArchive(dir, options({}, fakes));
    const outputs = await tree(out);
    fakes.stats.extracted.length = 0;
    fakes.stats.read.length = 0;

    const second = await runArchive(dir, options({}, fakes));
    expect(second.totals.skipped).toBe(4);
    expect(second.inputs.filter((i) => i.skipped).map((i) => i.path)).toEqual(['pdf/budget.pdf', 'pdf/sub/BUDGET-scan.PDF', 'text/budget-0cr.txt', 'text/minutes.txt']);
    // Only the failed inputs were read again.
    expect([...fakes.stats.extracted, ...fakes.stats.read].map((p) => relative(dir, p)).sort()).toEqual(['pdf/broken.pdf', 'pdf/crash.pdf', 'text/empty.txt']);
    expect(second.clusters).toEqual(first.clusters);
    const { 'report.json': _a, 'report.md': _b, ...kept } = await tree(out);
    const { 'report.json': _c, 'report.md': _d, ...was } = outputs;
    expect(kept).toEqual(was);

    const forced = await runArchive(dir, options({ force: true }, fakes));
    expect(forced.totals.skipped).toBe(0);
    // The second run re-read the two failed PDFs; the forced one all four.
    expect(fakes.stats.extracted.length).toBe(2 + 4);
    expect((await stat(join(out, 'pdf/budget.pdf.json'))).mtimeMs).toBeGreaterThanOrEqual(outputs['pdf/budget.pdf.json']?.mtimeMs ?? Infinity);
  });

  it('redoes an input that changed or whose settings changed, and only that', async () => {
    await runArchive(dir, options());
    const later = new Date(Date.now() + 60_000);
    await writeFile(join(dir, 'text/minutes.txt'), 'Minutes, corrected');
    await utimes(join(dir, 'text/minutes.txt'), later, later);
    const changed = await runArchive(dir, options());
    expect(changed.inputs.filter((i) => i.status === 'ok' && !i.skipped).map((i) => i.path)).toEqual(['text/minutes.txt']);
    expect(await readFile(join(out, 'text/minutes.txt.txt'), 'utf8')).toBe('Minutes, corrected');

    const unrepaired = await runArchive(dir, options({ repair: false }));
    expect(unrepaired.totals.skipped).toBe(0);
    expect(await readFile(join(out, 'pdf/budget.pdf.txt'), 'utf8')).toBe('Budget 2020 for teh school\fpage two');
  });

  it('keeps finished work when only a limit changes (adding --page-timeout redoes nothing)', async () => {
    await runArchive(dir, options());
    const limited = await runArchive(dir, options({ pageTimeoutMs: 5000, limits: { fileTimeoutMs: 1000, memoryMb: 512 } }));
    expect(limited.totals.skipped).toBe(4);
    expect(limited.settings.pageTimeoutMs).toBe(5000);
  });

  it('redoes every input when a --learn word list changes, and not when it stays the same', async () => {
    const words = join(root, 'words.txt');
    await writeFile(words, 'Linköping Östergötland');
    await runArchive(dir, options({ learn: [words] }));
    expect((await runArchive(dir, options({ learn: [words] }))).totals.skipped).toBe(4);
    await writeFile(words, 'Linköping Östergötland Norrköping');
    const changed = await runArchive(dir, options({ learn: [words] }));
    expect(changed.totals.skipped).toBe(0);
    expect(changed.settings.learn).toEqual([{ path: words, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it('redoes an input whose record is damaged or missing its text, and removes outputs of an input that now fails', async () => {
    await runArchive(dir, options());
    await writeFile(join(out, 'pdf/budget.pdf.json'), '{"input": ');
    await rm(join(out, 'text/budget-0cr.txt.txt'));
    const again = await runArchive(dir, options());
    expect(again.inputs.filter((i) => i.status === 'ok' && !i.skipped).map((i) => i.path)).toEqual(['pdf/budget.pdf', 'text/budget-0cr.txt']);

    const later = new Date(Date.now() + 60_000);
    await writeFile(join(dir, 'pdf/budget.pdf'), '%PDF-fake\nBROKEN now');
    await utimes(join(dir, 'pdf/budget.pdf'), later, later);
    const broken = await runArchive(dir, options());
    expect(statuses(broken)['pdf/budget.pdf']).toBe('failed CORRUPT_PDF');
    await expect(stat(join(out, 'pdf/budget.pdf.txt'))).rejects.toThrow();
    await expect(stat(join(out, 'pdf/budget.pdf.json'))).rejects.toThrow();
  });

  it('sweeps temp files a killed run left, so OUT holds only whole files', async () => {
    await mkdir(join(out, 'pdf'), { recursive: true });
    const half = tempPathFor(join(out, 'pdf/budget.pdf.txt'));
    await writeFile(half, 'Budget 20');
    await runArchive(dir, options());
    expect(await readdir(join(out, 'pdf'))).not.toContain(half.split('/').pop());
    expect((await readdir(out, { recursive: true })).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
  });

  it('emits progress events: start, each input, pages, clustering, done', async () => {
    const events: RunEvent[] = [];
    await runArchive(dir, options({ workers: 1, onEvent: (e) => events.push(e) }));
    expect(events[0]).toEqual({ type: 'start', files: 7, bytes: expect.any(Number) });
    expect(events.filter((e) => e.type === 'input-done').length).toBe(7);
    expect(events.filter((e) => e.type === 'page').map((e) => (e.type === 'page' ? `${e.path}:${e.page}/${e.pages}` : ''))).toEqual([
      'pdf/budget.pdf:1/2', 'pdf/budget.pdf:2/2', 'pdf/sub/BUDGET-scan.PDF:1/1',
    ]);
    expect(events.at(-2)).toEqual({ type: 'cluster', sketches: 4 });
    expect(events.at(-1)?.type).toBe('done');
  });

  it('stops when aborted, keeping what was written whole, and writes the report of what was done', async () => {
    const controller = new AbortController();
    const report = await runArchive(dir, options({ workers: 1, signal: controller.signal, onEvent: (e) => e.type === 'input-done' && controller.abort() }));
    expect(report.aborted).toBe(true);
    expect(report.inputs).toHaveLength(7);
    // The one input read before the stop is reported as it went; every other one as not read.
    expect(report.inputs[0]?.error?.code).not.toBe('ABORTED');
    expect(report.inputs.slice(1).every((i) => i.error?.code === 'ABORTED' && i.error.message.startsWith(i.path))).toBe(true);
    expect(JSON.parse(await readFile(join(out, 'report.json'), 'utf8'))).toMatchObject({ aborted: true });
    // The lock is released.
    expect(await readdir(out)).not.toContain('.arkivtext.lock');
  });

  it('with an index, reports versions archived by an earlier run and adds this run', async () => {
    const fakes = fakeStages();
    const index = join(root, 'index.sqlite');
    const first = await runArchive(dir, options({ index }, fakes));
    expect(first.inputs.every((i) => i.indexMatches === undefined)).toBe(true);
    expect([...(fakes.stats.indexes.get(index)?.keys() ?? [])].sort()).toEqual(
      ['pdf/budget.pdf', 'pdf/sub/BUDGET-scan.PDF', 'text/budget-0cr.txt', 'text/minutes.txt'].map((p) => join(dir, p)),
    );
    // Tomorrow: a new folder with another version of the budget.
    const tomorrow = join(root, 'tomorrow');
    await mkdir(tomorrow);
    await writeFile(join(tomorrow, 'budget-v2.txt'), 'Budget 2021 for the school');
    const second = await runArchive(tomorrow, { ...options({ index }, fakes), out: join(root, 'out2') });
    expect(second.inputs[0]?.indexMatches?.map((m) => m.path)).toEqual(['pdf/budget.pdf', 'pdf/sub/BUDGET-scan.PDF', 'text/budget-0cr.txt'].map((p) => join(dir, p)));
    expect(await readFile(join(root, 'out2/report.md'), 'utf8')).toContain('## Versions archived earlier (index)');
  });

  it('refuses OUT inside DIR before reading anything', async () => {
    const fakes = fakeStages();
    await expect(runArchive(dir, options({ out: join(dir, 'out') }, fakes))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(fakes.stats.read).toEqual([]);
    await expect(stat(join(dir, 'out'))).rejects.toThrow();
  });
});
