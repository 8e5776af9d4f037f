import { EXIT, endQuietlyOnClosedOutput, processIO, type Command } from './io.js';

/** Commands are loaded on demand so `arkivtext normalize` never pays for pdf.js or Tesseract. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  run: { summary: 'extract, repair and cluster every PDF and text file in a folder', load: async () => (await import('./run.js')).runCommand },
  extract: { summary: 'text of a PDF (text layer or OCR, page by page)', load: async () => (await import('./extract.js')).extractCommand },
  normalize: { summary: 'Unicode/mojibake/ligature normalisation of a text', load: async () => (await import('./normalize.js')).normalizeCommand },
  repair: { summary: 'repair OCR damage to Swedish text, with an audit log', load: async () => (await import('./repair.js')).repairCommand },
  dedupe: { summary: 'cluster near-identical versions of documents', load: async () => (await import('./dedupe.js')).dedupeCommand },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'usage: arkivtext <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'arkivtext <command> --help for the options of a command.',
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const io = processIO();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    io.stdout.write(`${(createRequire(import.meta.url)('../package.json') as { version: string }).version}\n`);
    return EXIT.OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`arkivtext: unknown command '${name}'\n\n${usage()}`);
    return EXIT.USAGE;
  }
  return (await command.load())(rest, io);
}

endQuietlyOnClosedOutput(process.stdout, process.stderr, (code) => process.exit(code), process.argv[2] !== undefined && process.argv[2] in COMMANDS ? process.argv[2] : '');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    const name = process.argv[2] !== undefined && process.argv[2] in COMMANDS ? ` ${process.argv[2]}` : '';
    process.stderr.write(`arkivtext${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT.FAILED;
  },
);
