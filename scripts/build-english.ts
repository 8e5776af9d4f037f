// Builds dictionaries/en-words.txt.gz: the word forms of the Hunspell en_US dictionary (SCOWL, via
// npm `dictionary-en`, MIT AND BSD), its stems expanded with its suffix rules, lower case, letters
// a–z only, three letters or more, one a line. Repair reads it to leave English words inside
// Swedish prose alone (`life science`, `Sweden Food Arena`; see src/repair/english.ts).
//
//   tsx scripts/build-english.ts   (npm run build:lexicon runs it)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dir = dirname(fileURLToPath(import.meta.resolve('dictionary-en')));
const aff = readFileSync(join(dir, 'index.aff'), 'utf8').split('\n');
const dic = readFileSync(join(dir, 'index.dic'), 'utf8').split('\n').slice(1);

/** flag → suffix rules [strip, add, condition at the word's end]. Prefix rules are left out: an
 * English word with a prefix (`un…`, `re…`) is rarely a name inside Swedish prose. */
const suffixes = new Map<string, Array<{ strip: string; add: string; when: RegExp }>>();
for (const line of aff) {
  const f = line.trim().split(/\s+/);
  if (f[0] !== 'SFX' || f.length < 5) continue;
  const [, flag = '', strip = '', add = '', condition = ''] = f;
  let rules = suffixes.get(flag);
  if (!rules) suffixes.set(flag, (rules = []));
  rules.push({ strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add.split('/')[0]!, when: new RegExp(`${condition}$`) });
}

const forms = new Set<string>();
const keep = (w: string): void => {
  const lower = w.toLowerCase();
  if (lower.length >= 3 && /^[a-z]+$/.test(lower)) forms.add(lower);
};
for (const line of dic) {
  const [stem, flags = ''] = line.trim().split('/');
  if (!stem) continue;
  keep(stem);
  for (const flag of flags) {
    for (const r of suffixes.get(flag) ?? []) {
      if (r.when.test(stem) && stem.endsWith(r.strip)) keep(stem.slice(0, stem.length - r.strip.length) + r.add);
    }
  }
}
const list = [...forms].sort();
writeFileSync(join(root, 'dictionaries', 'en-words.txt.gz'), gzipSync(Buffer.from(list.join('\n') + '\n', 'utf8'), { level: 9 }));
console.log(`en-words.txt.gz: ${list.length} forms`);
