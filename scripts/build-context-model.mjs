#!/usr/bin/env node
/**
 * Builds dictionaries/sv-context.bin, the broad-register context model of repair's word choice
 * (src/repair/context-model.ts): a unigram prior across registers (wordfreq's Swedish list) and
 * word-pair and word-triple counts of modern Swedish fiction and news, hashed and quantised.
 *
 *   node scripts/build-context-model.mjs --wordfreq large_sv.msgpack.gz --out dictionaries/sv-context.bin TEXT.txt…
 *
 * TEXT files: plain UTF-8 text. A pair or triple is two or three words with nothing but white
 * space between them (as in the official bigram table): punctuation, digits and line ends break it.
 * Words are lower-cased. The texts themselves are not shipped, only the hashed counts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const wordfreqPath = opt('--wordfreq');
const out = opt('--out') ?? 'dictionaries/sv-context.bin';
const minTrigram = Number(opt('--min-trigram') ?? 1);
const maxCentibels = Number(opt('--max-cb') ?? 800);
if (!wordfreqPath || args.length === 0) {
  console.error('usage: build-context-model.mjs --wordfreq large_sv.msgpack.gz [--out FILE] TEXT…');
  process.exit(2);
}

// ---- The hash and quantisation shared with src/repair/context-model.ts (keep them in step). ----
/** FNV-1a over UTF-16 code units, 32 bits. */
function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
/** A count in one byte: exact to 32, then steps of 8 %. */
function quantise(n) {
  if (n <= 32) return n;
  return Math.min(255, 32 + Math.round(Math.log(n / 32) / Math.log(1.08)));
}

// ---- A minimal MessagePack reader (what wordfreq's files use: arrays, maps, strings, ints). ----
function unpack(buf) {
  let p = 0;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const str = (n) => {
    const s = buf.toString('utf8', p, p + n);
    p += n;
    return s;
  };
  const arr = (n) => {
    const a = new Array(n);
    for (let i = 0; i < n; i++) a[i] = read();
    return a;
  };
  const map = (n) => {
    const m = {};
    for (let i = 0; i < n; i++) {
      const k = read();
      m[k] = read();
    }
    return m;
  };
  function read() {
    const b = buf[p++];
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 256;
    if ((b & 0xe0) === 0xa0) return str(b & 0x1f);
    if ((b & 0xf0) === 0x90) return arr(b & 0x0f);
    if ((b & 0xf0) === 0x80) return map(b & 0x0f);
    switch (b) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xcc: return buf[p++];
      case 0xcd: p += 2; return dv.getUint16(p - 2);
      case 0xce: p += 4; return dv.getUint32(p - 4);
      case 0xd0: p += 1; return dv.getInt8(p - 1);
      case 0xd1: p += 2; return dv.getInt16(p - 2);
      case 0xd2: p += 4; return dv.getInt32(p - 4);
      case 0xd9: { const n = buf[p++]; return str(n); }
      case 0xda: { const n = dv.getUint16(p); p += 2; return str(n); }
      case 0xdb: { const n = dv.getUint32(p); p += 4; return str(n); }
      case 0xdc: { const n = dv.getUint16(p); p += 2; return arr(n); }
      case 0xdd: { const n = dv.getUint32(p); p += 4; return arr(n); }
      case 0xde: { const n = dv.getUint16(p); p += 2; return map(n); }
      case 0xdf: { const n = dv.getUint32(p); p += 4; return map(n); }
      case 0xcb: p += 8; return dv.getFloat64(p - 8);
      default: throw new Error(`msgpack byte 0x${b.toString(16)} at ${p - 1} not supported`);
    }
  }
  return read();
}

// ---- wordfreq: [header, bucket 0, bucket 1, …]; bucket i holds the words of frequency 10^(−i/100). ----
const packed = unpack(gunzipSync(readFileSync(wordfreqPath)));
const header = packed[0];
if (!header || header.format !== 'cB') throw new Error(`unexpected wordfreq header ${JSON.stringify(header)}`);
const LETTERS = /^\p{L}+(?:[-:]\p{L}+)?$/u;
const prior = new Map();
let priorWords = 0;
for (let cb = 1; cb < packed.length && cb <= maxCentibels; cb++) {
  for (const w of packed[cb]) {
    const word = w.normalize('NFC').toLowerCase();
    if (!LETTERS.test(word) || prior.has(word)) continue;
    prior.set(word, cb);
    priorWords++;
  }
}

