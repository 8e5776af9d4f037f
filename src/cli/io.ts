import type { Readable, Writable } from 'node:stream';

/** The streams a command talks to; injected so commands can be tested in-process. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTTY: boolean;
  /** Working directory against which relative paths are resolved. */
  cwd: string;
}

/** A sub-command: takes its own arguments (after the command name), returns the exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Exit codes shared by every command. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

/** A usage error: what is wrong, and where the help is. Exit code 2. */
export function usageError(io: CliIO, command: string, message: string): number {
  io.stderr.write(`arkivtext ${command}: ${message}\n\nTry 'arkivtext ${command} --help'.\n`);
  return EXIT.USAGE;
}

export function processIO(): CliIO {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}
