// Builds dictionaries/sv-context.bin, the broad-register context model of repair's word choice
// (src/repair/context-model.ts): a unigram prior across registers (wordfreq's Swedish list) and
// word-pair and word-triple counts of modern Swedish fiction and news, hashed and quantised.
//
//   tsx scripts/build-context-model.ts --wordfreq large_sv.msgpack.gz [--out dictionaries/sv-context.bin]
//       [--min-bigram 1] [--min-trigram 1] [--max-cb 800] [--list-texts] TEXT.txt…
//
// --min-bigram / --min-trigram: pairs / triples seen fewer times are not stored (pruning; the heads
// and continuation-type counts of Witten–Bell are taken before it, so a pruned pair still counts in
// its word's denominators and lends its mass to the back-off). A pair history too rare to be stored
// keeps no continuation-type entry either. --list-texts: the header names each TEXT file and its
// running words. --share FILE (repeatable; matched by file name): the texts whose word counts a
// document's officialness is measured against (stored as their own table, format 3), when more
// registers are counted than those; without it the file is format 2. A TEXT given as `FILE@W` counts each of its occurrences W times (W < 1: a large
// register weighed down so that it does not drown the others; a weighed count that rounds to 0 is
// not stored, and a continuation type seen less than once counts that part of a type).
//
// TEXT files: plain UTF-8 text (the sources and how their text was taken out are in
// dictionaries/README.md). A pair or triple is two or three tokens with nothing but white space
// between them; a token is a word (lower-cased) or a sentence mark right after a word (`<.>` for
// . ! ? …, `<,>` for , and ;, `<:>` for :), so `sa:` (said, before a quotation) and `så` are told
// apart by what follows them and a word after a full stop has the sentence start before it. After a
// mark followed by anything but white space (a quote, a dash), and at other punctuation, digits and
// line ends, the chain breaks. Continuation types (distinct tokens after a token, after a pair) are
// stored for Witten–Bell smoothing. The texts themselves are not shipped, only the hashed counts.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTEXT_FORMAT, CONTEXT_FORMAT_SHARES, CONTEXT_FORMATS, CONTEXT_SECTIONS, MARK_GAP, contextHash, countOfByte, markToken, quantiseCount } from '../src/repair/context-model.js';
import { readWordfreq } from './wordfreq.js';

const { values: opts, positionals: texts } = parseArgs({
  allowPositionals: true,
  options: {
    wordfreq: { type: 'string' },
    out: { type: 'string', default: 'dictionaries/sv-context.bin' },
    'min-bigram': { type: 'string', default: '1' },
    'list-texts': { type: 'boolean', default: false },
    share: { type: 'string', multiple: true, default: [] },
    'min-trigram': { type: 'string', default: '1' },
    'max-cb': { type: 'string', default: '800' },
  },
});
if (!opts.wordfreq || texts.length === 0) {
  console.error('usage: build-context-model.ts --wordfreq large_sv.msgpack.gz [--out FILE] [--min-bigram N] [--min-trigram N] [--max-cb N] TEXT…');
  process.exit(2);
}
const minBigram = Number(opts['min-bigram']);
const minTrigram = Number(opts['min-trigram']);
const maxCentibels = Number(opts['max-cb']);

// ---- The prior: every lower-case word of letters (an inner `-`/`:` allowed), its rarest listing kept out. ----
// The stored centibels are the word's index in wordfreq's list counted with the header (one more
// than its frequency in centibels), as the shipped model was built: a 1 cB (2.3 %) offset, below
// the file's 4 cB step, kept so that a rebuild is byte-identical.
const LETTERS = /^\p{L}+(?:[-:]\p{L}+)?$/u;
const prior = new Map<string, number>();
let priorWords = 0;
const buckets = readWordfreq(opts.wordfreq);
for (let centibels = 0; centibels < buckets.length && centibels + 1 <= maxCentibels; centibels++) {
  for (const w of buckets[centibels]!) {
    const word = w.normalize('NFC').toLowerCase();
    if (!LETTERS.test(word) || prior.has(word)) continue;
    prior.set(word, centibels + 1);
    priorWords++;
  }
}

