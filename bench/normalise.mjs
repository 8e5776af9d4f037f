// Normalisation throughput on the fixture corpus: clean and damaged, beside plain NFC as the floor.
// Usage: npm run build && node bench/normalise.mjs   (one core; prints a markdown table)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { normalize, normalizeDetailed } from '../dist/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const TARGET_BYTES = 20 * 1024 * 1024;

function fixtureTexts() {
  const files = readdirSync(join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(FIXTURES, 'seeds', f));
  for (const dir of readdirSync(FIXTURES).sort()) {
    const path = join(FIXTURES, dir);
    if (dir === 'seeds' || !existsSync(join(path, 'truth.txt'))) continue;
    for (const f of readdirSync(path).filter((f) => f === 'truth.txt' || /^ocr.*\.txt$/.test(f)).sort()) files.push(join(path, f));
  }
  return files.map((f) => readFileSync(f, 'utf8'));
}

// What PDF text layers and mis-decoding do, spread over the corpus: each paragraph gets one kind.
const CP1252 = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];
const asCp1252 = (t) => Array.from(Buffer.from(t, 'utf8'), (b) => String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : b)).join('');
const SPLIT = { ä: 'a\u00a8', ö: 'o\u00a8', å: 'a\u02da', Ä: 'A\u00a8', Ö: 'O\u00a8', Å: 'A\u02da', é: 'e\u00b4' };
const DAMAGE = [
  (p) => asCp1252(p),
  (p) => p.replace(/[äöåÄÖÅé]/g, (c) => SPLIT[c]),
  (p) => p.replace(/ffi|ff|fi|fl/g, (s) => ({ ffi: '\ufb03', ff: '\ufb00', fi: '\ufb01', fl: '\ufb02' })[s]),
  (p) => p.replace(/(\p{L}{4})(?=\p{L}{3})/gu, '$1\u00ad').replace(/ /g, '\u00a0'),
  (p) => p.normalize('NFD'),
  (p) => p, // every sixth paragraph clean
];
/** Every `every`-th paragraph damaged (in turn by each kind above), CRLF line ends throughout. */
function damage(text, every) {
  let i = 0;
  let k = 0;
  return text.split('\n').map((line) => (i++ % every === 0 ? DAMAGE[k++ % DAMAGE.length](line) : line)).join('\r\n');
}

function repeatTo(text, bytes) {
  const unit = Buffer.byteLength(text, 'utf8');
  return text.repeat(Math.max(1, Math.round(bytes / unit)));
}

function time(fn, input) {
  fn(input); // warm up
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    fn(input);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  runs.sort((a, b) => a - b);
  return runs[2]; // median of 5
}

const corpus = fixtureTexts().join('\n');
const clean = repeatTo(corpus, TARGET_BYTES);
const heavy = repeatTo(damage(corpus, 1), TARGET_BYTES);
const light = repeatTo(damage(corpus, 20), TARGET_BYTES);
for (const every of [1, 20]) {
  if (normalize(damage(corpus, every)) !== corpus) throw new Error('the damaged corpus does not normalise back to the clean one');
}
if (normalize(clean) !== clean) throw new Error('the clean corpus is changed by normalize');

const rows = [];
const inputs = [
  ['clean fixture texts', clean],
  ['lightly damaged (1 paragraph in 20)', light],
  ['heavily damaged (every paragraph)', heavy],
];
for (const [name, input] of inputs) {
  const mb = Buffer.byteLength(input, 'utf8') / 1e6;
  const cells = [name, mb.toFixed(1)];
  for (const fn of [(s) => normalize(s), (s) => normalizeDetailed(s), (s) => s.normalize('NFC')]) cells.push((mb / time(fn, input)).toFixed(0));
  rows.push(cells);
}
console.log(`Fixture corpus (${fixtureTexts().length} texts, ${(Buffer.byteLength(corpus) / 1e3).toFixed(0)} kB) repeated to ~20 MB; damage per paragraph in turn: Windows-1252 mojibake, split accents, ligatures, soft hyphens + no-break spaces, NFD, none; CRLF throughout the damaged inputs. Node ${process.version}, one core, median of 5 runs, MB/s of UTF-8 input.\n`);
console.log('| input | MB | `normalize` | `normalizeDetailed` | peer: `String.prototype.normalize(\'NFC\')` |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
