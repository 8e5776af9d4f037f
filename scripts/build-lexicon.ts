// Builds the compact word-form list the Lexicon loads (dictionaries/sv-forms.txt.gz) by expanding the
// Hunspell sv_SE dictionary of the npm package `dictionary-sv` (LGPL-3.0) with its own affix rules.
//
// Why not nspell: with this .aff it accepts nearly anything (compounding flags are misread), so we
// expand the forms ourselves and keep Hunspell's compound roles as data for our own compound splitter.
//
// Output: dictionaries/sv-forms.fc.txt.gz, the forms sorted (JS code-unit order) and front-coded,
// each with its role bits as one hex digit, and sv-forms.filter.bin, a hash filter of the forms:
//   1 = standalone word, 2 = may begin a compound, 4 = may stand inside a compound, 8 = may end one,
//   16 = may follow a number and a hyphen (COMPOUNDRULE `1*-6`: `87-åringens`, `10-procentig`),
//   32 = NOSUGGEST: a real word (mostly offensive, some rare) that a corrector should not propose.
// Forms only valid inside compounds (ONLYINCOMPOUND) carry no 1 bit; forbidden forms are dropped.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashKey } from '../src/repair/lexicon-hash.js';
import { mineCompoundEnds } from './lexicon-compound-ends.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dictDir = dirname(fileURLToPath(import.meta.resolve('dictionary-sv')));
const aff = readFileSync(join(dictDir, 'index.aff'), 'utf8');
const dic = readFileSync(join(dictDir, 'index.dic'), 'utf8');

// The role bits src/repair/lexicon.ts reads (STANDALONE … NO_SUGGEST there).
const STANDALONE = 1, BEGIN = 2, MIDDLE = 4, END = 8, NUMERIC_SUFFIX = 16, NO_SUGGEST = 32;

interface AffOptions {
  flagType: string;
  forbidden?: string;
  noSuggest?: string;
  needAffix?: string;
  onlyInCompound?: string;
  compoundFlag?: string;
  compoundBegin: string[];
  compoundMiddle: string[];
  compoundEnd: string[];
  permit?: string;
  rules: string[];
}
interface AffixEntry {
  strip: string;
  add: string;
  cont: string[];
  cond: RegExp | null;
}
interface Affix {
  kind: string;
  cross: boolean;
  entries: AffixEntry[];
}

/** Reads the .aff: directives we honour and the suffix/prefix tables. */
function parseAff(text: string): { opts: AffOptions; affixes: Map<string, Affix> } {
  const opts: AffOptions = { flagType: 'char', compoundBegin: [], compoundMiddle: [], compoundEnd: [], rules: [] };
  const affixes = new Map<string, Affix>(); // flag -> { kind, cross, entries: [{strip, add, cont, cond}] }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split(/\s+/);
    const arg = f[1] ?? '';
    switch (f[0]) {
      case 'FLAG': opts.flagType = arg; break;
      case 'FORBIDDENWORD': opts.forbidden = arg; break;
      case 'NOSUGGEST': opts.noSuggest = arg; break;
      case 'NEEDAFFIX': opts.needAffix = arg; break;
      case 'ONLYINCOMPOUND': opts.onlyInCompound = arg; break;
      case 'COMPOUNDFLAG': opts.compoundFlag = arg; break;
      case 'COMPOUNDBEGIN': opts.compoundBegin.push(arg); break;
      case 'COMPOUNDMIDDLE': opts.compoundMiddle.push(arg); break;
      case 'COMPOUNDEND': opts.compoundEnd.push(arg); break;
      case 'COMPOUNDPERMITFLAG': opts.permit = arg; break;
      case 'COMPOUNDRULE': if (f.length === 2 && !/^\d+$/.test(arg)) opts.rules.push(arg); break;
      case 'PFX': case 'SFX': {
        const flag = arg;
        const table = affixes.get(flag);
        if (!table) {
          // Header line: PFX flag cross count
          affixes.set(flag, { kind: f[0], cross: f[2] === 'Y', entries: [] });
          break;
        }
        const [addRaw = '0', contRaw = ''] = (f[3] ?? '0').split('/');
        const strip = f[2] === '0' ? '' : (f[2] ?? '');
        const add = addRaw === '0' ? '' : addRaw;
        const condSrc = f[4] ?? '.';
        const cond = condSrc === '.' ? null
          : new RegExp(f[0] === 'SFX' ? `${condSrc}$` : `^${condSrc}`, 'u');
        table.entries.push({ strip, add, cont: splitFlags(contRaw), cond });
        break;
      }
      default: break;
    }
  }
  if (opts.flagType !== 'char' && opts.flagType !== 'UTF-8') throw new Error(`FLAG ${opts.flagType} not supported`);
  return { opts, affixes };
}

