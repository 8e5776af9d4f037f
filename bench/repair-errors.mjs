#!/usr/bin/env node
// What the character errors left after repair are, by class (src/eval/error-classes.ts): a word
// left wrong by 1 / 2 / ≥ 3 letter edits (non-word or real word), only diacritics, case,
// punctuation/quotes/dashes, digits, words split at a line end or inside a line, a line-break
// hyphen left in, glued words (a glued `i` apart), spacing around marks, words missing or added.
// Per OCR variant: the class's errors in the OCR input and in the repair output, its share of what
// is left, the CER points it holds (errors / truth characters) and the class's own cut.
//
//   npm run build && node bench/repair-errors.mjs DIR… [--variant RE] [--examples CLASS[:N]] [--raw] [--markdown]
//
// DIR: any folder holding documents as <doc>/truth.txt + <doc>/ocr-*.txt, at any depth
// (../shared/train, /work/dev, fixtures/heldout). The variant is the OCR file's name (ocr-eng,
// ocr-eng-l2 …); a row "eng" / "swe" sums a model's variants. --examples prints the commonest
// groups of a class (truth → text, count) in the output; --raw repairs without calibration.
// Design on train and dev: the held-out set only checks.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { repair, defaultLexicon } from '../dist/index.js';
import { classifyErrors, emptyBreakdown, addBreakdowns, ERROR_CLASSES, ERROR_CLASS_TEXT } from '../dist/eval-heldout.js';

const args = process.argv.slice(2);
const opt = (name) => args.flatMap((a, i) => (args[i - 1] === name ? [a] : []));
const dirs = args.filter((a, i) => !a.startsWith('--') && !['--variant', '--examples'].includes(args[i - 1]));
const variantRe = opt('--variant')[0] ? new RegExp(opt('--variant')[0]) : null;
const examples = opt('--examples').map((e) => { const [cls, n] = e.split(':'); return { cls, n: Number(n ?? 30) }; });
const options = args.includes('--raw') ? { calibration: null } : {};

function* docs(dir) {
  if (existsSync(join(dir, 'truth.txt'))) {
    const ocr = readdirSync(dir).filter((f) => /^ocr-.*\.txt$/u.test(f));
    if (ocr.length) yield { dir, ocr };
    return;
  }
  for (const e of readdirSync(dir).sort()) if (statSync(join(dir, e)).isDirectory()) yield* docs(join(dir, e));
}

const lex = defaultLexicon();
const isWord = (w) => lex.has(w);
const byVariant = new Map();
const get = (v) => { if (!byVariant.has(v)) byVariant.set(v, { in: emptyBreakdown(), out: emptyBreakdown(), docs: 0 }); return byVariant.get(v); };
for (const dir of dirs) {
  for (const d of docs(dir)) {
    const truth = readFileSync(join(d.dir, 'truth.txt'), 'utf8');
    for (const f of d.ocr) {
      const variant = basename(f, '.txt').replace(/^ocr-/u, '');
      if (variantRe && !variantRe.test(variant)) continue;
      const input = readFileSync(join(d.dir, f), 'utf8');
      const out = repair(input, { lexicon: lex, ...options }).text;
      const bin = classifyErrors(truth, input, isWord);
      const bout = classifyErrors(truth, out, isWord);
      const model = variant.split('-')[0];
      for (const v of new Set([variant, model])) {
        const s = get(v);
        s.docs++;
        addBreakdowns(s.in, bin, false);
        addBreakdowns(s.out, bout, v === model);
      }
    }
  }
}

const pct = (x) => (100 * x).toFixed(1);
const pts = (e, c) => (100 * e / c).toFixed(2);
for (const [v, s] of [...byVariant].sort()) {
  const cutAll = 1 - s.out.scorer / s.in.scorer;
  console.log(`\n#### ${v} (${s.docs} texts): CER ${pts(s.in.scorer, s.in.chars)} % → ${pts(s.out.scorer, s.out.chars)} % (cut ${pct(cutAll)} %); classed errors ${s.in.total} → ${s.out.total} (scorer ${s.in.scorer} → ${s.out.scorer})\n`);
  console.log('| class | errors in | errors out | share of what is left | CER points left | class cut | groups left |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rows = ERROR_CLASSES.map((c) => ({ c, i: s.in.byClass[c], o: s.out.byClass[c] })).filter((r) => r.i.errors || r.o.errors).sort((a, b) => b.o.errors - a.o.errors);
  for (const r of rows) console.log(`| ${r.c} | ${r.i.errors} | ${r.o.errors} | ${pct(r.o.errors / s.out.total)} % | ${pts(r.o.errors, s.out.chars)} | ${r.i.errors ? pct(1 - r.o.errors / r.i.errors) + ' %' : '–'} | ${r.o.groups} |`);
}
console.log('\nClasses: ' + ERROR_CLASSES.map((c) => `${c} = ${ERROR_CLASS_TEXT[c]}`).join('; ') + '.');

for (const { cls, n } of examples) {
  for (const [v, s] of [...byVariant].sort()) {
    if (v.includes('-') || !s.out.groups.length) continue;
    const count = new Map();
    for (const g of s.out.groups) if (g.cls === cls) { const k = `${g.truth} → ${g.text}`; count.set(k, (count.get(k) ?? 0) + 1); }
    console.log(`\n${cls} in ${v}: ${[...count.values()].reduce((a, b) => a + b, 0)} groups`);
    for (const [k, c] of [...count].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${c}\t${k}`);
  }
}
