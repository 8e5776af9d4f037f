/**
 * The persistent index refuses what is not its own before changing anything, and several
 * processes writing one new index at once lose nothing (transactions, busy timeout).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIndex } from '../src/dedupe/index.js';
import { runArchive } from '../src/run/index.js';
import { fakeStages } from './run-fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arkiv-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openIndex refuses what is not an arkivtext index', () => {
  it("another program's SQLite file: refused, named, and left as it was (no tables added, no WAL)", () => {
    const file = join(dir, 'app.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('a');");
    other.close();
    const before = readFileSync(file);
    expect(() => openIndex(file)).toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}: is not an arkivtext dedupe index \\(it holds the tables users\\)`));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a file that is no database: refused as such', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'these are notes, not a database\n'.repeat(100));
    expect(() => openIndex(file)).toThrow(/notes\.txt: is not an arkivtext dedupe index \(not an SQLite database/);
  });

  it('an index made with other fingerprint settings: refused before the run reads any input', async () => {
    const index = join(dir, 'index.sqlite');
    openIndex(index, { permutations: 64 }).close();
    const archive = join(dir, 'archive');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(archive);
    writeFileSync(join(archive, 'a.txt'), 'text');
    const fakes = fakeStages();
    fakes.stages.openIndex = (path) => {
      const real = openIndex(path, { permutations: 256 });
      return { query: (s) => real.query(s), add: (s) => void real.add(s), close: () => real.close() };
    };
    await expect(runArchive(archive, { out: join(dir, 'out'), stages: fakes.stages, index })).rejects.toThrow(/index\.sqlite: the index was made with permutations 64, not 256/);
    expect(fakes.stats.read).toEqual([]);
  });
});

const DIST = resolve(__dirname, '../dist/index.js');

describe.skipIf(!existsSync(DIST))('several processes writing one new index at once', () => {
  it('lose no document', async () => {
    const file = join(dir, 'shared.sqlite');
    const writers = 4;
    const perWriter = 25;
    const code = `
      const { openIndex } = await import(${JSON.stringify(DIST)});
      const [w, n, file] = process.argv.slice(1);
      const index = openIndex(file);
      for (let i = 0; i < Number(n); i++) index.add({ id: 'w' + w + '-' + i, text: 'Dokument ' + w + ' nummer ' + i + ' om skolan och kommunen i länet ' + 'ord '.repeat(i) });
      index.close();`;
    const exits = await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        new Promise<number | null>((done) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', code, String(w), String(perWriter), file], { stdio: ['ignore', 'ignore', 'inherit'] });
          child.on('close', done);
        }),
      ),
    );
    expect(exits).toEqual(Array(writers).fill(0));
    const index = openIndex(file);
    expect(index.size).toBe(writers * perWriter);
    index.close();
  }, 120_000);
});
