/**
 * `arkivtext normalize big.txt | head -1`: a reader that stops early closes the pipe, and the
 * command ends quietly (exit 0, nothing on stderr) instead of crashing on an unhandled EPIPE.
 * Run as a real process (through tsx, on the sources) behind a real `head`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { endQuietlyOnClosedOutput } from '../src/cli/io.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'arkivtext-cli-pipe-'));
const truth = readFileSync(join(root, 'fixtures', 'seed-003', 'truth.txt'), 'utf8');

/** `arkivtext <command> FILE | head -1` in bash: head's line, the command's stderr and exit status. */
function throughHead(command: string, file: string): { line: string; stderr: string; status: number } {
  const errFile = join(dir, `${command}.err`);
  const script = 'node --import tsx src/cli/main.ts "$1" "$2" 2>"$3" | head -1; echo "status=${PIPESTATUS[0]}"';
  const r = spawnSync('bash', ['-c', script, 'bash', command, file, errFile], { cwd: root, encoding: 'utf8' });
  const [line = '', status = ''] = r.stdout.split('\n');
  return { line, stderr: readFileSync(errFile, 'utf8'), status: Number(status.replace('status=', '')) };
}

describe('a closed standard output', () => {
  // Well past the 64 KiB a pipe holds, so the command is still writing when head leaves.
  const big = join(dir, 'big.txt');
  writeFileSync(big, truth.repeat(Math.ceil(400_000 / truth.length)));

  for (const command of ['normalize', 'repair']) {
    it(`ends \`arkivtext ${command} big.txt | head -1\` quietly`, () => {
      const r = throughHead(command, big);
      expect(r.line).toBe(truth.split('\n')[0]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }

  it('exits 0 on EPIPE, and reports any other write error with exit code 1', () => {
    for (const [code, exitCode, message] of [['EPIPE', 0, ''], ['EIO', 1, 'arkivtext: standard output: write EIO\n']] as const) {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      const said: Buffer[] = [];
      stderr.on('data', (d: Buffer) => said.push(d));
      const exits: number[] = [];
      endQuietlyOnClosedOutput(stdout, stderr, (c) => exits.push(c));
      stdout.emit('error', Object.assign(new Error(`write ${code}`), { code }));
      expect(exits).toEqual([exitCode]);
      expect(Buffer.concat(said).toString()).toBe(message);
    }
  });
});