// ---- Counts of the texts. ----
const WORD = /\p{L}+(?:[-:]\p{L}+)*/gu;
const unigrams = new Map<string, number>();
/** word → times it is the first of a pair */
const heads = new Map<string, number>();
const bigrams = new Map<string, number>();
const trigrams = new Map<string, number>();
let tokens = 0;
/** Running words of each TEXT file (by its name), for the header. */
const textWords: Record<string, number> = {};
const textWeights: Record<string, number> = {};
/** Word counts of the --share texts (the officialness reference) and their running words. */
const shareCounts = new Map<string, number>();
let shareTokens = 0;
const shareFiles = new Set((opts.share ?? []).map((f) => basename(f)));
let sharing: boolean;
/** What one occurrence in the text being counted adds (its weight). */
let weight = 1;
const inc = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + weight);
};
for (const spec of texts) {
  // `FILE@W`: each occurrence in FILE counts W (a large register weighed down to the others' size).
  const weighted = /^(.*)@(\d+(?:\.\d+)?)$/u.exec(spec);
  const file = weighted ? weighted[1]! : spec;
  weight = weighted ? Number(weighted[2]) : 1;
  sharing = shareFiles.has(basename(file));
  const text = readFileSync(file, 'utf8').normalize('NFC').replace(/\u00ad/gu, '');
  const before = tokens;
  for (const line of text.split('\n')) {
    let prev1: string | null = null;
    let prev2: string | null = null;
    const push = (w: string): void => {
      if (prev1 !== null) {
        inc(bigrams, `${prev1} ${w}`);
        inc(heads, prev1);
        if (prev2 !== null) inc(trigrams, `${prev2} ${prev1} ${w}`);
      }
      prev2 = prev1;
      prev1 = w;
    };
    const pushMark = (mark: string): void => {
      const t = markToken(mark);
      inc(unigrams, t);
      push(t);
    };
    const cut = (): void => {
      prev1 = prev2 = null;
    };
    let lastEnd = -1;
    for (const m of line.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      // A word glued to a digit pairs with nothing.
      const digitNext = /\d/u.test(line[m.index + m[0].length] ?? '') || /\d/u.test(line[m.index - 1] ?? '');
      tokens += weight;
      inc(unigrams, w);
      if (sharing) {
        shareTokens++;
        shareCounts.set(w, (shareCounts.get(w) ?? 0) + 1);
      }
      if (lastEnd >= 0) {
        const gap = line.slice(lastEnd, m.index);
        if (!/^\s+$/u.test(gap)) {
          const mark = MARK_GAP.exec(gap);
          // A mark glued to the next word (`t.ex`) is no sentence mark.
          if (mark && !(mark[2] === '' && mark[3] === '')) {
            pushMark(mark[1]![0]!);
            if (!(mark[2] !== '' && mark[3] === '')) cut();
          } else cut();
        }
      }
      if (digitNext) cut();
      push(w);
      if (digitNext) cut();
      lastEnd = m.index + m[0].length;
    }
    // A mark ending the paragraph.
    const last = lastEnd >= 0 ? /^([.!?\u2026]+|[,;:])(?![\p{L}\p{N}])/u.exec(line.slice(lastEnd)) : null;
    if (last) pushMark(last[1]![0]!);
  }
  const name = basename(file);
  textWords[name] = (textWords[name] ?? 0) + Math.round((tokens - before) / weight);
  if (weight !== 1) textWeights[name] = weight;
}
// Continuation types (Witten–Bell): distinct tokens seen after a token, and after a pair.
// A continuation seen with less than a whole count (a weighed-down text) is that part of a type.
const addType = (m: Map<string, number>, k: string, n: number): void => {
  m.set(k, (m.get(k) ?? 0) + Math.min(1, n));
};
const types = new Map<string, number>();
for (const [k, n] of bigrams) addType(types, k.slice(0, k.indexOf(' ')), n);
const types2 = new Map<string, number>();
for (const [k, n] of trigrams) addType(types2, k.slice(0, k.lastIndexOf(' ')), n);

interface Table {
  /** Sorted hashes of the keys. */
  keys: Uint32Array;
  /** The byte of each key. */
  values: Uint8Array;
  /** Keys that share a hash with another. */
  collisions: number;
}

/** Two colliding keys' count bytes as one: their counts added and quantised again. (The bytes
 * themselves do not add: past 32 a byte is on a log scale, and a sum past 255 wrapped round.) */
