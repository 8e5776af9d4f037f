/**
 * Every command names what went wrong the same way: `arkivtext <command>: <file>: <what>`, the
 * file as the user wrote it, so a batch log can be searched by command and by file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIO } from './fake-io.js';
import type { Command } from '../src/cli/io.js';
import { dedupeCommand } from '../src/cli/dedupe.js';
import { extractCommand } from '../src/cli/extract.js';
import { normalizeCommand } from '../src/cli/normalize.js';
import { repairCommand } from '../src/cli/repair.js';
import { makeRunCommand } from '../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'arkivtext-cli-messages-'));
writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Sm\xe5 \xe4ndringar i texten.\n', 'latin1'));

const commands: [string, Command, string][] = [
  ['normalize', normalizeCommand, 'saknas.txt'],
  ['repair', repairCommand, 'saknas.txt'],
  ['extract', extractCommand, 'saknas.pdf'],
  ['dedupe', dedupeCommand, 'saknas.txt'],
];

describe('CLI messages', () => {
  for (const [name, command, missing] of commands) {
    it(`${name}: a missing file is "arkivtext ${name}: ${missing}: no such …"`, async () => {
      const io = fakeIO({ cwd: dir });
      expect(await command([missing], io)).toBe(1);
      expect(io.err().split('\n')[0]).toMatch(new RegExp(`^arkivtext ${name}: ${missing}: no such file`));
    });
  }

  for (const [name, command] of commands.filter(([n]) => n !== 'extract')) {
    it(`${name}: bytes that are not UTF-8 are "arkivtext ${name}: latin1.txt: …"`, async () => {
      const io = fakeIO({ cwd: dir });
      await command(['latin1.txt'], io);
      expect(io.err().split('\n')[0]).toBe(`arkivtext ${name}: latin1.txt: 2 bytes not valid UTF-8, read as Windows-1252`);
    });
  }

  it('run: a missing folder is "arkivtext run: <folder>: no such folder"', async () => {
    const io = fakeIO({ cwd: dir });
    expect(await makeRunCommand()(['saknas', '--out', join(dir, 'out')], io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe(`arkivtext run: ${join(dir, 'saknas')}: no such folder`);
  });

  it('usage errors are "arkivtext <command>: <what>" in every command', async () => {
    for (const [name, command] of [...commands, ['run', makeRunCommand(), ''] as const]) {
      const io = fakeIO({ cwd: dir });
      expect(await command(['--no-such-option'], io)).toBe(2);
      expect(io.err()).toMatch(new RegExp(`^arkivtext ${name}: Unknown option '--no-such-option'`));
    }
  });
});
