/**
 * The run against what a share holds and what an output folder can hold (stand-in stages): names
 * that sanitise alike, names that are not UTF-8, PDFs by content, links inside OUT, a second run
 * on one OUT, a folder with nothing to read.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runArchive, type RunOptions, type RunReport } from '../src/run/index.js';
import { lockOut, LOCK_NAME } from '../src/run/lock.js';
import { fakeIO } from './fake-io.js';
import { makeRunCommand } from '../src/cli/run.js';
import { fakeStages } from './run-fakes.js';

let root: string;
let dir: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arkiv-names-'));
  dir = join(root, 'archive');
  out = join(root, 'out');
  await mkdir(dir, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const options = (extra: Partial<RunOptions> = {}): RunOptions => ({ out, workers: 1, stages: fakeStages().stages, ...extra });
const byPath = (report: RunReport) => Object.fromEntries(report.inputs.map((i) => [i.path, i]));

describe('names', () => {
  it('gives a\\nb.txt, a\\rb.txt and a_b.txt three outputs', async () => {
    for (const name of ['a\nb.txt', 'a\rb.txt', 'a_b.txt']) await writeFile(join(dir, name), `text of ${JSON.stringify(name)}`);
    const report = await runArchive(dir, options());
    expect(report.inputs.map((i) => i.status)).toEqual(['ok', 'ok', 'ok']);
    const outputs = report.inputs.map((i) => i.outputs!.text);
    expect(new Set(outputs).size).toBe(3);
    for (const input of report.inputs) expect(await readFile(join(out, input.outputs!.text), 'utf8')).toBe(`text of ${JSON.stringify(input.path)}`);
  });

  it('reads a name that is not UTF-8 by its bytes, reports it, and refuses one that would share its output', async () => {
    const latin1 = Buffer.concat([Buffer.from(join(dir, 'r')), Buffer.from([0xe4]), Buffer.from('kning.txt')]);
    await writeFile(latin1, 'Latin-1 name');
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'räkning.txt'), 'UTF-8 name');
    const report = await runArchive(dir, options());
    const input = byPath(report)['räkning.txt']!;
    expect(input.status).toBe('ok');
    expect(input.warnings.join(' ')).toMatch(/not valid UTF-8/);
    expect(await readFile(join(out, input.outputs!.text), 'utf8')).toBe('Latin-1 name');
    // The same name once in UTF-8 and once in Latin-1 in one folder: the second is refused.
    await writeFile(join(dir, 'räkning.txt'), 'UTF-8 name beside it');
    const again = await runArchive(dir, options({ force: true }));
    const codes = again.inputs.filter((i) => i.path === 'räkning.txt').map((i) => i.status === 'ok' ? 'ok' : i.error!.code).sort();
    expect(codes).toEqual(['NAME_COLLISION', 'ok']);
  });
});

describe('content', () => {
  it('reads a PDF named .txt or without extension as a PDF, and counts files it skips', async () => {
    await writeFile(join(dir, 'scan.txt'), '%PDF-fake\nBudget as PDF');
    await writeFile(join(dir, 'noext'), '%PDF-fake\nAnother PDF');
    await writeFile(join(dir, 'photo.jpg'), 'JFIF not a pdf');
    const fakes = fakeStages();
    const report = await runArchive(dir, options({ stages: fakes.stages }));
    expect(report.inputs.map((i) => [i.path, i.kind, i.status])).toEqual([['noext', 'pdf', 'ok'], ['scan.txt', 'pdf', 'ok']]);
    expect(byPath(report)['scan.txt']!.warnings.join(' ')).toMatch(/read as a PDF/);
    expect(fakes.stats.read).toEqual([]);
    expect(report.skipped).toBe(1);
  });

  it('on a folder with nothing to read, says what was skipped and exits 1', async () => {
    await writeFile(join(dir, 'photo.jpg'), 'JFIF');
    await writeFile(join(dir, 'notes.md'), 'notes');
    const io = fakeIO({ cwd: root });
    const code = await makeRunCommand(fakeStages().stages)([dir, '--out', out], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/no PDF or text file to read .*2 file\(s\) are neither PDF nor text and were skipped/);
  });
});

describe('the output folder', () => {
  it('follows no link inside OUT: the input fails and nothing is written outside', async () => {
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'x.txt'), 'text');
    const elsewhere = join(root, 'elsewhere');
    await mkdir(elsewhere);
    await mkdir(out);
    await symlink(elsewhere, join(out, 'sub'));
    const report = await runArchive(dir, options());
    expect(report.inputs[0]).toMatchObject({ path: 'sub/x.txt', status: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(report.inputs[0]!.error!.message).toMatch(/symbolic link/);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('is locked: a second run names the process that holds it and exits 2; a dead holder is taken over', async () => {
    await writeFile(join(dir, 'x.txt'), 'text');
    await mkdir(out);
    const unlock = await lockOut(out);
    const io = fakeIO({ cwd: root });
    const code = await makeRunCommand(fakeStages().stages)([dir, '--out', out], io);
    expect(code).toBe(2);
    expect(io.err()).toContain(`in use by another arkivtext run (process ${process.pid}`);
    await expect(stat(join(out, 'report.json'))).rejects.toThrow();
    await unlock();
    // A lock left by a process that is gone.
    await writeFile(join(out, LOCK_NAME), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), started: 'then' }));
    const report = await runArchive(dir, options());
    expect(report.totals.ok).toBe(1);
    expect(await readdir(out)).not.toContain(LOCK_NAME);
  });
});
