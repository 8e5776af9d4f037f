import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { officialCounts, officialDataDir } from '../src/official-data.js';

// The one reader of the official counts the build scripts use (src/official-data.ts).

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('official counts', () => {
  it('reads key<sep>count lines, splitting at the last separator, skipping lines without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arkiv-official-'));
    writeFileSync(join(dir, 'pairs.tsv'), 'och att\t12\nsom\t3\n\nbroken\n');
    writeFileSync(join(dir, 'subs.txt'), 'jag 45\när 3\n');
    expect(officialCounts('pairs.tsv', '\t', dir)).toEqual([['och att', 12], ['som', 3]]);
    expect(officialCounts('subs.txt', ' ', dir)).toEqual([['jag', 45], ['är', 3]]);
  });

  it('finds the folder by ARKIV_DATA_DIR; the old name ARKIV_DATA still works, with a warning', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    vi.stubEnv('ARKIV_DATA_DIR', '/data/new');
    vi.stubEnv('ARKIV_DATA', '/data/old');
    expect(officialDataDir()).toBe('/data/new');
    expect(warn).not.toHaveBeenCalled();
    vi.stubEnv('ARKIV_DATA_DIR', '');
    expect(officialDataDir()).toBe('/data/old');
    expect(warn).toHaveBeenCalledTimes(1);
    vi.stubEnv('ARKIV_DATA', '');
    expect(officialDataDir()).toMatch(/shared[/\\]data$/u);
  });
});
