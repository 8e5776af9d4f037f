/**
 * `arkivtext run` over what an archive can hold: the hostile inputs of
 * scripts/make-hostile-fixtures.ts (generated into a temp folder — several are megabytes, one
 * decodes to gigabytes) beside good files, through the built CLI (dist/cli.js, which reads each
 * input in a child process with limits) under GNU time. It must finish (the test's timeout is far
 * above the expected minute or two), report every good input ok with the same bytes as a clean
 * run of the good files alone, report every hostile one with its code, stay under 1.5 GB of peak
 * RSS (measured from outside: GNU time counts the children the run waited for), and write nothing
 * outside OUT.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../src/run/index.js';
import { makeHostileFixtures, type HostileExpectation } from '../scripts/make-hostile-fixtures.js';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const built = existsSync(CLI) && existsSync(join(ROOT, 'dist/run-worker.js'));
const GOOD = ['text/002-clean.txt', 'ocr-text/004-ocr.txt', 'born/000-born.pdf'];
const PEAK_RSS_KB = 1.5 * 1024 * 1024;

let root: string;
let input: string;
let out: string;
let expected: Record<string, HostileExpectation>;
let report: RunReport;
let code: number | null;
let stderr: string;
let peakKb = 0;
let before: string[];

/** Every path under `folder` (files, folders and links; names as bytes, read as Latin-1), for "nothing written outside OUT". */
async function listing(folder: string, skip: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (at: Buffer): Promise<void> => {
    for (const e of await readdir(at, { withFileTypes: true, encoding: 'buffer' })) {
      const path = Buffer.concat([at, Buffer.from('/'), e.name as unknown as Buffer]);
      const shown = path.toString('latin1');
      if (shown.startsWith(skip)) continue;
      found.push(shown);
      if (e.isDirectory()) await visit(path);
    }
  };
  await visit(Buffer.from(folder));
  return found.sort();
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('/usr/bin/time', ['-v', process.execPath, CLI, 'run', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (c) => done({ code: c, stdout, stderr: err }));
  });
}

