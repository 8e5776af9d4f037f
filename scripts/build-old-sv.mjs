#!/usr/bin/env node
// Builds the older-Swedish data of dictionaries/ from the ELTeC-swe novels (COST-ELTeC/ELTeC-swe,
// level1 TEI; public-domain texts) and the official unigram counts of ../shared/data:
//   old-sv-words.txt.gz       word forms of the novels in pre-1906 spelling: `form<TAB>count<TAB>lower-case count`
//   old-sv-pairs.txt.gz       their adjacent word pairs seen 3+ times: `first second<TAB>count`
//   old-sv-orthography.json   the spelling features that tell pre-1906 text from modern, learned here
//
//   node scripts/build-old-sv.mjs ELTEC_GIT_DIR [DATA_DIR]
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

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [gitDir, dataDir = join(root, '..', 'shared', 'data')] = process.argv.slice(2);
if (!gitDir) throw new Error('usage: build-old-sv.mjs ELTEC_GIT_DIR [DATA_DIR]');

export const BENCH = ['SWE2055258_Mellin', 'SWE1859574_Hebbe', 'SWE8410781_Snellman', 'SWE1598607_Lundin', 'SWE1498004_Hansson', 'SWE31100_Hansson', 'SWE1963958_Lybeck', 'SWE2016528_Lybeck', 'SWE1205720_Malling', 'SWE1623997_Malling'];
const MODERN = ['SWE262937_Strindberg', 'SWE13553440_Strindberg', 'SWE8203289_Strindberg', 'SWE11729834_Sandel', 'SWE501583_Lagerlof', 'SWE53736_Koch', 'SWE1461421_Sandel', 'SWE1660065_Uddgren', 'SWE1175632_Steenhoff', 'SWE1654505_Krusenstjerna', 'SWE914400_Wagner', 'SWE1649001_Andersson', 'SWE8222888_Nordstrom', 'SWE9491746_Bergman', 'SWE1524996_Bergman'];

const git = (...a) => execFileSync('git', [`--git-dir=${gitDir}`, ...a], { maxBuffer: 1 << 28 }).toString('utf8');
const files = git('ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((f) => /^level1\/SWE.*\.xml$/u.test(f));
const commit = git('rev-parse', 'HEAD').trim();

/** The running text of a TEI novel (notes dropped). */
function bodyText(xml) {
  const body = xml.slice(xml.indexOf('<body'));
  return body
    .replace(/<note[\s\S]*?<\/note>/gu, '')
    .replace(/<\/(p|head|l|lg)>/gu, '\n\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>');
}
const TOKEN = /\p{L}+(?::\p{L}+)*/gu;
/** Word tokens: letters, and a colon between letters (`R:dr`, an abbreviation of the time). */
const tokens = (text) => text.normalize('NFC').match(TOKEN) ?? [];

const old = [];
const modern = [];
for (const f of files) {
  const id = f.slice('level1/'.length, -'.xml'.length);
  if (BENCH.includes(id)) continue;
  const words = tokens(bodyText(git('show', `HEAD:${f}`)));
  (MODERN.includes(id) ? modern : old).push({ id, words });
}

// 1. The lexicon of older Swedish: every form of the OLD novels seen twice or more.
const counts = new Map();
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
const pairs = new Map();
for (const d of old) {
  for (let i = 1; i < d.words.length; i++) {
    const k = `${d.words[i - 1].toLowerCase()} ${d.words[i].toLowerCase()}`;
    pairs.set(k, (pairs.get(k) ?? 0) + 1);
  }
}
const pairLines = [...pairs].filter(([, c]) => c >= 3).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, c]) => `${k}\t${c}`);
writeFileSync(join(root, 'dictionaries', 'old-sv-pairs.txt.gz'), gzipSync(`# word pairs of ${old.length} ELTeC-swe novels in pre-1906 spelling (${commit.slice(0, 12)}); first second<TAB>count, count >= 3\n${pairLines.join('\n')}\n`, { level: 9 }));

