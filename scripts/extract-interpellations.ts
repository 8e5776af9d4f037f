// Takes the text of the Riksdag's interpellations out of a git snapshot of
// github.com/swerik-project/riksdagen-interpellations (TEI, one file a question) for the context
// model (scripts/build-context-model.ts): the body of each interpellation from riksmöte 1999/2000 on
// (the MP's written question: its context and its questions), one paragraph or list item a line,
// tags dropped, entities decoded, white space one space, a blank line between paragraphs. Earlier
// sessions were converted from print (soft hyphens, split words, OCR errors) and are left out, as
// in ../shared/data's official counts.
//
//   tsx scripts/extract-interpellations.ts GIT_DIR [--except FILE] [--keep-out DIR] > riksdag-interpellations.txt
//
// --except FILE: interpellations named in FILE (any `data/<riksmöte>/ipq-….xml` path in it, e.g.
// ../shared/train/SOURCES.tsv) are left out, so that the documents repair is trained and measured
// on are never counted.
// --keep-out DIR: the interpellations of the last riksmöte whose number is a multiple of 50 are not
// written out (never counted) but saved as DIR/<id>/source.txt, for dev documents of the register
// (scripts/make-heldout.sh makes their OCR; bench/repair-loro.mjs reads them).
//
// The text is riksdagens öppna data (free to use with the source given: "Källa: Sveriges riksdag");
// the Swerik project's markup is CC0. Only counts of it ship.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { 'keep-out': { type: 'string' }, except: { type: 'string' } } });
const dir = positionals[0];
if (!dir) {
  console.error('usage: extract-interpellations.ts GIT_DIR [--except FILE] [--keep-out DIR]');
  process.exit(2);
}
const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });

/** First year of a riksmöte folder name (`19992000` → 1999, `202223` → 2022). */
const firstYear = (rm: string): number => Number(rm.slice(0, 4));
const excepted = new Set(opts.except ? readFileSync(opts.except, 'utf8').match(/data\/\d+\/ipq-[^\s/]+\.xml/gu) ?? [] : []);
const files = git('ls-tree', '-r', '--name-only', 'HEAD', 'data')
  .split('\n')
  .filter((f) => /^data\/\d+\/ipq-[^/]+\.xml$/u.test(f) && firstYear(f.split('/')[1]!) >= 1999 && !excepted.has(f))
  .sort();
const lastSession = files.at(-1)?.split('/')[1];
/** Whether a file is kept out of the counts (the last riksmöte, numbers that are multiples of 50). */
const keptOut = (f: string): boolean => {
  const m = /^data\/(\d+)\/ipq-\d+--(\d+)\.xml$/u.exec(f);
  return opts['keep-out'] !== undefined && m !== null && m[1] === lastSession && Number(m[2]) % 50 === 0;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e] ?? m));

// `git cat-file --batch` reads every blob in one process.
const input = files.map((f) => `HEAD:${f}`).join('\n') + '\n';
const batch = execFileSync('git', ['-C', dir, 'cat-file', '--batch'], { input, maxBuffer: 2 ** 31 - 1 });
let p = 0;
let words = 0;
let used = 0;
let kept = 0;
const out: string[] = [];
for (let i = 0; p < batch.length; i++) {
  const nl = batch.indexOf(10, p);
  const header = batch.toString('utf8', p, nl).split(' ');
  const size = Number(header[2]);
  const xml = batch.toString('utf8', nl + 1, nl + 1 + size);
  p = nl + 1 + size + 1;
  const start = xml.indexOf('<div type="ipqBody">');
  if (start < 0) continue;
  const end = xml.lastIndexOf('</body>');
  const body = xml.slice(start, end < 0 ? undefined : end);
  const paragraphs = body
    // A list item is a line of its own.
    .replace(/<\/?(?:item|list)\b[^>]*>/gu, '\u0001')
    .split(/<\/?p\b[^>]*>/u)
    .flatMap((chunk) => chunk.split('\u0001'))
    .map((s) => decode(s.replace(/<[^>]*>/gu, ' ').replace(/\s+/gu, ' ')).replace(/\s+/gu, ' ').trim())
    .filter((s) => /\p{L}/u.test(s));
  if (paragraphs.length === 0) continue;
  if (keptOut(files[i]!)) {
    const id = files[i]!.split('/').pop()!.replace(/\.xml$/u, '');
    mkdirSync(join(opts['keep-out']!, id), { recursive: true });
    writeFileSync(join(opts['keep-out']!, id, 'source.txt'), paragraphs.join('\n\n') + '\n');
    kept++;
    continue;
  }
  used++;
  for (const para of paragraphs) words += para.split(' ').length;
  out.push(paragraphs.join('\n\n'));
}
process.stdout.write(out.join('\n\n') + '\n');
if (excepted.size > 0) console.error(`${excepted.size} interpellations excepted`);
console.error(`${used} of ${files.length} interpellations, ${words} words${kept > 0 ? `; ${kept} kept out` : ''}`);