beforeAll(async () => {
  if (!built) return;
  root = await mkdtemp(join(tmpdir(), 'arkiv-hostile-'));
  expected = await makeHostileFixtures(root);
  input = join(root, 'in');
  out = join(root, 'out');
  for (const good of GOOD) {
    await mkdir(join(input, 'good', good, '..'), { recursive: true });
    await cp(join(ROOT, 'fixtures/archive', good), join(input, 'good', good));
    expected[`good/${good}`] = { status: 'ok' };
  }
  // A link inside OUT, to a folder outside it: the input whose output would go through it fails.
  await mkdir(join(input, 'linked'));
  await cp(join(ROOT, 'fixtures/archive/text/002-clean.txt'), join(input, 'linked', 'x.txt'));
  await mkdir(join(root, 'elsewhere'));
  await mkdir(out);
  await symlink(join(root, 'elsewhere'), join(out, 'linked'));
  expected['linked/x.txt'] = { status: 'failed', codes: ['INVALID_INPUT'] };
  before = await listing(root, out);

  const result = await run([input, '--out', out, '--workers', '2', '--page-timeout', '120000', '--json']);
  code = result.code;
  stderr = result.stderr;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  peakKb = rss ? Number(rss[1]) : Infinity;
  if (!result.stdout) throw new Error(`the run printed no report (exit ${code}): ${stderr.slice(-3000)}`);
  report = JSON.parse(result.stdout) as RunReport;
}, 1_200_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe.skipIf(!built)('arkivtext run over hostile inputs (needs `npm run build`)', () => {
  it('finishes, reports every input, and exits 1 (some failed)', () => {
    expect(code, stderr.slice(-2000)).toBe(1);
    expect(report.inputs.map((i) => i.path).sort()).toEqual(Object.keys(expected).sort());
  });

  it('reports each hostile input with its code, and its warning', () => {
    for (const input of report.inputs) {
      const want = expected[input.path]!;
      const got = input.status === 'ok' ? 'ok' : `failed ${input.error?.code}`;
      if (want.status === 'ok') expect(got, input.path).toBe('ok');
      if (want.status === 'failed') {
        expect(input.status, `${input.path}: ${got}`).toBe('failed');
        expect(want.codes, `${input.path}: ${input.error?.message}`).toContain(input.error?.code);
        expect(input.error?.message.startsWith(input.path), input.error?.message).toBe(true);
      }
      if (want.warn) expect(input.warnings.join('\n'), input.path).toMatch(new RegExp(want.warn));
    }
  });

  it('gives every good input the bytes a clean run of the good files alone gives', async () => {
    const clean = join(root, 'clean');
    const cleanOut = join(root, 'clean-out');
    await mkdir(clean);
    await cp(join(input, 'good'), join(clean, 'good'), { recursive: true });
    const r = await run([clean, '--out', cleanOut, '--workers', '2']);
    expect(r.code, r.stderr.slice(-1000)).toBe(0);
    for (const good of GOOD) {
      const a = await readFile(join(out, 'good', `${good}.txt`));
      const b = await readFile(join(cleanOut, 'good', `${good}.txt`));
      expect(a.equals(b), good).toBe(true);
      const ra = JSON.parse(await readFile(join(out, 'good', `${good}.json`), 'utf8')) as { corrections: unknown };
      const rb = JSON.parse(await readFile(join(cleanOut, 'good', `${good}.json`), 'utf8')) as { corrections: unknown };
      expect(ra.corrections).toEqual(rb.corrections);
    }
    await rm(clean, { recursive: true });
    await rm(cleanOut, { recursive: true });
  }, 600_000);

  it('stays under 1.5 GB of peak RSS (GNU time, from outside)', () => {
    expect(peakKb).toBeLessThan(PEAK_RSS_KB);
  });

  it('writes nothing outside OUT (the input folder and the folder a link in OUT leads to unchanged)', async () => {
    expect(await listing(root, out).then((l) => l.filter((p) => !p.startsWith(join(root, 'clean'))))).toEqual(before);
    expect(await readdir(join(root, 'elsewhere'))).toEqual([]);
    expect((await stat(join(out, 'report.json'))).isFile()).toBe(true);
  });
});

describe.skipIf(!built)('Ctrl-C during a run (needs `npm run build`)', () => {
  it('stops whatever is running, writes the report of what was done, and exits 130', async () => {
    const folder = join(root, 'stop');
    const stopOut = join(root, 'stop-out');
    await mkdir(folder);
    await cp(join(ROOT, 'fixtures/archive/text/002-clean.txt'), join(folder, 'a-clean.txt'));
    // Pages that keep pdf.js busy far longer than the test waits.
    await cp(join(input, 'xobject-bomb.pdf'), join(folder, 'b-bomb.pdf'));
    await cp(join(input, 'nested-q.pdf'), join(folder, 'c-nested.pdf'));
    const child = spawn(process.execPath, [CLI, 'run', folder, '--out', stopOut, '--workers', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let signalled = 0;
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      // Once the clean text is done and the bombs are being read: Ctrl-C.
      if (!signalled && /ok a-clean\.txt/.test(err)) {
        signalled = performance.now();
        setTimeout(() => child.kill('SIGINT'), 2000);
      }
    });
    const exit = await new Promise<number | null>((done) => child.on('close', done));
    const seconds = (performance.now() - signalled) / 1000 - 2;
    console.log(`Ctrl-C to exit: ${seconds.toFixed(2)} s`);
    expect(exit, err.slice(-2000)).toBe(130);
    // Within a second when idle (0.1–0.6 s at a load of 20); the bound only catches a run that
    // waits for what it stopped.
    expect(seconds).toBeLessThan(15);
    const stopped = JSON.parse(await readFile(join(stopOut, 'report.json'), 'utf8')) as RunReport;
    expect(stopped.aborted).toBe(true);
    expect(Object.fromEntries(stopped.inputs.map((i) => [i.path, i.status === 'ok' ? 'ok' : i.error?.code]))).toEqual({ 'a-clean.txt': 'ok', 'b-bomb.pdf': 'ABORTED', 'c-nested.pdf': 'ABORTED' });
    expect(await readdir(stopOut)).not.toContain('.arkivtext.lock');
  }, 300_000);
});

describe.skipIf(!built)('limits given on the command line (needs `npm run build`)', () => {
  it('a text file past --memory is OUT_OF_MEMORY, past --file-timeout TIMEOUT; the run goes on', async () => {
    const folder = join(root, 'limits');
    await mkdir(folder);
    await cp(join(input, 'crlf.txt'), join(folder, 'crlf.txt'));
    const memory = await run([folder, '--out', join(root, 'limits-mem'), '--memory', '100', '--json']);
    const byMemory = JSON.parse(memory.stdout) as RunReport;
    expect(byMemory.inputs[0]?.error?.code, memory.stderr.slice(-1000)).toBe('OUT_OF_MEMORY');
    expect(byMemory.inputs[0]?.error?.message).toMatch(/^crlf\.txt: .*--memory/);
    const time = await run([folder, '--out', join(root, 'limits-time'), '--file-timeout', '200', '--json']);
    const byTime = JSON.parse(time.stdout) as RunReport;
    expect(byTime.inputs[0]?.error?.code, time.stderr.slice(-1000)).toBe('TIMEOUT');
    expect(byTime.inputs[0]?.error?.message).toMatch(/^crlf\.txt: .*--file-timeout/);
  }, 300_000);

  it('a text file of 12 MB (generated) is read in pieces: ok under a --memory a whole-file repair would pass', async () => {
    // Repair held several times its input (a 10 MB file about 500 MB of heap); in pieces of 2 MB
    // (src/run/text-pieces.ts) the heap no longer grows with the file, so 400 MB does for any size.
    const folder = join(root, 'large');
    await mkdir(folder);
    const ocr = await readFile(join(ROOT, 'fixtures/archive/ocr-text/004-ocr.txt'), 'utf8');
    const text = ocr.repeat(Math.ceil(12e6 / Buffer.byteLength(ocr)));
    await writeFile(join(folder, 'large.txt'), text);
    const r = await run([folder, '--out', join(root, 'large-out'), '--memory', '400', '--json']);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.inputs[0]?.status, JSON.stringify(report.inputs[0]?.error)).toBe('ok');
    const record = JSON.parse(await readFile(join(root, 'large-out', 'large.txt.json'), 'utf8')) as { corrections: { offset: number; length: number; before: string }[] };
    expect(record.corrections.length).toBeGreaterThan(1000);
    // The pieces' corrections point into the whole file (spot checks along it).
    for (const c of record.corrections.filter((_, i) => i % 997 === 0)) expect(text.slice(c.offset, c.offset + c.length)).toBe(c.before);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    console.log(`12 MB text file: peak RSS ${Math.round(Number(rss?.[1]) / 1024)} MB, ${report.inputs[0]?.seconds} s`);
    expect(Number(rss?.[1])).toBeLessThan(PEAK_RSS_KB);
    await rm(folder, { recursive: true });
    await rm(join(root, 'large-out'), { recursive: true });
  }, 900_000);

  it('--max-form-depth: the nine-level form bomb past a limit of 4 is TOO_DEEP at once, naming the page', async () => {
    const folder = join(root, 'depth');
    await mkdir(folder);
    await cp(join(input, 'xobject-bomb.pdf'), join(folder, 'bomb.pdf'));
    const r = await run([folder, '--out', join(root, 'depth-out'), '--max-form-depth', '4', '--json']);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.inputs[0]?.error?.code, r.stderr.slice(-1000)).toBe('TOO_DEEP');
    expect(report.inputs[0]?.error?.page).toBe(1);
    expect(report.inputs[0]?.error?.message).toMatch(/^bomb\.pdf \(page 1\): .*deeper than 4 levels \(limit: --max-form-depth\)/);
  }, 300_000);
});