// 2. The spelling features. Candidates: a word's first 2–3 letters, its last 2–3, any letter pair
// or triple inside it, and a short word whole; each counted once per token. The modern side is the
// MODERN novels plus the official unigram counts (12 M words of today's prose).
function featuresOf(w) {
  const s = w.toLowerCase();
  if (!/^\p{L}+$/u.test(s)) return [];
  const out = new Set();
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
/** Per class: tokens, and per feature its token count and the documents holding it. */
function tally(docs) {
  const n = { tokens: 0, docs: docs.length, count: new Map(), docsWith: new Map() };
  for (const d of docs) {
    const seen = new Set();
    for (const [w, c] of d.counts) {
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
const wordCounts = (words) => {
  const m = new Map();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};
const official = new Map();
for (const line of readFileSync(join(dataDir, 'sv-official-unigrams.tsv'), 'utf8').split('\n')) {
  const [w, c] = line.split('\t');
  if (w && c) official.set(w, Number(c));
}
const O = tally(old.map((d) => ({ counts: wordCounts(d.words) })));
const N = tally(modern.map((d) => ({ counts: wordCounts(d.words) })));
const P = tally([{ counts: official }]);
/** G-statistic (log-likelihood ratio) of a feature's rate in two samples. */
function g(a, na, b, nb) {
  const e1 = (na * (a + b)) / (na + nb);
  const e2 = (nb * (a + b)) / (na + nb);
  const t = (x, e) => (x > 0 ? x * Math.log(x / e) : 0);
  return 2 * (t(a, e1) + t(b, e2) + t(na - a, na - e1) + t(nb - b, nb - e2));
}
const rate = (T, f) => ((T.count.get(f) ?? 0) + 0.5) / (T.tokens + 1);
const docShare = (T, f) => (T.docsWith.get(f) ?? 0) / T.docs;
// A feature must tell old from modern in both genres of modern text (novels and official prose),
// or it tells genre: `jag`, `hon` are novels', `-tion` official prose's, in any spelling. An old
// feature: 5× as common in old novels as in modern novels and in official prose, in 60 % of the old
// novels. A modern one: 5× as common in both modern samples, in 60 % of the modern novels. The
// modern rate kept is the one that makes the feature say least (the higher for an old feature).
const candidates = [];
for (const f of new Set([...O.count.keys(), ...N.count.keys()])) {
  const pa = rate(O, f), pn = rate(N, f), po = rate(P, f);
  if (pa >= 5 * Math.max(pn, po) && docShare(O, f) >= 0.6) candidates.push({ f, pa, pb: Math.max(pn, po), g: Math.min(g(O.count.get(f) ?? 0, O.tokens, N.count.get(f) ?? 0, N.tokens), g(O.count.get(f) ?? 0, O.tokens, P.count.get(f) ?? 0, P.tokens)) });
  else if (5 * pa <= Math.min(pn, po) && docShare(N, f) >= 0.6) candidates.push({ f, pa, pb: Math.min(pn, po), g: Math.min(g(O.count.get(f) ?? 0, O.tokens, N.count.get(f) ?? 0, N.tokens), g(O.count.get(f) ?? 0, O.tokens, P.count.get(f) ?? 0, P.tokens)) });
}
candidates.sort((x, y) => y.g - x.g);
// Greedy: the strongest first; a candidate that contains a chosen feature's letters (`^hva` after
// `^hv`) or is contained in one says the same thing again and is skipped.
const bare = (f) => f.replace(/[\^$]/gu, '');
const chosen = [];
for (const c of candidates) {
  if (chosen.length >= 32) break;
  if (chosen.some((k) => bare(c.f).includes(bare(k.f)) || bare(k.f).includes(bare(c.f)))) continue;
  chosen.push(c);
}
const features = chosen.map((c) => ({ feature: c.f, old: +(c.pa * 1000).toFixed(4), modern: +(c.pb * 1000).toFixed(4) }));
// 3. The decision threshold: the log-likelihood ratio (as src/repair/orthography.ts sums it) of
// 150-word pages of the OLD novels against pages of the MODERN novels and of the training texts
// and their OCR (../shared/train: official prose, read by two engines). The threshold sits between
// the highest modern page and the lowest old one, on the log scale's middle.
const matchers = features.map((x) => {
  const letters = x.feature.replace(/^\^|\$$/gu, '');
  const kind = x.feature.startsWith('^') && x.feature.endsWith('$') ? 'whole' : x.feature.startsWith('^') ? 'start' : x.feature.endsWith('$') ? 'end' : 'inside';
  const po = x.old / 1000, pm = x.modern / 1000;
  return { kind, letters, w: Math.log(po / pm), absent: Math.log((1 - po) / (1 - pm)) };
});
function llr(words) {
  let score = 0;
  for (const x of matchers) {
    let c = 0;
    for (const raw of words) {
      const w = raw.toLowerCase();
      if (x.kind === 'whole' ? w === x.letters : x.kind === 'start' ? w.length > x.letters.length && w.startsWith(x.letters) : x.kind === 'end' ? w.length > x.letters.length && w.endsWith(x.letters) : w.includes(x.letters)) c++;
    }
    score += c * x.w + (words.length - c) * x.absent;
  }
  return score;
}
const PAGE = 150;
const pagesOf = (words) => Array.from({ length: Math.floor(words.length / PAGE) }, (_, i) => words.slice(i * PAGE, (i + 1) * PAGE));
const letterWords = (text) => text.normalize('NFC').match(/\p{L}+/gu) ?? [];
const oldScores = old.flatMap((d) => pagesOf(d.words.filter((w) => !w.includes(':'))).map(llr));
const modScores = modern.flatMap((d) => pagesOf(d.words.filter((w) => !w.includes(':'))).map(llr));
const train = join(dataDir, '..', 'train');
for (const dir of readdirSync(train)) {
  for (const f of ['truth.txt', 'ocr-swe.txt', 'ocr-eng.txt']) {
    const p = join(train, dir, f);
    if (existsSync(p)) modScores.push(...pagesOf(letterWords(readFileSync(p, 'utf8'))).map(llr));
  }
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const so = sorted(oldScores), sm = sorted(modScores);
const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const hiModern = sm[sm.length - 1], loOld = so[0];
const threshold = Math.round(10 * (Math.max(hiModern, 0) + (q(so, 0.005) - Math.max(hiModern, 0)) / 2)) / 10;
console.log(`pages of ${PAGE} words: old ${so.length} (min ${loOld.toFixed(1)}, 0.5% ${q(so, 0.005).toFixed(1)}, median ${q(so, 0.5).toFixed(1)}), modern ${sm.length} (median ${q(sm, 0.5).toFixed(1)}, 99.9% ${q(sm, 0.999).toFixed(1)}, max ${hiModern.toFixed(1)}); threshold ${threshold}`);
console.log(`old pages below it: ${so.filter((x) => x < threshold).length}, modern pages at or above: ${sm.filter((x) => x >= threshold).length}`);
const meta = { source: `COST-ELTeC/ELTeC-swe ${commit.slice(0, 12)} level1; ../shared/data sv-official-unigrams.tsv`, oldNovels: old.length, oldTokens, modernNovels: modern.length, modernTokens: N.tokens + P.tokens };
writeFileSync(join(root, 'dictionaries', 'old-sv-orthography.json'), JSON.stringify({ ...meta, ratesPer: 1000, threshold, minWords: 20, pageWords: PAGE, features }, null, 1) + '\n');
console.log(JSON.stringify(meta));
for (const c of chosen) console.log(`${c.f}\told ${(c.pa * 1000).toFixed(2)}‰\tmodern ${(c.pb * 1000).toFixed(3)}‰\tG ${Math.round(c.g)}`);
console.log(`lexicon: ${lines.length} forms`);
