// Makes more training material of the kind ../shared/train holds, from the same public source:
// the Government Offices documents that github.com/civictechsweden/g0vse keeps on its `data`
// branch (inquiries, memoranda, bills, terms of reference, government assignments, agreements —
// free of copyright, Upphovsrättslagen 9 § — or, with --kinds public, press releases and articles).
// Only counts learned from them are committed, never their text. Documents are picked at random
// with a fixed seed, never one that ../shared/train already uses; each gives its leading
// paragraphs of prose (550–1,100 words), which ../shared/tools/make-fixture.sh turns into
// truth.txt, born.pdf, scanned.pdf and the OCR of the scan with Tesseract's English and Swedish
// models.
//
//   tsx scripts/make-train-extra.ts --repo DIR/repo --out DIR [--n 60] [--seed 1] [--jobs 2]
//        [--kinds official|public] [--prefix x]
//
// --kinds official (the default) draws on the kinds ../shared/train draws on; there are few pages
// of them with 550 words of prose that the training set does not already use. --kinds public
// draws on the Government Offices' own press releases, articles, reports and information
// material (official prose too, a little less formal). --prefix starts each folder's name, so
// that folders of two runs never share a name (the trainer counts documents by it).
// --repo is a clone (a bare git directory is enough) of civictechsweden/g0vse. The texts stay in
// --out, outside the project: like ../shared/train, they are read by scripts/train-repair.ts
// (ARKIV_TRAIN=../shared/train:DIR) and only the counts learned from them are committed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
function arg(name: string): string | undefined;
function arg(name: string, dflt: string): string;
function arg(name: string, dflt?: string): string | undefined { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; }
const repo = arg('--repo');
const out = arg('--out');
const n = Number(arg('--n', '60'));
const jobs = Number(arg('--jobs', '2'));
let seed = Number(arg('--seed', '1'));
if (!repo || !out) {
  console.error('usage: make-train-extra.ts --repo G0VSE_CLONE --out DIR [--n 60] [--seed 1] [--jobs 2]');
  process.exit(2);
}
const shared = join(root, '..', 'shared');
const makeFixture = join(shared, 'tools', 'make-fixture.sh');

/** The kinds of document ../shared/train draws on (its SOURCES.tsv). */
const KINDS = ({
  official: /^(rattsliga-dokument\/(statens-offentliga-utredningar|departementsserien-och-promemorior|proposition|kommittedirektiv)|regeringsuppdrag|overenskommelser-och-avtal)\//,
  public: /^(pressmeddelanden|artiklar|rapporter|informationsmaterial|rattsliga-dokument\/faktapromemoria)\//,
} as Record<string, RegExp | undefined>)[arg('--kinds', 'official')];
const prefix = arg('--prefix', 'x');
if (!KINDS) { console.error('--kinds: official or public'); process.exit(2); }
const git = (...a: string[]): string => execFileSync('git', ['--git-dir', repo, ...a], { encoding: 'utf8', maxBuffer: 1 << 28 });
const used = new Set(readFileSync(join(shared, 'train', 'SOURCES.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[1]));
const kinds = KINDS;
const paths = git('ls-tree', '-r', '--name-only', 'data').split('\n').filter((p) => p.endsWith('.md') && kinds.test(p) && !used.has(p)).sort();

/** mulberry32: a small seeded generator, so the same --seed picks the same documents. */
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** The leading paragraphs of prose of a markdown page: no headings, images, tables or lists. */
function prose(md: string): string | null {
  const paras: string[] = [];
  let words = 0;
  for (const block of md.split(/\n\s*\n/)) {
    const p = block.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
    if (!p || /^(#|!|\||[-*+] |\d+\. |>)/.test(p) || /[*_`]{2}|https?:/.test(p)) continue;
    const w = p.split(' ').length;
    if (w < 12 || !/[.!?:”"]$/.test(p)) continue;
    if (words + w > 1100) break;
    paras.push(p);
    words += w;
  }
  return words >= 550 ? paras.join('\n\n') + '\n' : null;
}

const picked: Array<{ path: string; text: string }> = [];
const pool = [...paths];
while (picked.length < n && pool.length) {
  const path = pool.splice(Math.floor(random() * pool.length), 1)[0]!;
  const text = prose(git('cat-file', '-p', `data:${path}`));
  if (text) picked.push({ path, text });
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'SOURCES.tsv'), 'folder\tsource path\n' + picked.map((p, i) => `${name(i, p.path)}\t${p.path}\n`).join(''));

function name(i: number, path: string): string {
  const kind = path.startsWith('rattsliga-dokument/') ? path.split('/')[1] : path.split('/')[0];
  return `${prefix}${String(i).padStart(3, '0')}-${(kind ?? '').slice(0, 22)}`;
}

let next = 0, failed = 0;
const worker = async (): Promise<void> => {
  while (next < picked.length) {
    const i = next++;
    const doc = picked[i]!;
    const dir = join(out, name(i, doc.path));
    if (existsSync(join(dir, 'ocr-swe.txt'))) continue;
    mkdirSync(dir, { recursive: true });
    const src = join(dir, 'source.txt');
    writeFileSync(src, doc.text);
    const code = await new Promise<number | null>((resolve) => spawn('bash', [makeFixture, src, dir], { stdio: ['ignore', 'ignore', 'inherit'] }).on('close', resolve));
    if (code !== 0) { failed++; console.error(`${dir}: make-fixture.sh exited ${code}`); continue; }
    rmSync(src); // truth.txt holds the same text
    console.log(`${i + 1}/${picked.length} ${dir}`);
  }
};
await Promise.all(Array.from({ length: jobs }, worker));
if (failed) { console.error(`${failed} of ${picked.length} documents failed`); process.exit(1); }
