// Derives the frequency files the Lexicon ships from the official counts (src/official-data.ts:
// $ARKIV_DATA_DIR, default ../shared/data; see dictionaries/README.md):
//   dictionaries/sv-official-unigrams.txt.gz   word<TAB>count, case kept, count >= 3, sorted by word
//   dictionaries/sv-opensubtitles-50k.txt.gz    word<TAB>count, sorted by word (CC BY-SA 4.0)
//   dictionaries/sv-official-bigrams.txt.gz     "a b"<TAB>count, lower-case, pruned (rule below)
// Sorted by key (JS code-unit order) so the library can binary-search the text without building maps.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { officialCounts } from '../src/official-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MIN_UNIGRAM = 3;
// Bigram pruning: a pair is kept when count >= MIN_BIGRAM_ANY, or when count >= MIN_BIGRAM_CONFUSABLE
// and one of its words is "confusable": it has å/ä/ö/é, or stripping the diacritics of a frequent
// word (>= CONFUSABLE_MIN_COUNT) gives it (för→for, bör→bor, på→pa, är/år→ar). These are the
// pairs the repair stage needs to decide stripped-diacritic words in context.
const MIN_BIGRAM_ANY = Number(process.env.MIN_BIGRAM_ANY ?? 12);
const MIN_BIGRAM_CONFUSABLE = 3;
const CONFUSABLE_MIN_COUNT = 20;

type Row = [key: string, count: number];
const sortByKey = (rows: Row[]): Row[] => rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const write = (name: string, rows: Row[]): void => {
  const gz = gzipSync(Buffer.from(rows.map(([k, v]) => `${k}\t${v}`).join('\n') + '\n', 'utf8'), { level: 9 });
  writeFileSync(join(root, 'dictionaries', name), gz);
  console.log(`${name}: ${rows.length} lines, ${gz.length} bytes`);
};
const fold = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

const unigrams = officialCounts('sv-official-unigrams.tsv', '\t').filter(([, c]) => c >= MIN_UNIGRAM);
write('sv-official-unigrams.txt.gz', sortByKey(unigrams.slice()));

const subs = officialCounts('sv-opensubtitles-50k.txt', ' ').filter(([w, c]) => w && !/\s/.test(w) && c > 0);
write('sv-opensubtitles-50k.txt.gz', sortByKey(subs.slice()));

const lowerCounts = new Map<string, number>();
for (const [w, c] of unigrams) lowerCounts.set(w.toLowerCase(), (lowerCounts.get(w.toLowerCase()) ?? 0) + c);
const confusable = new Set<string>();
for (const [w, c] of lowerCounts) {
  const f = fold(w);
  if (f !== w) { confusable.add(w); if (c >= CONFUSABLE_MIN_COUNT) confusable.add(f); }
}
const bigrams = officialCounts('sv-official-bigrams.tsv', '\t').filter(([pair, c]) => {
  if (c >= MIN_BIGRAM_ANY) return true;
  if (c < MIN_BIGRAM_CONFUSABLE) return false;
  const [a = '', b = ''] = pair.split(' ');
  return confusable.has(a) || confusable.has(b);
});
write('sv-official-bigrams.txt.gz', sortByKey(bigrams));

// Totals the library needs to put the two frequency lists on one scale (see FREQUENCY_WEIGHTS).
const total = (file: string, sep: string): number => officialCounts(file, sep).reduce((s, [, c]) => s + c, 0);
const meta = {
  officialTokens: total('sv-official-unigrams.tsv', '\t'),
  subtitleTokens: total('sv-opensubtitles-50k.txt', ' '),
  minUnigram: MIN_UNIGRAM,
  bigramRule: { minAny: MIN_BIGRAM_ANY, minConfusable: MIN_BIGRAM_CONFUSABLE, confusableMinCount: CONFUSABLE_MIN_COUNT },
};
writeFileSync(join(root, 'dictionaries', 'lexicon-meta.json'), JSON.stringify(meta, null, 2) + '\n');
console.log('lexicon-meta.json', meta);
