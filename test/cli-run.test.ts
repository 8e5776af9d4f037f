import { PassThrough } from 'node:stream';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeIO, type FakeIO } from './fake-io.js';
import { makeRunCommand } from '../src/cli/run.js';
import { createProgress, formatDuration } from '../src/run/progress.js';
import { fakeStages } from './run-fakes.js';

let root: string;
let dir: string;

function io(tty = false): FakeIO {
  return fakeIO({ cwd: root, stderrIsTTY: tty });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arkiv-cli-run-'));
  dir = join(root, 'archive');
  await mkdir(dir);
  await writeFile(join(dir, 'a.pdf'), '%PDF-fake\nBudget for teh school');
  await writeFile(join(dir, 'b.txt'), 'Budget f0r the sch0ol');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('arkivtext run', () => {
  const command = () => makeRunCommand(fakeStages().stages);

  it('exits 0 when every input is ok, logging one line per input on a non-terminal', async () => {
    const t = io();
    expect(await command()(['archive', '--out', 'out'], t)).toBe(0);
    const lines = t.err().split('\n');
    expect(lines[0]).toBe('arkivtext run: 2 inputs');
    // Two at a time, so the order of the two done lines is not fixed.
    expect(lines.slice(1, 3).map((l) => l.replace(/\d+\.\d s\)$/, 'N s)').replace(/^\[\d/, '[n')).sort()).toEqual([
      '[n/2] ok a.pdf (1 page, 1 correction, N s)',
      '[n/2] ok b.txt (0 corrections, N s)',
    ]);
    expect(lines.slice(3)).toEqual([
      'arkivtext run: clustering 2 documents',
      expect.stringMatching(/^arkivtext run: 2 inputs, 2 ok, 0 failed; 1 page \(0 OCR\); 1 document with several versions; \d+\.\d s\. Report: .*\/out\/report\.md$/),
      '',
    ]);
    expect(t.out()).toBe('');
    expect(JSON.parse(await readFile(join(root, 'out/report.json'), 'utf8')).totals.ok).toBe(2);
  });

  it('exits 1 when an input failed, still reporting all; --json prints the report; --quiet is silent', async () => {
    await writeFile(join(dir, 'c.pdf'), 'not a pdf');
    const t = io();
    expect(await command()(['archive', '-o', 'out', '--json', '--quiet'], t)).toBe(1);
    expect(t.err()).toBe('');
    const report = JSON.parse(t.out()) as { inputs: { path: string; status: string }[] };
    expect(report.inputs.map((i) => `${i.path} ${i.status}`)).toEqual(['a.pdf ok', 'b.txt ok', 'c.pdf failed']);
  });

  it('exits 2 on wrong usage, saying what is wrong', async () => {
    await writeFile(join(root, 'file.txt'), 'x');
    const cases: [string[], RegExp][] = [
      [['--out', 'out'], /missing DIR/],
      [['archive'], /missing --out OUT/],
      [['archive', 'other', '--out', 'out'], /one DIR at a time/],
      [['nowhere', '--out', 'out'], /nowhere: no such folder/],
      [['file.txt', '--out', 'out'], /file\.txt: is not a folder/],
      [['archive', '--out', 'archive/out'], /inside the input folder/],
      [['archive', '--out', 'out', '--ocr', 'sometimes'], /--ocr must be auto, always or never/],
      [['archive', '--out', 'out', '--workers', '0'], /--workers must be a positive whole number/],
      [['archive', '--out', 'out', '--learn', 'missing.txt'], /missing\.txt: cannot read the word list/],
      [['archive', '--out', 'out', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const t = io();
      expect(await command()(args, t), args.join(' ')).toBe(2);
      expect(t.err()).toMatch(message);
    }
  });

  it('--help lists the options and exits 0', async () => {
    const t = io();
    expect(await command()(['--help'], t)).toBe(0);
    for (const option of ['--out', '--ocr', '--no-repair', '--learn', '--workers', '--page-timeout', '--force', '--index', '--json', '--quiet']) expect(t.out()).toContain(option);
  });

  it('--no-repair and --force reach the run (settings recorded, nothing reused)', async () => {
    expect(await command()(['archive', '--out', 'out', '-q'], io())).toBe(0);
    const t = io();
    expect(await command()(['archive', '--out', 'out', '--no-repair', '--force', '--json', '-q'], t)).toBe(0);
    const report = JSON.parse(t.out()) as { settings: { repair: boolean }; totals: { skipped: number } };
    expect(report.settings.repair).toBe(false);
    expect(report.totals.skipped).toBe(0);
    expect(await readFile(join(root, 'out/a.pdf.txt'), 'utf8')).toBe('Budget for teh school');
  });

  it('passes --ocr, --workers and --page-timeout to PDF extraction, and records them where they change the output', async () => {
    const fakes = fakeStages();
    const t = io();
    expect(await makeRunCommand(fakes.stages)(['archive', '--out', 'out', '--ocr', 'never', '--workers', '3', '--page-timeout', '5000', '--json', '-q'], t)).toBe(0);
    expect(fakes.stats.pdfOptions).toMatchObject({ ocr: 'never', workers: 3, pageTimeoutMs: 5000, repair: true, fileName: 'a.pdf' });
    expect((JSON.parse(t.out()) as { settings: object }).settings).toMatchObject({ ocr: 'never', pageTimeoutMs: 5000, repair: true });
  });

  it('draws a progress bar on a terminal, with failures above it', async () => {
    await writeFile(join(dir, 'c.pdf'), 'not a pdf');
    const t = io(true);
    expect(await command()(['archive', '--out', 'out'], t)).toBe(1);
    expect(t.err()).toContain('\r\x1b[K[');
    expect(t.err()).toMatch(/\] 3\/3 files · 1 pages · ETA/);
    expect(t.err()).toContain('FAILED c.pdf: not a PDF\n');
  });
});

describe('progress', () => {
  it('formats durations as m:ss or h:mm:ss', () => {
    expect([0, 59.4, 61, 3600 + 62].map(formatDuration)).toEqual(['0:00', '0:59', '1:01', '1:01:02']);
  });

  it('estimates the time left from the bytes done, leaving reused inputs out', () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (d: Buffer) => (text += d.toString()));
    let clock = 0;
    const progress = createProgress({ stream, tty: true, now: () => clock });
    progress({ type: 'start', files: 3, bytes: 400 });
    progress({ type: 'input-done', input: { path: 'r.txt', kind: 'text', status: 'ok', warnings: [], skipped: true, seconds: 0 }, bytes: 100 });
    clock = 10_000;
    progress({ type: 'input-done', input: { path: 'a.pdf', kind: 'pdf', status: 'ok', warnings: [], pages: 4, seconds: 10 }, bytes: 100 });
    // 100 of the 300 bytes to do took 10 s: 20 s left.
    expect(text.split('\r\x1b[K').at(-1)).toBe('[#############.......] 2/3 files · 4 pages · ETA 0:20');
  });
});
