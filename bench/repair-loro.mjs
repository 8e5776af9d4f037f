#!/usr/bin/env node
// Leave-one-register-out figures of the context model (#22): for each register it counts —
// official prose (the lexicon's bigram counts, the official half of the pair model), modern fiction
// (ELTeC-swe novels), news (the Webbnyheter 2012 NER sample) and parliamentary prose (the Riksdag's
// interpellations, weighed 0.4) — repair with a context model built without that register, on OCR
// of that register, beside repair with a model of all of them.
//
//   npm run build && node bench/repair-loro.mjs --eltec ELTEC_GIT_DIR --ner NER_GIT_DIR --ipq IPQ_GIT_DIR
//       --wordfreq large_sv.msgpack.gz [--work DIR] [--dev DIR] [--parl-dev DIR] [--plain]
//
// IPQ_GIT_DIR: a clone of github.com/swerik-project/riksdagen-interpellations; its text is taken by
// scripts/extract-interpellations.ts (../shared/train's interpellations excepted, 13 of 2023/24 kept
// out as dev documents into WORK/parl-src). --parl-dev: OCR of those (scripts/make-heldout.sh
// WORK/parl-src DIR; default WORK/parl-dev), read as DIR/parliament/<doc>/.
//
// ELTEC_GIT_DIR: a clone of github.com/COST-ELTeC/ELTeC-swe; NER_GIT_DIR: of
// github.com/klintan/swedish-ner-corpus (read with `git show`, so bare clones do). The texts are
// made as dictionaries/README.md says (a novel's level-1 <p> elements, the news sample's first
// column a sentence a line), and the models built with scripts/build-context-model.ts into --work
// (default: a temp folder): all.bin (every counted text), no-fiction.bin, no-news.bin; official
// prose is left out at load time (loadContextData(all.bin, { official: false })). This extraction
// is not byte-identical to the one the shipped model was counted from (869 746 running words
// against 867 148), so the comparison is with all.bin; the shipped model is given beside it.
//
// OCR of each register (text never counted): official → ../../shared/train (76 texts; the repair
// model was fitted on them, the context model never counted them) and the fixtures; fiction and
// news → the dev documents (/work/dev or --dev: doc-*-fiction, doc-*-news, both OCR models), made
// from ELTeC-swe novels and news sentences kept out of the counts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repair, loadContextData, characterErrors, wordChanges } from '../dist/index.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const eltec = opt('--eltec');
const ner = opt('--ner');
const wordfreq = opt('--wordfreq');
const ipq = opt('--ipq');
const work = opt('--work') ?? mkdtempSync(join(tmpdir(), 'arkivtext-loro-'));
const dev = opt('--dev', '/work/dev');
const parlDev = opt('--parl-dev', join(work, 'parl-dev'));
/** The weight of the interpellations' counts (dictionaries/README.md). */
const IPQ_WEIGHT = 0.4;
const markdown = !args.includes('--plain');

// ---- The counted texts, as dictionaries/README.md describes them. ----------------------------------
/** The novels the shipped model counts (ELTeC-swe level 1, modern spelling; the dev novels
 * Steenhoff, Krusenstjerna and Uddgren are not counted). */
const NOVELS = ['SWE11729834_Sandel', 'SWE1461421_Sandel', 'SWE13553440_Strindberg', 'SWE262937_Strindberg', 'SWE8203289_Strindberg', 'SWE1524996_Bergman', 'SWE9491746_Bergman', 'SWE1649001_Andersson', 'SWE501583_Lagerlof', 'SWE53736_Koch', 'SWE8222888_Nordstrom', 'SWE914400_Wagner'];
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (m, e) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e] ?? m));
/** A novel's level-1 <p> elements: tags dropped, entities decoded, white space one space, a blank line between. */
function novelText(xml) {
  const paragraphs = [...xml.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/gu)].map((m) => decode(m[1].replace(/<[^>]*>/gu, '')).replace(/\s+/gu, ' ').trim());
  return paragraphs.filter((p) => p !== '').join('\n\n') + '\n';
}
/** The news sample (token TAB tag, a blank line after each sentence): a sentence a line, no space before `,.;:!?)` or after `(`. */
function newsText(tsv) {
  const sentences = tsv.split(/\n\s*\n/u).map((s) => s.split('\n').filter(Boolean).map((l) => l.split('\t')[0]));
  return sentences.filter((s) => s.length > 0).map((s) => s.join(' ').replace(/ ([,.;:!?)])/gu, '$1').replace(/\( /gu, '(')).join('\n') + '\n';
}
const gitShow = (dir, path) => execFileSync('git', ['-C', dir, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 1 << 28 });

