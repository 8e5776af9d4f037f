#!/usr/bin/env node
// The golden check of repair: runs the built library's repair() on every OCR text of fixtures/,
// ../shared/fixtures and ../shared/train, and writes one line per text (path, a hash of the
// repaired text and of the corrections) to OUT. A refactor that promises the same behaviour
// compares two such files: `diff base.tsv after.tsv` must print nothing.
//
//   npm run build && node scripts/golden-repair.mjs OUT.tsv [--dump DIR]
//
// --dump DIR also writes each text's result as JSON, to see what changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repair } from '../dist/index.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = process.argv[2];
const dumpAt = process.argv.indexOf('--dump');
const dump = dumpAt > 0 ? process.argv[dumpAt + 1] : null;
if (!out) {
  console.error('usage: golden-repair.mjs OUT.tsv [--dump DIR]');
  process.exit(2);
}

/** Every OCR text below a folder: files named ocr*.txt. */
function ocrTexts(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) found.push(...ocrTexts(p));
    else if (/^ocr.*\.txt$/u.test(name)) found.push(p);
  }
  return found;
}

const files = [join(root, 'fixtures'), join(root, '../shared/fixtures'), join(root, '../shared/train')].flatMap(ocrTexts);
const sha = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const lines = [];
for (const f of files) {
  const r = repair(readFileSync(f, 'utf8'));
  const name = relative(root, f);
  // Only the fields every version of Correction has: a field added later does not break the check.
  const corrections = r.corrections.map(({ offset, length, before, after, confidence, rule }) => ({ offset, length, before, after, confidence, rule }));
  lines.push(`${name}\t${sha(r.text)}\t${sha(JSON.stringify(corrections))}\t${corrections.length}`);
  if (dump) {
    const p = join(dump, name.replace(/[/.]+/gu, '_') + '.json');
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, JSON.stringify(r, null, 1));
  }
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${files.length} OCR texts repaired, digests in ${out}`);
