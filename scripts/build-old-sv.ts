// Builds the older-Swedish data of dictionaries/ from the ELTeC-swe novels (COST-ELTeC/ELTeC-swe,
// level1 TEI; public-domain texts) and the official unigram counts of ../shared/data:
//   old-sv-words.txt.gz       word forms of the novels in pre-1906 spelling: `form<TAB>count<TAB>lower-case count`
//   old-sv-pairs.txt.gz       their adjacent word pairs seen 3+ times: `first second<TAB>count`
//   old-sv-orthography.json   the spelling features that tell pre-1906 text from modern, learned here
//
//   tsx scripts/build-old-sv.ts ELTEC_GIT_DIR [DATA_DIR]
//
// Which novel is which: OLD are those whose edition keeps the spelling before the 1906 reform;
// MODERN those in today's spelling (editions of 1906+ in it, and the national edition of Strindberg,
// which writes `vad`, `av`); BENCH are never read here (they are the old-sv bench set of
// bench/repair.mjs and registered as such in the sources registry).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { officialCounts, officialDataDir } from '../src/official-data.js';
import { checkOrthographyModel, spellingScore, type OrthographyFeature, type OrthographyModel } from '../src/repair/orthography.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [gitDir, dataDir = officialDataDir()] = process.argv.slice(2);
if (!gitDir) {
  console.error('usage: build-old-sv.ts ELTEC_GIT_DIR [DATA_DIR]');
  process.exit(2);
}

const BENCH = ['SWE2055258_Mellin', 'SWE1859574_Hebbe', 'SWE8410781_Snellman', 'SWE1598607_Lundin', 'SWE1498004_Hansson', 'SWE31100_Hansson', 'SWE1963958_Lybeck', 'SWE2016528_Lybeck', 'SWE1205720_Malling', 'SWE1623997_Malling'];
const MODERN = ['SWE262937_Strindberg', 'SWE13553440_Strindberg', 'SWE8203289_Strindberg', 'SWE11729834_Sandel', 'SWE501583_Lagerlof', 'SWE53736_Koch', 'SWE1461421_Sandel', 'SWE1660065_Uddgren', 'SWE1175632_Steenhoff', 'SWE1654505_Krusenstjerna', 'SWE914400_Wagner', 'SWE1649001_Andersson', 'SWE8222888_Nordstrom', 'SWE9491746_Bergman', 'SWE1524996_Bergman'];
/** Features kept, strongest first. */
const MAX_FEATURES = 32;
/** Words a page of the threshold's sample has. */
const PAGE = 150;
/** A feature is kept when it is this many times as common in one spelling as in the other… */
const MIN_RATIO = 5;
/** …and found in this share of that spelling's novels. */
const MIN_DOC_SHARE = 0.6;

const git = (...a: string[]): string => execFileSync('git', [`--git-dir=${gitDir}`, ...a], { maxBuffer: 1 << 28 }).toString('utf8');
const files = git('ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((f) => /^level1\/SWE.*\.xml$/u.test(f));
const commit = git('rev-parse', 'HEAD').trim();

/** The running text of a TEI novel (notes dropped). */
function bodyText(xml: string): string {
  const body = xml.slice(xml.indexOf('<body'));
  return body
    .replace(/<note[\s\S]*?<\/note>/gu, '')
    .replace(/<\/(p|head|l|lg)>/gu, '\n\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>');
}
/** Word tokens: letters, and a colon between letters (`R:dr`, an abbreviation of the time). */
const TOKEN = /\p{L}+(?::\p{L}+)*/gu;
const tokens = (text: string): string[] => text.normalize('NFC').match(TOKEN) ?? [];

interface Novel {
  id: string;
  words: string[];
}
const old: Novel[] = [];
const modern: Novel[] = [];
for (const f of files) {
  const id = f.slice('level1/'.length, -'.xml'.length);
  if (BENCH.includes(id)) continue;
  const words = tokens(bodyText(git('show', `HEAD:${f}`)));
  (MODERN.includes(id) ? modern : old).push({ id, words });
}

// 1. The lexicon of older Swedish: every form of the OLD novels seen twice or more.
/** lower-cased form → [count, count written in lower case] */
const counts = new Map<string, [number, number]>();
for (const d of old) {
  for (const w of d.words) {
    const key = w.toLowerCase();
    const c = counts.get(key) ?? [0, 0];
    c[0]++;
    if (w === key) c[1]++;
    counts.set(key, c);
  }
}
const oldTokens = old.reduce((n, d) => n + d.words.length, 0);
const lines = [...counts].filter(([, c]) => c[0] >= 2).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, c]) => `${w}\t${c[0]}\t${c[1]}`);
writeFileSync(join(root, 'dictionaries', 'old-sv-words.txt.gz'), gzipSync(`# ${oldTokens} tokens of ${old.length} ELTeC-swe novels in pre-1906 spelling (${commit.slice(0, 12)}); form<TAB>count<TAB>lower-case count, count >= 2\n${lines.join('\n')}\n`, { level: 9 }));

