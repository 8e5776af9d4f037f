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

/**
 * What every command says about one file it could not read or use: `arkivtext <command>: <file>:
 * <what>` (the file as the user named it, `<stdin>` for standard input). The same prefix on every
 * message of every command, so a log of a batch can be searched by command and by file.
 */
export function fileMessage(command: string, file: string, what: string): string {
  return `arkivtext ${command}: ${file}: ${what}\n`;
}

/** A usage error: what is wrong, and where the help is. Exit code 2. */
export function usageError(io: CliIO, command: string, message: string): number {
  io.stderr.write(`arkivtext ${command}: ${message}\n\nTry 'arkivtext ${command} --help'.\n`);
  return EXIT.USAGE;
}

/**
 * A closed standard output (`arkivtext normalize big.txt | head -1`) ends the command quietly with
 * `exit(0)`, as Unix tools do (ripgrep exits 0 there too): the reader has all it wanted. A closed
 * standard error is ignored. Any other write error is reported on stderr (exit code 1).
 */
export function endQuietlyOnClosedOutput(stdout: Writable, stderr: Writable, exit: (code: number) => void, command = ''): void {
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return exit(EXIT.OK);
    try {
      stderr.write(command ? fileMessage(command, 'standard output', err.message) : `arkivtext: standard output: ${err.message}\n`);
    } finally {
      exit(EXIT.FAILED);
    }
  });
  stderr.on('error', () => {});
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