const addCounts = (a: number, b: number): number => quantiseCount(countOfByte(a) + countOfByte(b));
/** Two colliding words' prior bytes (4 cB a step, the rarer the higher) as one: their frequencies
 * added (the commoner word's byte, or up to 8 steps — a factor 2 — below it). */
const addFrequencies = (a: number, b: number): number => Math.max(0, Math.round(-25 * Math.log10(10 ** (-a / 25) + 10 ** (-b / 25))));

/** Sorted hash keys and quantised values of a table; colliding keys share one entry (`merge`d). */
function table(entries: ReadonlyArray<readonly [string, number]>, merge = addCounts): Table {
  const merged = new Map<number, number>();
  for (const [k, v] of entries) {
    const h = contextHash(k);
    const before = merged.get(h);
    merged.set(h, before === undefined ? v : merge(before, v));
  }
  const keys = Uint32Array.from(merged.keys()).sort();
  const values = new Uint8Array(keys.length);
  keys.forEach((h, i) => {
    values[i] = merged.get(h)!;
  });
  return { keys, values, collisions: entries.length - keys.length };
}
// Weighed counts are rounded (exact to 32, as whole counts); one that rounds to nothing is not stored.
const quantised = (m: ReadonlyMap<string, number>, min = 1): Array<[string, number]> =>
  [...m].filter(([, n]) => n >= min && n >= 0.5).map(([k, n]) => [k, quantiseCount(Math.round(n))]);
const sections: Record<(typeof CONTEXT_SECTIONS)[number], Table> = {
  prior: table([...prior].map(([w, cb]) => [w, Math.min(255, Math.round(cb / 4))]), addFrequencies),
  heads: table(quantised(heads)),
  bigrams: table(quantised(bigrams, minBigram)),
  trigrams: table(quantised(trigrams, minTrigram)),
  unigrams: table(quantised(unigrams)),
  types: table(quantised(types)),
  types2: table(quantised(types2).filter(([k]) => (bigrams.get(k) ?? 0) >= minBigram)),
  shares: table(quantised(shareCounts)),
};
const format = shareFiles.size > 0 ? CONTEXT_FORMAT_SHARES : CONTEXT_FORMAT;
const meta = {
  format,
  marks: '<.> . ! ? …; <,> , ;; <:> :',
  hash: 'fnv1a32-utf16',
  quantise: 'n<=32: n; else 32+round(ln(n/32)/ln(1.08))',
  prior: 'byte = round(centibels/4); frequency = 10^(-4*byte/100)',
  tokens: Math.round(tokens),
  priorWords,
  ...(shareFiles.size > 0 ? { shareTokens } : {}),
  // Pruning and the counted texts are told only when used, so that a build without them is
  // byte-identical to the format-2 models made before they existed.
  ...(minBigram > 1 || minTrigram > 1 ? { pruned: { minBigram, minTrigram } } : {}),
  ...(opts['list-texts'] ? { texts: textWords } : {}),
  ...(Object.keys(textWeights).length > 0 ? { weights: textWeights } : {}),
  sections: Object.fromEntries(Object.entries(sections).slice(0, CONTEXT_FORMATS[format]).map(([k, t]) => [k, { entries: t.keys.length, collisions: t.collisions }])),
};

// ---- The file: `ARKC`, the header's length and JSON, then each table (count, keys, bytes), each
// part padded to 4 bytes so that the key arrays can be viewed in place. ----
const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
const parts: Buffer[] = [];
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
let length = 0;
const push = (b: Buffer): void => {
  parts.push(b);
  length += b.length;
};
const pad = (): void => push(Buffer.alloc((4 - (length % 4)) % 4));
push(Buffer.from('ARKC'));
push(u32(metaBytes.length));
push(metaBytes);
pad();
for (const name of CONTEXT_SECTIONS.slice(0, CONTEXT_FORMATS[format])) {
  const t = sections[name];
  push(u32(t.keys.length));
  push(Buffer.from(t.keys.buffer, t.keys.byteOffset, t.keys.byteLength));
  push(Buffer.from(t.values.buffer, t.values.byteOffset, t.values.byteLength));
  pad();
}
writeFileSync(opts.out, Buffer.concat(parts));
console.log(JSON.stringify(meta, null, 1));