// 1b. Word pairs of the OLD novels (adjacent tokens, lower case) seen 3 times or more: the context
// older-Swedish repair weighs a known word against its twin with (`sa han`, `så att`).
const pairs = new Map<string, number>();
for (const d of old) {
  for (let i = 1; i < d.words.length; i++) {
    const k = `${d.words[i - 1]!.toLowerCase()} ${d.words[i]!.toLowerCase()}`;
    pairs.set(k, (pairs.get(k) ?? 0) + 1);
  }
}
const pairLines = [...pairs].filter(([, c]) => c >= 3).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, c]) => `${k}\t${c}`);
writeFileSync(join(root, 'dictionaries', 'old-sv-pairs.txt.gz'), gzipSync(`# word pairs of ${old.length} ELTeC-swe novels in pre-1906 spelling (${commit.slice(0, 12)}); first second<TAB>count, count >= 3\n${pairLines.join('\n')}\n`, { level: 9 }));

// 2. The spelling features. Candidates: a word's first 2–3 letters, its last 2–3, any letter pair
// or triple inside it, and a short word whole; each counted once per token. The modern side is the
// MODERN novels plus the official unigram counts (12 M words of today's prose).
function featuresOf(w: string): string[] {
  const s = w.toLowerCase();
  if (!/^\p{L}+$/u.test(s)) return [];
  const out = new Set<string>();
  for (const n of [2, 3]) {
    if (s.length > n) {
      out.add(`^${s.slice(0, n)}`);
      out.add(`${s.slice(-n)}$`);
    }
    for (let i = 0; i + n <= s.length; i++) out.add(s.slice(i, i + n));
  }
  if (s.length <= 5) out.add(`^${s}$`);
  if (s.includes('ſ')) out.add('ſ');
  return [...out];
}

/** A sample's tokens, and per feature its token count and the documents holding it. */
interface Tally {
  tokens: number;
  docs: number;
  count: Map<string, number>;
  docsWith: Map<string, number>;
}
function tally(docs: ReadonlyArray<ReadonlyMap<string, number>>): Tally {
  const n: Tally = { tokens: 0, docs: docs.length, count: new Map(), docsWith: new Map() };
  for (const d of docs) {
    const seen = new Set<string>();
    for (const [w, c] of d) {
      n.tokens += c;
      for (const f of featuresOf(w)) {
        n.count.set(f, (n.count.get(f) ?? 0) + c);
        seen.add(f);
      }
    }
    for (const f of seen) n.docsWith.set(f, (n.docsWith.get(f) ?? 0) + 1);
  }
  return n;
}
const wordCounts = (words: readonly string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};
const official = new Map<string, number>();
for (const [w, c] of officialCounts('sv-official-unigrams.tsv', '\t', dataDir)) if (w) official.set(w, c);
const O = tally(old.map((d) => wordCounts(d.words)));
const N = tally(modern.map((d) => wordCounts(d.words)));
const P = tally([official]);
/** G-statistic (log-likelihood ratio) of a feature's rate in two samples. */
function g(a: number, na: number, b: number, nb: number): number {
  const e1 = (na * (a + b)) / (na + nb);
  const e2 = (nb * (a + b)) / (na + nb);
  const t = (x: number, e: number): number => (x > 0 ? x * Math.log(x / e) : 0);
  return 2 * (t(a, e1) + t(b, e2) + t(na - a, na - e1) + t(nb - b, nb - e2));
}
const rate = (T: Tally, f: string): number => ((T.count.get(f) ?? 0) + 0.5) / (T.tokens + 1);
const docShare = (T: Tally, f: string): number => (T.docsWith.get(f) ?? 0) / T.docs;
// A feature must tell old from modern in both genres of modern text (novels and official prose),
// or it tells genre: `jag`, `hon` are novels', `-tion` official prose's, in any spelling. An old
// feature: 5× as common in old novels as in modern novels and in official prose, in 60 % of the old
// novels. A modern one: 5× as common in both modern samples, in 60 % of the modern novels. The
// modern rate kept is the one that makes the feature say least (the higher for an old feature).
interface Candidate {
  f: string;
  /** Rate in the old novels. */
  pa: number;
  /** Rate on the modern side. */
  pb: number;
  /** The weaker G of old against modern novels and against official prose. */
  g: number;
}
const candidates: Candidate[] = [];
for (const f of new Set([...O.count.keys(), ...N.count.keys()])) {
  const pa = rate(O, f), pn = rate(N, f), po = rate(P, f);
  const a = O.count.get(f) ?? 0;
  const strength = (): number => Math.min(g(a, O.tokens, N.count.get(f) ?? 0, N.tokens), g(a, O.tokens, P.count.get(f) ?? 0, P.tokens));
  if (pa >= MIN_RATIO * Math.max(pn, po) && docShare(O, f) >= MIN_DOC_SHARE) candidates.push({ f, pa, pb: Math.max(pn, po), g: strength() });
  else if (MIN_RATIO * pa <= Math.min(pn, po) && docShare(N, f) >= MIN_DOC_SHARE) candidates.push({ f, pa, pb: Math.min(pn, po), g: strength() });
}
candidates.sort((x, y) => y.g - x.g);
// Greedy: the strongest first; a candidate that contains a chosen feature's letters (`^hva` after
// `^hv`) or is contained in one says the same thing again and is skipped.
const letters = (f: string): string => f.replace(/[\^$]/gu, '');
const chosen: Candidate[] = [];
for (const c of candidates) {
  if (chosen.length >= MAX_FEATURES) break;
  if (chosen.some((k) => letters(c.f).includes(letters(k.f)) || letters(k.f).includes(letters(c.f)))) continue;
  chosen.push(c);
}
const features: OrthographyFeature[] = chosen.map((c) => ({ feature: c.f, old: +(c.pa * 1000).toFixed(4), modern: +(c.pb * 1000).toFixed(4) }));

