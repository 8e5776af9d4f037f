// Builds dictionaries/en-words.txt.gz: the word forms of a Hunspell en_US dictionary made from
// SCOWL — its stems expanded with its affix rules (suffixes, prefixes, and a prefix with a suffix
// where both allow the cross product, as Hunspell does) — lower case, letters a–z only, three
// letters or more, one a line. Repair reads it to leave English words inside Swedish prose alone
// (`life science`, `Sweden Food Arena`, `Framework … for Resources`; see src/repair/english.ts).
//
// The source: npm `dictionary-en` (SCOWL's en_US), or another Hunspell dictionary given as the path
// of its .aff and .dic without the ending; plus the stems of dictionaries/en-extra-stems.txt.
//
//   tsx scripts/build-english.ts                     (npm run build:lexicon runs it)
//   tsx scripts/build-english.ts [SOURCE] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args.splice(outAt, 2)[1]! : join(root, 'dictionaries', 'en-words.txt.gz');
const source = args[0] ?? join(dirname(fileURLToPath(import.meta.resolve('dictionary-en'))), 'index');
const aff = readFileSync(`${source}.aff`, 'utf8').split('\n');
const dic = readFileSync(`${source}.dic`, 'utf8').split('\n').slice(1);
// Stems the source lacks, met in dev text (dictionaries/en-extra-stems.txt: `stem/flags`, the
// flags of the source's affix rules; `#` starts a comment).
const extra = readFileSync(join(root, 'dictionaries', 'en-extra-stems.txt'), 'utf8')
  .split('\n')
  .map((l) => l.replace(/#.*/, '').trim())
  .filter((l) => l !== '');

interface Affix {
  strip: string;
  add: string;
  /** The condition, at the word's end (suffix) or start (prefix). */
  when: RegExp;
  /** Whether it combines with an affix of the other kind (Hunspell's cross product `Y`). */
  cross: boolean;
}

/** flag → its rules, for suffixes (SFX) and prefixes (PFX). Flags are one character (no FLAG
 * line in either source); an affix's own continuation flags (`add/flags`) are not followed. */
function affixes(kind: 'SFX' | 'PFX'): Map<string, Affix[]> {
  const rules = new Map<string, Affix[]>();
  const cross = new Map<string, boolean>();
  for (const line of aff) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== kind) continue;
    const [, flag = '', strip = '', add = '', condition = ''] = f;
    // The header: `SFX flag Y|N count`.
    if (f.length === 4 && /^[YN]$/.test(strip)) {
      cross.set(flag, strip === 'Y');
      continue;
    }
    if (f.length < 5) continue;
    let list = rules.get(flag);
    if (!list) rules.set(flag, (list = []));
    const when = kind === 'SFX' ? new RegExp(`${condition}$`) : new RegExp(`^${condition}`);
    list.push({ strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add.split('/')[0]!, when, cross: cross.get(flag) ?? false });
  }
  return rules;
}
const suffixes = affixes('SFX');
const prefixes = affixes('PFX');

const forms = new Set<string>();
const keep = (w: string): void => {
  const lower = w.toLowerCase();
  if (lower.length >= 3 && /^[a-z]+$/.test(lower)) forms.add(lower);
};
for (const line of [...dic, ...extra]) {
  // `stem/flags`, then perhaps morphological fields after white space.
  const [entry = ''] = line.trim().split(/\s+/);
  const [stem, flags = ''] = entry.split('/');
  if (!stem) continue;
  keep(stem);
  const suffixed: Array<{ form: string; cross: boolean }> = [];
  for (const flag of flags) {
    for (const r of suffixes.get(flag) ?? []) {
      if (r.when.test(stem) && stem.endsWith(r.strip)) suffixed.push({ form: stem.slice(0, stem.length - r.strip.length) + r.add, cross: r.cross });
    }
  }
  for (const s of suffixed) keep(s.form);
  for (const flag of flags) {
    for (const r of prefixes.get(flag) ?? []) {
      if (!r.when.test(stem) || !stem.startsWith(r.strip)) continue;
      keep(r.add + stem.slice(r.strip.length));
      // `re` + `source` + `s`: both rules must allow the cross product.
      if (r.cross) for (const s of suffixed) if (s.cross) keep(r.add + s.form.slice(r.strip.length));
    }
  }
}
const list = [...forms].sort();
writeFileSync(out, gzipSync(Buffer.from(list.join('\n') + '\n', 'utf8'), { level: 9 }));
console.log(`${out}: ${list.length} forms from ${source}`);