function splitFlags(s: string): string[] { return [...s]; } // FLAG char/UTF-8: one code point per flag

/** Compound-rule flags: first symbol of each rule may begin, last may end (e.g. `>j`, `)k`). */
function ruleRoles(rules: readonly string[]): { begin: Set<string>; end: Set<string> } {
  const begin = new Set<string>(), end = new Set<string>();
  for (const r of rules) {
    const syms = r.replace(/[*?]/g, '');
    // Only letter-flag rules (particle + verb, adjective + adjective); the numeric rules (digits,
    // number words) are left out: numbers are not words for the repair stage.
    if (!/^[^0-9-]{2}$/u.test(syms)) continue;
    begin.add(syms[0]!); end.add(syms[1]!);
  }
  return { begin, end };
}

const { opts, affixes } = parseAff(aff);
const rr = ruleRoles(opts.rules);
const has = (flags: readonly string[], f: string | undefined): boolean => f !== undefined && flags.includes(f);
const anyOf = (flags: readonly string[], list: readonly string[]): boolean => list.some((f) => flags.includes(f));

const masks = new Map<string, number>();
const suggestable = new Set<string>(); // forms some entry without NOSUGGEST makes
const forbidden = new Set<string>();
const add = (form: string, mask: number): void => { if (mask) masks.set(form, (masks.get(form) ?? 0) | mask); };

