/**
 * `arkivtext normalize [FILE|-]`: the normalised text of a file (or stdin) on stdout.
 * Bytes that are not UTF-8 are read as Windows-1252 or U+FFFD (see decodeText) and reported on
 * stderr with exit code 1, the text still printed.
 */
import { parseArgs } from 'node:util';
import { normalize } from '../normalise/index.js';
import { EXIT, fileMessage, usageError, type Command } from './io.js';
import { invalidBytesWarning, readTextInput, reason, type TextInput } from './text-input.js';

const USAGE = `usage: arkivtext normalize [FILE|-]

Prints FILE (or standard input, for - or no FILE) normalised: Unicode NFC, ligatures expanded,
mojibake (UTF-8 read as Latin-1/Windows-1252/1250) undone, split diacritics joined, soft hyphens,
zero-width and control characters removed, odd spaces made plain, CRLF made LF.

Exit code 0 on success, 1 when the file cannot be read or held bytes that are not UTF-8 (then the
text is still printed: a lone such byte read as Windows-1252, a broken UTF-8 sequence as U+FFFD),
2 on bad usage.

options:
  -h, --help   this help
`;

export const normalizeCommand: Command = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    return usageError(io, 'normalize', reason(err));
  }
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return EXIT.OK;
  }
  if (parsed.positionals.length > 1) {
    return usageError(io, 'normalize', `one FILE at most, got ${parsed.positionals.length}`);
  }
  const file = parsed.positionals[0] ?? '-';
  let input: TextInput;
  try {
    input = await readTextInput(file, io);
  } catch (err) {
    io.stderr.write(fileMessage('normalize', file === '-' ? '<stdin>' : file, reason(err)));
    return EXIT.FAILED;
  }
  io.stdout.write(normalize(input.text));
  if (input.invalidBytes > 0) {
    io.stderr.write(invalidBytesWarning('normalize', input.name, input));
    return EXIT.FAILED;
  }
  return EXIT.OK;
};
