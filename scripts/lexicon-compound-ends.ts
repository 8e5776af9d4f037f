// Corpus evidence for compound ends Hunspell sv_SE forgot. Its COMPOUNDEND flag is missing on some
// common nouns (`råd`), so `integrationsrådet` would be unknown. Official Swedish prose shows which
// words really head compounds: a word of the corpus that is no Hunspell form but splits into a
// Hunspell compound-begin form ending in the linking `s` plus a standalone form of an entry without
// the END role counts as evidence for that entry. Entries with MIN_COMPOUNDS distinct such
// compounds get the END role on all their forms.
//
// Only s-linked evidence counts: adverb + participle words (`ovan|nämnde`, `sist|nämnde`) would
// otherwise make verb forms compound ends and let truncated OCR words (`…nämnde(n)`) pass.
import { officialCounts } from '../src/official-data.js';

const MIN_COMPOUNDS = 3;
// Heads of 4 letters or fewer are mostly suffixes in disguise (`…rätts|liga`, `…nings|bart`).
const MIN_HEAD = 5;

export interface CompoundEndInput {
  /** form → role bits; gains END bits here. */
  masks: Map<string, number>;
  /** Per dictionary entry without the END role, its standalone forms. */
  entryForms: string[][];
  BEGIN: number;
  END: number;
  STANDALONE: number;
}

export function mineCompoundEnds({ masks, entryForms, BEGIN, END, STANDALONE }: CompoundEndInput): { entries: number; forms: number } {
  const formToEntries = new Map<string, number[]>();
  entryForms.forEach((forms, i) => {
    for (const f of forms) {
      const list = formToEntries.get(f);
      if (list) list.push(i); else formToEntries.set(f, [i]);
    }
  });
  const evidence = new Map<number, Set<string>>(); // entry index -> Set of compounds
  for (const [w, count] of officialCounts('sv-official-unigrams.tsv')) {
    if (count < 3 || w !== w.toLowerCase() || !/^\p{Ll}+$/u.test(w) || masks.has(w)) continue;
    for (let j = 3; j <= w.length - MIN_HEAD; j++) {
      if (w[j - 1] !== 's') continue;
      const first = w.slice(0, j);
      if (!((masks.get(first) ?? 0) & BEGIN)) continue;
      const head = w.slice(j);
      if (!((masks.get(head) ?? 0) & STANDALONE)) continue;
      // `förmögenhets|katt` is `förmögenhet|skatt` with a simplified triple s: no evidence for `katt`.
      if ((masks.get('s' + head) ?? 0) & END) continue;
      for (const e of formToEntries.get(head) ?? []) {
        const set = evidence.get(e) ?? new Set<string>();
        set.add(w);
        evidence.set(e, set);
      }
    }
  }
  let entries = 0;
  let forms = 0;
  for (const [e, set] of evidence) {
    if (set.size < MIN_COMPOUNDS) continue;
    entries++;
    for (const f of entryForms[e] ?? []) {
      const m = masks.get(f) ?? 0;
      if (!(m & END)) forms++;
      masks.set(f, m | END);
    }
    if (process.env.LEXICON_VERBOSE) console.log('END by corpus:', entryForms[e]?.[0], [...set].slice(0, 4).join(' '));
  }
  return { entries, forms };
}