const models = { all: join(work, 'all.bin'), noFiction: join(work, 'no-fiction.bin'), noNews: join(work, 'no-news.bin'), noParliament: join(work, 'no-parliament.bin') };
if (!Object.values(models).every(existsSync)) {
  if (!eltec || !ner || !ipq || !wordfreq) {
    console.error(`bench/repair-loro: no models in ${work}; give --eltec, --ner, --ipq and --wordfreq to build them`);
    process.exit(2);
  }
  mkdirSync(join(work, 'text'), { recursive: true });
  const novels = NOVELS.map((n) => {
    const file = join(work, 'text', `${n}.txt`);
    writeFileSync(file, novelText(gitShow(eltec, `level1/${n}.xml`)));
    return file;
  });
  const news = join(work, 'text', 'news-train.txt');
  writeFileSync(news, newsText(gitShow(ner, 'train_corpus.txt')));
  const parliament = join(work, 'text', 'riksdag-interpellations.txt');
  const extracted = execFileSync('npx', ['tsx', join(root, 'scripts', 'extract-interpellations.ts'), ipq, '--except', join(root, '..', 'shared', 'train', 'SOURCES.tsv'), '--keep-out', join(work, 'parl-src', 'parliament')], { cwd: root, maxBuffer: 1 << 30 });
  writeFileSync(parliament, extracted);
  const weighed = `${parliament}@${IPQ_WEIGHT}`;
  // --share: the texts a document's officialness is measured against (fiction and news).
  const share = (texts) => texts.flatMap((t) => ['--share', basename(t)]);
  const build = (out, texts, shared = []) => {
    process.stderr.write(`building ${out} …\n`);
    execFileSync('npx', ['tsx', join(root, 'scripts', 'build-context-model.ts'), '--wordfreq', wordfreq, '--out', out, ...share(shared), ...texts], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=12000' } });
  };
  build(models.all, [...novels, news, weighed], [...novels, news]);
  build(models.noFiction, [news, weighed], [news]);
  build(models.noNews, [...novels, weighed], novels);
  build(models.noParliament, [...novels, news]);
}

// ---- OCR of each register. --------------------------------------------------------------------
/**
 * {ocr, truth} of every OCR text in `dir`'s document folders whose name passes `keep`.
 * @param {string} dir
 * @param {(name: string) => boolean} [keep]
 */
function docs(dir, keep = () => true) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().filter((d) => keep(d) && existsSync(join(dir, d, 'truth.txt'))).flatMap((d) => readdirSync(join(dir, d)).filter((f) => /^ocr.*\.txt$/u.test(f)).sort().map((f) => ({ ocr: join(dir, d, f), truth: join(dir, d, 'truth.txt') })));
}
const fx = join(root, 'fixtures');
const fixtures = [{ ocr: join(fx, 'seed-001-pair/ocr.txt'), truth: join(fx, 'seed-001-pair/truth.txt') }, ...['seed-000', 'seed-003'].flatMap((s) => ['ocr-eng-l1', 'ocr-eng-l2', 'ocr-swe-l2'].map((v) => ({ ocr: join(fx, s, `${v}.txt`), truth: join(fx, s, 'truth.txt') })))].filter((c) => existsSync(c.ocr));
const sets = {
  official: [...docs(join(root, '..', 'shared', 'train')), ...fixtures],
  fiction: docs(dev, (d) => d.endsWith('-fiction')),
  news: docs(dev, (d) => d.endsWith('-news')),
  parliament: docs(join(parlDev, 'parliament')),
};

const shipped = loadContextData();
const all = loadContextData(models.all);
const without = { official: loadContextData(models.all, { official: false }), fiction: loadContextData(models.noFiction), news: loadContextData(models.noNews), parliament: loadContextData(models.noParliament) };

function score(cases, context) {
  let errorsIn = 0, errorsOut = 0, fixed = 0, wrong = 0, damaged = 0, right = 0, worse = 0;
  for (const c of cases) {
    const input = readFileSync(c.ocr, 'utf8');
    const truth = readFileSync(c.truth, 'utf8');
    const output = repair(input, { context }).text;
    const a = characterErrors(input, truth);
    const b = characterErrors(output, truth);
    errorsIn += a;
    errorsOut += b;
    if (b > a) worse++;
    const w = wordChanges(truth, input, output);
    fixed += w.fixed; wrong += w.wrong; damaged += w.damaged; right += w.right;
  }
  return { texts: cases.length, cut: 1 - errorsOut / errorsIn, fixed, wrong, damaged, right, worse };
}

const pct = (x, d = 1) => `${(100 * x).toFixed(d)} %`;
const cell = (s) => `${pct(s.cut)} / ${s.damaged} (${pct(s.damaged / s.right, 2)})`;
const rows = [];
for (const [register, cases] of Object.entries(sets)) {
  if (cases.length === 0) continue;
  process.stderr.write(`${register}: ${cases.length} OCR texts …\n`);
  rows.push({ register, texts: cases.length, shipped: score(cases, shipped), all: score(cases, all), without: score(cases, without[register]) });
}
if (markdown) {
  console.log('| register left out | OCR of it (texts) | shipped model: CER cut / right words damaged | all registers (rebuilt) | without the register | change of the cut, damaged words |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const set = r.register === 'official' ? '../shared/train + fixtures' : r.register === 'parliament' ? 'dev interpellations' : `dev ${r.register}`;
    console.log(`| ${r.register} | ${set} (${r.texts}) | ${cell(r.shipped)} | ${cell(r.all)} | ${cell(r.without)} | ${((r.without.cut - r.all.cut) * 100).toFixed(1)} points, ${r.without.damaged - r.all.damaged >= 0 ? '+' : ''}${r.without.damaged - r.all.damaged} |`);
  }
} else {
  for (const r of rows) console.log(JSON.stringify(r));
}
console.error(`models in ${work}`);
