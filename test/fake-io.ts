import { PassThrough } from 'node:stream';
import type { CliIO } from '../src/cli/io.js';

/** What a command wrote, for CLI tests that run commands in-process. */
export interface FakeIO extends CliIO {
  out: () => string;
  err: () => string;
}

/**
 * In-memory streams for a command. Output is collected as bytes and decoded at the end, so a
 * multi-byte character split across two writes comes out whole.
 */
export function fakeIO(options: { cwd: string; stdin?: string | Uint8Array; stderrIsTTY?: boolean }): FakeIO {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  stdout.on('data', (d: Buffer) => o.push(d));
  stderr.on('data', (d: Buffer) => e.push(d));
  if (options.stdin !== undefined) stdin.end(Buffer.from(options.stdin));
  return {
    stdin,
    stdout,
    stderr,
    stderrIsTTY: options.stderrIsTTY ?? false,
    cwd: options.cwd,
    out: () => Buffer.concat(o).toString('utf8'),
    err: () => Buffer.concat(e).toString('utf8'),
  };
}