// 3. The decision threshold: the log-likelihood ratio (src/repair/orthography.ts's spellingScore)
// of 150-word pages of the OLD novels against pages of the MODERN novels and of the training texts
// and their OCR (../shared/train: official prose, read by two engines). The threshold sits between
// the highest modern page and the lowest old one, on the log scale's middle.
const scoring: OrthographyModel = { features, threshold: 0, minWords: 0 };
const llr = (words: readonly string[]): number => spellingScore(words.join(' '), scoring);
const pagesOf = (words: readonly string[]): string[][] => Array.from({ length: Math.floor(words.length / PAGE) }, (_, i) => words.slice(i * PAGE, (i + 1) * PAGE));
const letterWords = (text: string): string[] => text.normalize('NFC').match(/\p{L}+/gu) ?? [];
const oldScores = old.flatMap((d) => pagesOf(d.words.filter((w) => !w.includes(':'))).map(llr));
const modScores = modern.flatMap((d) => pagesOf(d.words.filter((w) => !w.includes(':'))).map(llr));
const train = join(dataDir, '..', 'train');
for (const dir of readdirSync(train)) {
  for (const f of ['truth.txt', 'ocr-swe.txt', 'ocr-eng.txt']) {
    const p = join(train, dir, f);
    if (existsSync(p)) modScores.push(...pagesOf(letterWords(readFileSync(p, 'utf8'))).map(llr));
  }
}
const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
const so = sorted(oldScores), sm = sorted(modScores);
const q = (xs: readonly number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const hiModern = sm[sm.length - 1]!, loOld = so[0]!;
const threshold = Math.round(10 * (Math.max(hiModern, 0) + (q(so, 0.005) - Math.max(hiModern, 0)) / 2)) / 10;
console.log(`pages of ${PAGE} words: old ${so.length} (min ${loOld.toFixed(1)}, 0.5% ${q(so, 0.005).toFixed(1)}, median ${q(so, 0.5).toFixed(1)}), modern ${sm.length} (median ${q(sm, 0.5).toFixed(1)}, 99.9% ${q(sm, 0.999).toFixed(1)}, max ${hiModern.toFixed(1)}); threshold ${threshold}`);
console.log(`old pages below it: ${so.filter((x) => x < threshold).length}, modern pages at or above: ${sm.filter((x) => x >= threshold).length}`);
const meta = { source: `COST-ELTeC/ELTeC-swe ${commit.slice(0, 12)} level1; ../shared/data sv-official-unigrams.tsv`, oldNovels: old.length, oldTokens, modernNovels: modern.length, modernTokens: N.tokens + P.tokens };
const model: OrthographyModel & typeof meta & { ratesPer: number; pageWords: number } = { ...meta, ratesPer: 1000, threshold, minWords: 20, pageWords: PAGE, features };
checkOrthographyModel(model, 'old-sv-orthography.json (as built)');
writeFileSync(join(root, 'dictionaries', 'old-sv-orthography.json'), JSON.stringify(model, null, 1) + '\n');
console.log(JSON.stringify(meta));
for (const c of chosen) console.log(`${c.f}\told ${(c.pa * 1000).toFixed(2)}‰\tmodern ${(c.pb * 1000).toFixed(3)}‰\tG ${Math.round(c.g)}`);
console.log(`lexicon: ${lines.length} forms`);