// Entries Hunspell does not mark as compound ends, with their standalone forms: candidates for
// the corpus-evidence step below (`råd` lacks COMPOUNDEND, yet `integrationsrådet` is ordinary).
const entryForms: string[][] = [];
const lines = dic.split(/\r?\n/);
let entries = 0;
for (let i = 1; i < lines.length; i++) {
  const line = lines[i];
  if (!line) continue;
  // `word/flags` — a slash escaped as `\/` is part of the word (none in sv, handled anyway).
  const m = /^((?:\\\/|[^/\s])+)(?:\/(\S*))?/u.exec(line);
  if (!m) continue;
  entries++;
  const word = m[1]!.replace(/\\\//g, '/');
  const flags = splitFlags(m[2] ?? '');
  const isForbidden = has(flags, opts.forbidden);
  const onlyCompound = has(flags, opts.onlyInCompound);
  const needAffix = has(flags, opts.needAffix);
  const rootBegin = anyOf(flags, opts.compoundBegin) || anyOf(flags, [...rr.begin]) || has(flags, opts.compoundFlag);
  const rootMiddle = anyOf(flags, opts.compoundMiddle) || has(flags, opts.compoundFlag);
  const rootEnd = anyOf(flags, opts.compoundEnd) || anyOf(flags, [...rr.end]) || has(flags, opts.compoundFlag);

  const forms: Array<[form: string, mask: number]> = [];
  // Root form
  if (!needAffix) {
    forms.push([word, (onlyCompound ? 0 : STANDALONE) | (rootBegin ? BEGIN : 0) | (rootMiddle ? MIDDLE : 0) | (rootEnd ? END : 0)]);
  }
  for (const fl of flags) {
    const a = affixes.get(fl);
    if (!a || a.kind !== 'SFX') continue; // sv has no PFX; a PFX table would need cross products
    for (const e of a.entries) {
      if (e.cond && !e.cond.test(word)) continue;
      if (e.strip && !word.endsWith(e.strip)) continue;
      const form = word.slice(0, word.length - e.strip.length) + e.add;
      if (form === '') continue;
      const permit = has(e.cont, opts.permit);
      const cOnly = onlyCompound || has(e.cont, opts.onlyInCompound);
      const cNeed = has(e.cont, opts.needAffix); // would need a further affix: not a word alone
      let mask = cOnly || cNeed ? 0 : STANDALONE;
      // Roles the affix itself grants (ränte-, arbets-), or the root's roles: a suffixed form may end a
      // compound; it may begin/stand inside one only if the suffix carries the permit flag.
      if (anyOf(e.cont, opts.compoundBegin) || (permit && rootBegin)) mask |= BEGIN;
      if (anyOf(e.cont, opts.compoundMiddle) || (permit && rootMiddle)) mask |= MIDDLE;
      if (anyOf(e.cont, opts.compoundEnd) || rootEnd) mask |= END;
      forms.push([form, mask]);
    }
  }
  // Numeric-suffix entries (flag 6 in sv_SE's rule `1*-6`) are only-in-compound forms that follow
  // `<digits>-`; all their inflected forms may.
  const numericSuffix = opts.rules.some((r) => /^1\*-(.)$/u.test(r) && has(flags, r.slice(-1)));
  const noSuggest = has(flags, opts.noSuggest);
  for (const [form, mask] of forms) {
    if (isForbidden) forbidden.add(form); else add(form, mask | (numericSuffix ? NUMERIC_SUFFIX : 0));
    if (!isForbidden && !noSuggest) suggestable.add(form);
  }
  if (!isForbidden && !rootEnd && !onlyCompound) entryForms.push(forms.filter(([, mk]) => mk & STANDALONE).map(([f]) => f));
}
for (const [form, mask] of masks) if (!suggestable.has(form)) masks.set(form, mask | NO_SUGGEST);
const promoted = mineCompoundEnds({ masks, entryForms, BEGIN, END, STANDALONE });
// A forbidden entry forbids its forms unless a permitted entry also makes them (homographs).
let dropped = 0;
for (const f of forbidden) if (!masks.has(f)) dropped++;

const all = [...masks.entries()]
  .filter(([w, m]) => m !== 0 && !/\s/.test(w))
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
// The front-coded file is Latin-1, which V8 decodes into a compact one-byte string ~4x faster than
// UTF-8 into a two-byte one. The few forms outside Latin-1 (foreign names: Dvořák, Čaušescu) go to a
// small UTF-8 side list.
const latin1 = (w: string): boolean => [...w].every((c) => c.charCodeAt(0) <= 0xff);
const sorted = all.filter(([w]) => latin1(w));
const extra = all.filter(([w]) => !latin1(w));
writeFileSync(join(root, 'dictionaries', 'sv-forms-extra.txt'),
  '# Hunspell sv_SE forms outside Latin-1 (see sv-forms.fc.txt.gz): form<TAB>role bits (hex)\n' +
  extra.map(([w, m]) => `${w}\t${m.toString(16)}\n`).join(''));
mkdirSync(join(root, 'dictionaries'), { recursive: true });
// Front-coded, Latin-1 (see src/repair/lexicon-frontcoded.ts): `<shared prefix length + U+0030><roles + U+0030><suffix>`,
// a full form at least every BLOCK entries.
const BLOCK = 32;
const out: string[] = [];
let prev = '';
sorted.forEach(([w, m], i) => {
  let p = 0;
  if (i % BLOCK !== 0) while (p < w.length && p < prev.length && w[p] === prev[p]) p++;
  out.push(String.fromCharCode(48 + p) + String.fromCharCode(48 + m) + w.slice(p));
  prev = w;
});
const gz = gzipSync(Buffer.from(out.join('\n') + '\n', 'latin1'), { level: 9 });
writeFileSync(join(root, 'dictionaries', 'sv-forms.fc.txt.gz'), gz);
// Key filter (src/repair/lexicon-hash.ts, whose hashKey this is): FNV-1a over UTF-16 code units,
// 10 bits a key rounded up to a power of two, bit b = bit (b & 7) of byte b >> 3.
let nBytes = 64;
while (nBytes * 8 < all.length * 10) nBytes *= 2;
const filter = new Uint8Array(nBytes);
for (const [w] of all) {
  const b = hashKey(w) & (nBytes * 8 - 1);
  filter[b >>> 3]! |= 1 << (b & 7);
}
writeFileSync(join(root, 'dictionaries', 'sv-forms.filter.bin'), filter);
// The forms that may begin or stand inside a compound (~37 k), also as a plain list: the compound
// analyser tries every prefix of a word against them, so the library keeps them in a Set.
const partForms = all.filter(([, m]) => m & (BEGIN | MIDDLE));
const partsGz = gzipSync(Buffer.from(partForms.map(([w, m]) => `${w}\t${(m & (BEGIN | MIDDLE)).toString(16)}`).join('\n') + '\n', 'utf8'), { level: 9 });
writeFileSync(join(root, 'dictionaries', 'sv-compound-parts.txt.gz'), partsGz);
const counts = { standalone: 0, begin: 0, middle: 0, end: 0, compoundOnly: 0 };
for (const m of masks.values()) {
  if (m & STANDALONE) counts.standalone++; else if (m) counts.compoundOnly++;
  if (m & BEGIN) counts.begin++; if (m & MIDDLE) counts.middle++; if (m & END) counts.end++;
}
await import('./lexicon-frequencies.js');
console.log(`dic entries ${entries}; forms ${masks.size}; forbidden-only forms dropped ${dropped}; entries made compound ends from corpus evidence ${promoted.entries} (${promoted.forms} forms);`, counts,
  `; sv-forms.fc.txt.gz ${gz.length} bytes, sv-forms.filter.bin ${filter.length} bytes, sv-compound-parts.txt.gz ${partForms.length} forms ${partsGz.length} bytes`);
