// Builds dictionaries/sv-context.bin, the broad-register context model of repair's word choice
// (src/repair/context-model.ts): a unigram prior across registers (wordfreq's Swedish list) and
// word-pair and word-triple counts of modern Swedish fiction and news, hashed and quantised.
//
//   tsx scripts/build-context-model.ts --wordfreq large_sv.msgpack.gz [--out dictionaries/sv-context.bin]
//       [--min-trigram 1] [--max-cb 800] TEXT.txt…
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
import { parseArgs } from 'node:util';
import { CONTEXT_FORMAT, CONTEXT_SECTIONS, MARK_GAP, contextHash, countOfByte, markToken, quantiseCount } from '../src/repair/context-model.js';
import { readWordfreq } from './wordfreq.js';

const { values: opts, positionals: texts } = parseArgs({
  allowPositionals: true,
  options: {
    wordfreq: { type: 'string' },
    out: { type: 'string', default: 'dictionaries/sv-context.bin' },
    'min-trigram': { type: 'string', default: '1' },
    'max-cb': { type: 'string', default: '800' },
  },
});
if (!opts.wordfreq || texts.length === 0) {
  console.error('usage: build-context-model.ts --wordfreq large_sv.msgpack.gz [--out FILE] [--min-trigram N] [--max-cb N] TEXT…');
  process.exit(2);
}
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
const inc = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};
for (const file of texts) {
  const text = readFileSync(file, 'utf8').normalize('NFC').replace(/\u00ad/gu, '');
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
      tokens++;
      inc(unigrams, w);
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
}
// Continuation types (Witten–Bell): distinct tokens seen after a token, and after a pair.
const types = new Map<string, number>();
for (const k of bigrams.keys()) inc(types, k.slice(0, k.indexOf(' ')));
const types2 = new Map<string, number>();
for (const k of trigrams.keys()) inc(types2, k.slice(0, k.lastIndexOf(' ')));

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
const quantised = (m: ReadonlyMap<string, number>, min = 1): Array<[string, number]> => [...m].filter(([, n]) => n >= min).map(([k, n]) => [k, quantiseCount(n)]);
const sections: Record<(typeof CONTEXT_SECTIONS)[number], Table> = {
  prior: table([...prior].map(([w, cb]) => [w, Math.min(255, Math.round(cb / 4))]), addFrequencies),
  heads: table(quantised(heads)),
  bigrams: table(quantised(bigrams)),
  trigrams: table(quantised(trigrams, minTrigram)),
  unigrams: table(quantised(unigrams)),
  types: table(quantised(types)),
  types2: table(quantised(types2)),
};
const meta = {
  format: CONTEXT_FORMAT,
  marks: '<.> . ! ? …; <,> , ;; <:> :',
  hash: 'fnv1a32-utf16',
  quantise: 'n<=32: n; else 32+round(ln(n/32)/ln(1.08))',
  prior: 'byte = round(centibels/4); frequency = 10^(-4*byte/100)',
  tokens,
  priorWords,
  sections: Object.fromEntries(Object.entries(sections).map(([k, t]) => [k, { entries: t.keys.length, collisions: t.collisions }])),
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
for (const name of CONTEXT_SECTIONS) {
  const t = sections[name];
  push(u32(t.keys.length));
  push(Buffer.from(t.keys.buffer, t.keys.byteOffset, t.keys.byteLength));
  push(Buffer.from(t.values.buffer, t.values.byteOffset, t.values.byteLength));
  pad();
}
writeFileSync(opts.out, Buffer.concat(parts));
console.log(JSON.stringify(meta, null, 1));
