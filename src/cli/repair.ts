/**
 * `arkivtext repair [FILE|-] [--json] [--explain] [--suggest] [--min-confidence X] [--learn FILE…]`: OCR repair of
 * a text. The repaired text on stdout, or with --json `{ text, corrections }` for review (and with
 * --explain the words left alone and why). Bytes that are not
 * UTF-8 are read as Windows-1252 or U+FFFD (see decodeText) and reported on stderr with exit code
 * 1, the repair still printed.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { readTextFile } from '../normalise/index.js';
import { defaultLexicon, loadLexicon } from '../repair/lexicon.js';
import { repair } from '../repair/safe-repair.js';
import { EXIT, fileMessage, usageError, type Command } from './io.js';
import { invalidBytesWarning, readTextInput, reason, type TextInput } from './text-input.js';

const USAGE = `usage: arkivtext repair [FILE|-] [--json] [--explain] [--suggest] [--min-confidence X] [--learn FILE…]

Repairs OCR damage to the Swedish text of FILE (or standard input, for - or no FILE): normalises
it, joins words hyphenated at line ends, and puts back what the OCR lost or misread (å/ä/ö,
ligatures, 6/&/#/@ for letters …). Every change is logged; nothing a lexicon knows is made wrong.

options:
  --json               print { "text": …, "corrections": [{ offset, length, before, after,
                       confidence, rule }] } (offsets in the input text, UTF-16 code units)
  --explain            with the JSON (implies --json), "leftAlone": [{ offset, word, reason }]
                       for every word left alone that had a reading or was kept from one
  --suggest            with the JSON (implies --json), also the readings found but not applied,
                       as corrections with "applied": false
  --min-confidence X   apply only corrections at least this sure (0..1; default fitted on training data)
  --learn FILE         learn the vocabulary of a clean text of the same archive (repeatable), so
                       its own names and terms win
  -h, --help           this help

Exit code 0 on success, 1 when a file cannot be read or held bytes that are not UTF-8 (the text
is still repaired and printed: a lone such byte read as Windows-1252, a broken UTF-8 sequence as
U+FFFD), 2 on bad usage.
`;

export const repairCommand: Command = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        explain: { type: 'boolean' },
        suggest: { type: 'boolean' },
        'min-confidence': { type: 'string' },
        learn: { type: 'string', multiple: true },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    return usageError(io, 'repair', reason(err));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT.OK;
  }
  if (positionals.length > 1) {
    return usageError(io, 'repair', `one FILE at most, got ${positionals.length}`);
  }
  let minConfidence: number | undefined;
  if (values['min-confidence'] !== undefined) {
    minConfidence = Number(values['min-confidence']);
    if (!Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) {
      return usageError(io, 'repair', `--min-confidence must be a number from 0 to 1, got '${values['min-confidence']}'`);
    }
  }
  let failed = false;
  const learned: string[] = [];
  for (const file of values.learn ?? []) {
    try {
      const r = await readTextFile(resolve(io.cwd, file));
      learned.push(r.text);
      if (r.invalidBytes > 0) io.stderr.write(invalidBytesWarning('repair', file, r));
    } catch (err) {
      io.stderr.write(fileMessage('repair', file, reason(err)));
      return EXIT.FAILED;
    }
  }
  const file = positionals[0] ?? '-';
  let input: TextInput;
  try {
    input = await readTextInput(file, io);
  } catch (err) {
    io.stderr.write(fileMessage('repair', file === '-' ? '<stdin>' : file, reason(err)));
    return EXIT.FAILED;
  }
  // Learning changes the lexicon, so it gets a fresh one; otherwise the shared, cached one.
  const lexicon = learned.length ? loadLexicon({ learn: learned }) : defaultLexicon();
  const result = repair(input.text, { lexicon, explain: values.explain === true, suggest: values.suggest === true, ...(minConfidence === undefined ? {} : { minConfidence }) });
  io.stdout.write(values.json || values.explain || values.suggest ? JSON.stringify(result, null, 1) + '\n' : result.text);
  if (input.invalidBytes > 0) {
    io.stderr.write(invalidBytesWarning('repair', input.name, input));
    failed = true;
  }
  return failed ? EXIT.FAILED : EXIT.OK;
};
