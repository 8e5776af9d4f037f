/**
 * The resident-memory limit of the processes that read inputs (run/isolate.ts), both ways of
 * watching it: from outside in /proc (Linux) and, where there is no /proc, by a thread in the child
 * that kills its own process past the limit. Both must report OUT_OF_MEMORY naming the file, and
 * the child's watch must not disturb a child within its limit. Needs the built child
 * (`npm run build`: dist/run-worker.js); a child with its lexicon loaded holds well over 60 MB.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ArkivError } from '../src/errors.js';
import { DEFAULT_LIMITS, InputIsolates, defaultRssWatch, type RssWatch } from '../src/run/isolate.js';
import { runSettings } from '../src/run/settings.js';
import type { WalkEntry } from '../src/run/walk.js';

const ROOT = resolve(__dirname, '..');
const CHILD = join(ROOT, 'dist/run-worker.js');
const built = existsSync(CHILD);
const FILE = join(ROOT, 'fixtures/archive/text/002-clean.txt');

let open: InputIsolates | undefined;
const out = mkdtempSync(join(tmpdir(), 'arkiv-rss-'));
afterEach(async () => {
  await open?.close();
  open = undefined;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function readWith(watch: RssWatch, rssMb: number): Promise<unknown> {
  const info = await stat(FILE);
  const entry: WalkEntry = { path: '002-clean.txt', absolute: FILE, kind: 'text', size: info.size, mtimeMs: info.mtimeMs };
  const settings = await runSettings({ ocr: 'auto', repair: true, learn: [] });
  open = new InputIsolates(CHILD, { ...DEFAULT_LIMITS, rssMb }, [], watch);
  return open.read(entry, settings, { ocrWorkers: 1, out });
}

async function failure(watch: RssWatch, rssMb: number): Promise<ArkivError> {
  try {
    await readWith(watch, rssMb);
  } catch (error) {
    if (error instanceof ArkivError) return error;
    throw error;
  }
  throw new Error('read within the limit');
}

describe.skipIf(!built)('the resident-memory limit of a reading process (needs `npm run build`)', () => {
  it('is watched from /proc on Linux, by the child elsewhere', () => {
    expect(defaultRssWatch()).toBe(process.platform === 'linux' && existsSync('/proc/self/statm') ? 'proc' : 'child');
  });

  it('by the child (no /proc): past the limit the child ends itself and the input is OUT_OF_MEMORY', async () => {
    const error = await failure('child', 60);
    expect(error.code).toBe('OUT_OF_MEMORY');
    expect(error.message).toMatch(/^002-clean\.txt: reading it took more than the 60 MB .*\(\d+ MB; limit: --memory\)/);
  }, 120_000);

  it('by the child: within the limit the input is read as without it', async () => {
    const written = (await readWith('child', DEFAULT_LIMITS.rssMb)) as { record: { quality: { lexiconShare: number } } };
    expect(written.record.quality.lexiconShare).toBeGreaterThan(0.5);
    expect(readFileSync(join(out, '002-clean.txt.txt'), 'utf8')).toContain('kommun');
  }, 120_000);

  it('gives a child whose input failed back for the next input (no child per failed input)', async () => {
    const empty = join(out, 'empty.txt');
    writeFileSync(empty, '');
    const settings = await runSettings({ ocr: 'auto', repair: true, learn: [] });
    open = new InputIsolates(CHILD, { ...DEFAULT_LIMITS }, []);
    const entry = (absolute: string, path: string): WalkEntry => ({ path, absolute, kind: 'text', size: statSync(absolute).size, mtimeMs: 0 });
    for (let i = 0; i < 3; i++) await expect(open.read(entry(empty, 'empty.txt'), settings, { ocrWorkers: 1, out })).rejects.toMatchObject({ code: 'EMPTY' });
    await open.read(entry(FILE, '002-clean.txt'), settings, { ocrWorkers: 1, out });
    expect((open as unknown as { all: Set<unknown> }).all.size).toBe(1);
  }, 120_000);

  it.skipIf(defaultRssWatch() !== 'proc')('from /proc: the same report', async () => {
    const error = await failure('proc', 60);
    expect(error.code).toBe('OUT_OF_MEMORY');
    expect(error.message).toMatch(/^002-clean\.txt: reading it took more than the 60 MB .*\(\d+ MB; limit: --memory\)/);
  }, 120_000);
});