// ---- Counts of the texts. ----
// A sentence mark right after a word is a token of its own (`<.>` for . ! ? …, `<,>` for , and ;,
// `<:>` for :), so `sa:` (said, before a quotation) and `så` are told apart by what follows them,
// and a word after a full stop has the sentence start as its left neighbour. A chain of tokens runs
// while only white space separates them; after a mark followed by anything else (a quote, a dash)
// the chain ends with the mark.
const WORD = /\p{L}+(?:[-:]\p{L}+)*/gu;
/** What may stand between two words of one chain: white space, or a sentence mark and white space. */
const MARK_GAP = /^([.!?\u2026]+|[,;:])(\s*)(.*)$/su;
const markToken = (m) => (m === ',' || m === ';' ? '<,>' : m === ':' ? '<:>' : '<.>');
const unigrams = new Map();
const heads = new Map(); // token → times it is the first of a pair
const bigrams = new Map();
const trigrams = new Map();
let tokens = 0;
const inc = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
for (const file of args) {
  const text = readFileSync(file, 'utf8').normalize('NFC').replace(/\u00ad/gu, '');
  for (const line of text.split('\n')) {
    let prev1 = null;
    let prev2 = null;
    const push = (w) => {
      if (prev1 !== null) {
        inc(bigrams, `${prev1} ${w}`);
        inc(heads, prev1);
        if (prev2 !== null) inc(trigrams, `${prev2} ${prev1} ${w}`);
      }
      prev2 = prev1;
      prev1 = w;
    };
    const brk = () => {
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
            const t = markToken(mark[1][0]);
            inc(unigrams, t);
            push(t);
            if (!(mark[2] !== '' && mark[3] === '')) brk();
          } else brk();
        }
      }
      if (digitNext) brk();
      push(w);
      if (digitNext) brk();
      lastEnd = m.index + m[0].length;
    }
    // A mark ending the paragraph.
    if (lastEnd >= 0) {
      const mark = /^([.!?\u2026]+|[,;:])(?![\p{L}\p{N}])/u.exec(line.slice(lastEnd));
      if (mark) {
        push(markToken(mark[1][0]));
        inc(unigrams, markToken(mark[1][0]));
      }
    }
  }
}
// Continuation types (Witten–Bell smoothing): distinct tokens seen after a token, and after a pair.
const types = new Map();
for (const k of bigrams.keys()) inc(types, k.slice(0, k.indexOf(' ')));
const types2 = new Map();
for (const k of trigrams.keys()) inc(types2, k.slice(0, k.lastIndexOf(' ')));

/** Sorted hash keys and quantised values of a table; colliding keys share one entry (counts summed). */
function table(entries) {
  const merged = new Map();
  for (const [k, v] of entries) {
    const h = hash(k);
    merged.set(h, (merged.get(h) ?? 0) + v);
  }
  const keys = Uint32Array.from(merged.keys()).sort();
  const values = new Uint8Array(keys.length);
  keys.forEach((h, i) => {
    values[i] = merged.get(h);
  });
  return { keys, values, collisions: [...entries].length - keys.length };
}
const quantised = (m, min = 1) => [...m].filter(([, n]) => n >= min).map(([k, n]) => [k, quantise(n)]);
const sections = {
  prior: table([...prior].map(([w, cb]) => [w, Math.min(255, Math.round(cb / 4))])),
  heads: table(quantised(heads)),
  bigrams: table(quantised(bigrams)),
  trigrams: table(quantised(trigrams, minTrigram)),
  unigrams: table(quantised(unigrams)),
  types: table(quantised(types)),
  types2: table(quantised(types2)),
};
const meta = {
  format: 'arkivtext-context-2',
  marks: '<.> . ! ? …; <,> , ;; <:> :',
  hash: 'fnv1a32-utf16',
  quantise: 'n<=32: n; else 32+round(ln(n/32)/ln(1.08))',
  prior: 'byte = round(centibels/4); frequency = 10^(-4*byte/100)',
  tokens,
  priorWords,
  sections: Object.fromEntries(Object.entries(sections).map(([k, t]) => [k, { entries: t.keys.length, collisions: t.collisions }])),
};
const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
const parts = [];
const u32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
parts.push(Buffer.from('ARKC'), u32(metaBytes.length), metaBytes);
// Pad to 4 bytes so the key arrays can be viewed in place.
const pad = (len) => Buffer.alloc((4 - (len % 4)) % 4);
let len = 8 + metaBytes.length;
parts.push(pad(len));
len += (4 - (len % 4)) % 4;
for (const name of ['prior', 'heads', 'bigrams', 'trigrams', 'unigrams', 'types', 'types2']) {
  const t = sections[name];
  parts.push(u32(t.keys.length));
  parts.push(Buffer.from(t.keys.buffer, t.keys.byteOffset, t.keys.byteLength));
  parts.push(Buffer.from(t.values.buffer, t.values.byteOffset, t.values.byteLength));
  len += 4 + t.keys.byteLength + t.values.byteLength;
  parts.push(pad(len));
  len += (4 - (len % 4)) % 4;
}
writeFileSync(out, Buffer.concat(parts));
console.log(JSON.stringify(meta, null, 1));
